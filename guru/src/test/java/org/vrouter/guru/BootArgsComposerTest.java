package org.vrouter.guru;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vrouter.guru.Fixtures.ip;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.vrouter.api.bootargs.BootArg;
import org.vrouter.api.bootargs.BootArgs;
import org.vrouter.api.bootargs.RouterType;
import org.vrouter.api.dc.DeployDestination;
import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.dc.NetworkType;
import org.vrouter.api.dc.Pod;
import org.vrouter.api.dc.Zone;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.golden.GoldenFiles;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.DnsServers;
import org.vrouter.api.net.IpRange;
import org.vrouter.api.network.EgressPolicy;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.NetworkOffering;
import org.vrouter.api.network.Provider;
import org.vrouter.api.network.Service;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.RedundantState;
import org.vrouter.api.router.RouterDeployment;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.vm.Nic;
import org.vrouter.guru.address.AddressPool;
import org.vrouter.guru.address.InMemoryAddressAllocator;
import org.vrouter.guru.start.RecordingCommandFactory;

/**
 * Boot-argument lines, compared whole with {@code golden/bootargs/<case>/cmdline.txt} (one
 * {@code key=value} per line, in emission order); the wire-format §9.3 examples also token for token.
 */
class BootArgsComposerTest {
    private final InMemoryAddressAllocator allocator = new InMemoryAddressAllocator();

    private RouterGuru guru(GuruSettings settings) {
        RecordingCommandFactory factory = new RecordingCommandFactory();
        return new RouterGuru(settings, allocator, factory, factory);
    }

    private BootArgs bootArgs(GuruSettings settings, DomainRouter router, RouterDeployment deployment) {
        RouterGuru guru = guru(settings);
        List<Nic> nics = guru.planNics(router, deployment);
        return guru.finalizeVirtualMachineProfile(router, Fixtures.profile(router, nics), deployment).bootArgs();
    }

    /** Gives {@code routerId} the link-local address of the wire-format example. */
    private void controlAddress(long routerId, String address) {
        AddressPool pool = AddressPool.linkLocal(Fixtures.ZONE.id(), OptionalLong.of(Fixtures.POD.id()), GuruSettings.DEFAULT_CONTROL_CIDR,
                GuruSettings.DEFAULT_CONTROL_GATEWAY);
        allocator.claim(pool, routerId, ip(address));
    }

    private static void assertGolden(String caseName, BootArgs args) {
        String lines = args.args().stream().map(BootArg::token).collect(Collectors.joining("\n", "", "\n"));
        GoldenFiles.assertMatches("bootargs", caseName, "cmdline.txt", lines);
    }

    private static RouterDeployment isolatedDeployment(Network network, HypervisorType hypervisor, List<DomainRouter> existing) {
        return new RouterDeployment(network, Fixtures.destination(hypervisor), Optional.of(Fixtures.sourceNat()), existing, Optional.empty());
    }

    @Test
    void writesTheIsolatedKvmExampleOfTheWireFormat() {
        DomainRouter router = Fixtures.router(12, HypervisorType.KVM, 204).build();
        controlAddress(12, "169.254.3.44");

        BootArgs args = bootArgs(Fixtures.settings(), router, isolatedDeployment(Fixtures.isolated(Fixtures.isolatedOffering(false)).build(),
                HypervisorType.KVM, List.of()));

        assertThat(args.render()).isEqualTo(" template=domP name=r-12-VM authorized_key=" + Fixtures.ENCODED_KEY
                + " eth0ip=10.1.1.1 eth0mask=255.255.255.0 privateMtu=1500 domain=cs2cloud.internal cidrsize=24 dhcprange=10.1.1.1"
                + " eth1ip=169.254.3.44 eth1mask=255.255.0.0 eth2ip=203.0.113.20 eth2mask=255.255.255.0 gateway=203.0.113.1"
                + " publicMtu=1500 type=router dns1=8.8.8.8 dns2=8.8.4.4 logrotatefrequency=*:00:00");
        assertGolden("isolated-kvm", args);
    }

    @Test
    void writesTheVpcRouterExampleOfTheWireFormat() {
        DomainRouter router = Fixtures.router(20, HypervisorType.KVM, 301).vpcId(7).build();
        controlAddress(20, "169.254.1.9");
        RouterDeployment deployment = new RouterDeployment(Fixtures.vpcTier(), Fixtures.destination(HypervisorType.KVM), Optional.empty(),
                List.of(), Optional.of(Fixtures.vpc(false)));

        BootArgs args = bootArgs(Fixtures.settings(), router, deployment);

        assertThat(args.render()).isEqualTo(" vpccidr=172.16.0.0/16 domain=vpc1.internal dns1=8.8.8.8 template=domP name=r-20-VM"
                + " authorized_key=" + Fixtures.ENCODED_KEY + " eth0ip=169.254.1.9 eth0mask=255.255.0.0 type=vpcrouter"
                + " logrotatefrequency=*:00:00");
        assertGolden("vpc", args);
    }

    @Test
    void writesTheRedundantGroupOnceWithTheRealDecision() {
        Network network = Fixtures.isolated(Fixtures.isolatedOffering(true)).build();
        DomainRouter first = Fixtures.router(12, HypervisorType.KVM, 204).redundant(true).build();
        DomainRouter second = Fixtures.router(13, HypervisorType.KVM, 204).redundant(true).build();
        controlAddress(12, "169.254.3.44");
        controlAddress(13, "169.254.0.77");

        BootArgs primary = bootArgs(Fixtures.settings(), first, isolatedDeployment(network, HypervisorType.KVM, List.of()));
        BootArgs backup = bootArgs(Fixtures.settings(), second, isolatedDeployment(network, HypervisorType.KVM, List.of(first)));

        assertThat(primary.redundantState()).contains(RedundantState.PRIMARY);
        assertThat(backup.redundantState()).contains(RedundantState.BACKUP);
        assertThat(backup.getAll("redundant_state")).containsExactly("BACKUP");
        assertGolden("redundant-primary", primary);
        assertGolden("redundant-backup", backup);
    }

    /**
     * CloudStack writes the group twice (control NIC: always PRIMARY; guest NIC: the decision) and
     * {@code advert_int} a third time; the router keeps the last occurrence. The wire-format §9.3
     * BACKUP example, written out in full, gives the router the same {@code cmd_line} as our line.
     */
    @Test
    void redundantBackupLineIsWireEquivalentToCloudStacksDoubledGroup() {
        Network network = Fixtures.isolated(Fixtures.isolatedOffering(true)).build();
        DomainRouter first = Fixtures.router(12, HypervisorType.KVM, 204).redundant(true).build();
        DomainRouter second = Fixtures.router(13, HypervisorType.KVM, 204).redundant(true).build();
        bootArgs(Fixtures.settings(), first, isolatedDeployment(network, HypervisorType.KVM, List.of()));
        controlAddress(13, "169.254.0.77");
        BootArgs ours = bootArgs(Fixtures.settings(), second, isolatedDeployment(network, HypervisorType.KVM, List.of(first)));

        BootArgs cloudStack = BootArgs.parse(" template=domP name=r-13-VM authorized_key=" + Fixtures.ENCODED_KEY
                + " eth1ip=169.254.0.77 eth1mask=255.255.0.0 redundant_router=1 advert_int=1 redundant_state=PRIMARY"
                + " eth0ip=10.1.1.3 eth0mask=255.255.255.0 privateMtu=1500"
                + " redundant_router=1 advert_int=1 redundant_state=BACKUP guestgw=10.1.1.1 guestbrd=10.1.1.255"
                + " guestcidrsize=24 advert_int=1 domain=cs2cloud.internal cidrsize=24 dhcprange=10.1.1.1"
                + " eth2ip=203.0.113.20 eth2mask=255.255.255.0 gateway=203.0.113.1 publicMtu=1500"
                + " type=router  dns1=8.8.8.8 dns2=8.8.4.4 logrotatefrequency=*:00:00");

        assertThat(ours.toCmdLineMap()).isEqualTo(cloudStack.toCmdLineMap());
        assertThat(ours.args()).hasSizeLessThan(cloudStack.args().size());
    }

    @Test
    void writesTheVpcRedundantGroupAtTheControlNicWithTheVpcPassword() {
        DomainRouter first = Fixtures.router(20, HypervisorType.KVM, 301).vpcId(7).redundant(true).build();
        DomainRouter second = Fixtures.router(21, HypervisorType.KVM, 301).vpcId(7).redundant(true).build();
        controlAddress(21, "169.254.1.10");
        RouterDeployment deployment = new RouterDeployment(Fixtures.vpcTier(), Fixtures.destination(HypervisorType.KVM), Optional.empty(),
                List.of(first), Optional.of(Fixtures.vpc(true)));

        BootArgs args = bootArgs(Fixtures.settings(), second, deployment);

        assertThat(args.routerId()).contains(7L);
        assertThat(args.routerPassword().map(Secret::reveal)).contains("2604588842169153012231538977750712576532294764201211997718981"
                + "307209459043602702222241284483446832906080699710858771964896488432182141727579463304516262233");
        assertThat(args.redundantState()).contains(RedundantState.BACKUP);
        assertThat(args.toString()).doesNotContain("26045888421691530");
        assertGolden("vpc-redundant-backup", args);
    }

    @Test
    void writesADhcpServerForASharedNetwork() {
        Network network = Fixtures.shared().details(Map.of("routerip", "10.2.0.5")).build();
        DomainRouter router = Fixtures.router(30, HypervisorType.XENSERVER, 205).build();
        controlAddress(30, "169.254.7.1");

        BootArgs args = bootArgs(Fixtures.settings(), router, RouterDeployment.of(network, Fixtures.destination(HypervisorType.XENSERVER),
                Optional.empty()));

        assertThat(args.type()).contains(RouterType.DHCP_SERVER);
        assertThat(args.ethIp(0)).contains(ip("10.2.0.5"));
        assertThat(args.gateway()).contains(ip("10.2.0.1"));
        assertThat(args.useExternalDns()).isFalse();
        assertGolden("shared-dhcpsrvr", args);
    }

    @Test
    void asksForExternalDnsWhenTheRouterServesDhcpButNotDns() {
        NetworkOffering dhcpOnly = new NetworkOffering(14, "offering-dhcp", "dhcp only", Map.of(Service.DHCP, Provider.VIRTUAL_ROUTER),
                false, EgressPolicy.DENY, OptionalLong.empty(), false);
        Network network = Fixtures.shared().offering(dhcpOnly).build();
        DomainRouter router = Fixtures.router(31, HypervisorType.KVM, 205).build();

        BootArgs args = bootArgs(Fixtures.settings(), router, RouterDeployment.of(network, Fixtures.destination(HypervisorType.KVM),
                Optional.empty()));

        assertThat(args.useExternalDns()).isTrue();
        assertThat(args.dns1()).contains(ip("8.8.8.8"));
    }

    @Test
    void sendsNoNameServersWhenTheRouterServesNeitherDhcpNorDns() {
        NetworkOffering userDataOnly = new NetworkOffering(15, "offering-userdata", "user data only",
                Map.of(Service.USER_DATA, Provider.VIRTUAL_ROUTER), false, EgressPolicy.DENY, OptionalLong.empty(), false);
        Network network = Fixtures.shared().offering(userDataOnly).build();
        DomainRouter router = Fixtures.router(32, HypervisorType.KVM, 205).build();

        BootArgs args = bootArgs(GuruSettings.builder().useExternalDns(true).build(), router,
                RouterDeployment.of(network, Fixtures.destination(HypervisorType.KVM), Optional.empty()));

        assertThat(args.dns1()).isEmpty();
        assertThat(args.useExternalDns()).isFalse();
    }

    @Test
    void givesAVmwareRouterItsWayBackToTheManagementNetwork() {
        GuruSettings settings = Fixtures.settings().toBuilder()
                .managementCidr(Cidr.parse("192.168.0.0/16"))
                .podManagementRange(Fixtures.POD.id(), IpRange.parse("range", "192.168.10.100-192.168.10.150"))
                .build();
        DomainRouter router = Fixtures.router(40, HypervisorType.VMWARE, 204).build();

        BootArgs args = bootArgs(settings, router, isolatedDeployment(Fixtures.isolated(Fixtures.isolatedOffering(false)).build(),
                HypervisorType.VMWARE, List.of()));

        assertThat(args.ethCidr(1)).contains(Cidr.parse("192.168.10.100/24"));
        assertThat(args.managementCidr()).contains(Cidr.parse("192.168.0.0/16"));
        assertThat(args.localGateway()).contains(ip("192.168.10.1"));
        assertThat(args.sshOnGuest()).isEmpty();
        assertGolden("vmware-isolated", args);
    }

    @Test
    void keepsSshOffTheGuestSideOfAVmwareRouterInABasicZone() {
        Zone basic = new Zone(2, "zone-2", "basic", NetworkType.BASIC, DnsServers.ipv4(ip("8.8.8.8")), Optional.empty());
        Pod pod = new Pod(4, "pod-4", "pod4", 2, Cidr.parse("192.168.20.0/24"), ip("192.168.20.1"));
        Network network = Network.builder(206, "net-206", "basic", basic, org.vrouter.api.network.TrafficType.GUEST)
                .accountId(1).guestType(org.vrouter.api.network.GuestType.SHARED)
                .ipv4(Cidr.parse("10.3.0.0/22"), ip("10.3.0.1")).offering(Fixtures.sharedOffering())
                .details(Map.of("routerip", "10.3.0.2")).build();
        GuruSettings settings = Fixtures.settings().toBuilder().managementCidr(Cidr.parse("192.168.0.0/16"))
                .podManagementRange(4, IpRange.parse("range", "192.168.20.10-192.168.20.20")).build();
        DomainRouter router = DomainRouter.builder(41, "router-41", 2, HypervisorType.VMWARE, 1).networkIds(List.of(206L)).build();

        BootArgs args = bootArgs(settings, router, RouterDeployment.of(network, DeployDestination.of(basic, pod), Optional.empty()));

        assertThat(args.sshOnGuest()).contains(false);
        assertThat(args.dhcpRange()).contains(ip("10.3.0.1"));
        assertGolden("vmware-basic-shared", args);
    }

    @Test
    void writesIpv6AddressesGatewayAndNameServersOfADualStackSharedNetwork() {
        Zone zone = new Zone(1, "zone-1", "zone1", NetworkType.ADVANCED,
                DnsServers.ipv4(ip("8.8.8.8"), ip("8.8.4.4")).withIpv6(Optional.of(ip("2001:4860:4860::8888")),
                        Optional.of(ip("2001:4860:4860::8844"))), Optional.empty());
        Network network = Network.builder(205, "net-205", "shared", zone, org.vrouter.api.network.TrafficType.GUEST)
                .accountId(1).guestType(org.vrouter.api.network.GuestType.SHARED)
                .ipv4(Cidr.parse("10.2.0.0/16"), ip("10.2.0.1")).ipv6(Cidr.parse("fd00:2::/64"), ip("fd00:2::1"))
                .offering(Fixtures.sharedOffering()).build();
        DomainRouter router = Fixtures.router(33, HypervisorType.KVM, 205).build();

        BootArgs args = bootArgs(Fixtures.settings(), router, RouterDeployment.of(network, Fixtures.destination(HypervisorType.KVM),
                Optional.empty()));

        assertThat(args.ethIp6(0)).contains(ip("fd00:2::2"));
        assertThat(args.ethIp6PrefixLength(0)).contains(64);
        assertThat(args.ip6Gateway()).contains(ip("fd00:2::1"));
        assertThat(args.ip6Firewall()).isTrue();
        assertThat(args.ip6Dns1()).contains(ip("2001:4860:4860::8888"));
        assertGolden("ipv6-shared", args);
    }

    @Test
    void writesTheIpv6GuestGatewayOfARedundantDualStackRouter() {
        Network network = Fixtures.isolated(Fixtures.isolatedOffering(true)).ipv6(Cidr.parse("fd00:1::/64"), ip("fd00:1::1")).build();
        DomainRouter router = Fixtures.router(12, HypervisorType.KVM, 204).redundant(true).build();

        BootArgs args = bootArgs(Fixtures.settings(), router, isolatedDeployment(network, HypervisorType.KVM, List.of()));

        assertThat(args.guestGateway6()).contains(ip("fd00:1::1"));
        assertThat(args.guestCidr6Size()).contains(64);
        assertThat(args.ethIp6(0)).contains(ip("fd00:1::2"));
        assertGolden("ipv6-redundant", args);
    }

    @Test
    void writesEverySettingThatBecomesABootArgument() {
        GuruSettings settings = Fixtures.settings().toBuilder()
                .systemVmPassword(Secret.of("s3cret.Pass"))
                .disableRpFilter(true)
                .dnsSearchOrder(List.of("corp.example", "example"))
                .useExternalDns(true)
                .exposeDns(true)
                .logRotateFrequency("daily")
                .build();
        DomainRouter router = Fixtures.router(12, HypervisorType.KVM, 204).build();
        controlAddress(12, "169.254.3.44");

        BootArgs args = bootArgs(settings, router, isolatedDeployment(Fixtures.isolated(Fixtures.isolatedOffering(false)).build(),
                HypervisorType.KVM, List.of()));

        assertThat(args.vmPassword().map(Secret::reveal)).contains("s3cret.Pass");
        assertThat(args.toString()).doesNotContain("s3cret.Pass");
        assertGolden("all-settings", args);
    }

    @Test
    void rejectsAProfileWithoutControlNic() {
        DomainRouter router = Fixtures.router(12, HypervisorType.KVM, 204).build();
        RouterDeployment deployment = isolatedDeployment(Fixtures.isolated(Fixtures.isolatedOffering(false)).build(), HypervisorType.KVM,
                List.of());
        RouterGuru guru = guru(Fixtures.settings());
        List<Nic> withoutControl = guru.planNics(router, deployment).stream()
                .filter(nic -> nic.trafficType() != org.vrouter.api.network.TrafficType.CONTROL).toList();

        assertThatThrownBy(() -> guru.finalizeVirtualMachineProfile(router, Fixtures.profile(router, withoutControl), deployment))
                .isInstanceOfSatisfying(InvalidParameterException.class, error -> assertThat(error.field()).isEqualTo("nics"))
                .hasMessageContaining("no control NIC")
                .hasMessageContaining("r-12-VM");
    }
}
