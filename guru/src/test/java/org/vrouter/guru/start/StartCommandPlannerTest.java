package org.vrouter.guru.start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vrouter.guru.Fixtures.ip;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.vrouter.api.address.IpAlias;
import org.vrouter.api.address.PublicIpAddress;
import org.vrouter.api.command.Commands;
import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.IpRange;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.network.EgressPolicy;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.NetworkOffering;
import org.vrouter.api.network.Provider;
import org.vrouter.api.network.Service;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.NetworkConfiguration;
import org.vrouter.api.rule.Direction;
import org.vrouter.api.rule.FirewallRule;
import org.vrouter.api.rule.LbDestination;
import org.vrouter.api.rule.LoadBalancingRule;
import org.vrouter.api.rule.NetworkAclItem;
import org.vrouter.api.rule.PortForwardingRule;
import org.vrouter.api.rule.Protocol;
import org.vrouter.api.rule.Purpose;
import org.vrouter.api.rule.StaticNat;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.vm.Nic;
import org.vrouter.api.vm.VirtualMachine;
import org.vrouter.api.vm.VirtualMachineProfile;
import org.vrouter.api.vm.VmTemplate;
import org.vrouter.api.vpn.RemoteAccessVpn;
import org.vrouter.api.vpn.VpnUser;
import org.vrouter.commands.AggregationControlCommand;
import org.vrouter.commands.CheckSshCommand;
import org.vrouter.commands.GetDomRVersionCommand;
import org.vrouter.guru.Fixtures;
import org.vrouter.guru.GuruSettings;

class StartCommandPlannerTest {
    private final RecordingCommandFactory factory = new RecordingCommandFactory();
    private final StartCommandPlanner planner = new StartCommandPlanner(factory, factory);

    private static DomainRouter router(boolean redundant) {
        return Fixtures.router(12, HypervisorType.KVM, 204).redundant(redundant)
                .controlIp(ip("169.254.3.44")).guestIps(Map.of(204L, ip("10.1.1.1"))).build();
    }

    private static VirtualMachineProfile vm(long id, String address, VirtualMachine.State state) {
        VirtualMachine vm = VirtualMachine.of(id, "vm-" + id, "i-2-" + id + "-VM", "vm" + id, VirtualMachine.Type.USER, state);
        Nic nic = Nic.builder(204, 0, TrafficType.GUEST, org.vrouter.api.net.MacAddress.parse("02:00:00:00:00:" + (10 + id)))
                .ipv4(ip(address), Netmask.parse("255.255.255.0"), ip("10.1.1.1")).defaultNic(true).build();
        return VirtualMachineProfile.of(vm, List.of(nic), new VmTemplate(2, "tmpl", "guest", HypervisorType.KVM, true),
                GuruSettings.DEFAULT_SERVICE_OFFERING);
    }

    /** Network 204 with something for every step: two public addresses, rules of each kind, a VPN and two VMs. */
    private static NetworkConfiguration everything(Network network) {
        IpAddress staticNatIp = ip("203.0.113.21");
        return NetworkConfiguration.builder(network)
                .publicIps(List.of(Fixtures.sourceNat(), PublicIpAddress.of(staticNatIp, BroadcastUri.vlan(100), ip("203.0.113.1"),
                        Netmask.parse("255.255.255.0"), 204).withStaticNat(ip("10.1.1.50"))))
                .firewallRules(List.of(
                        FirewallRule.egress(1, 204, Protocol.TCP).ports(PortRange.of(80, 80)).build(),
                        FirewallRule.ingress(2, 204, ip("203.0.113.20"), Protocol.TCP).ports(PortRange.of(22, 22)).build()))
                .staticNats(List.of(StaticNat.of(staticNatIp, ip("10.1.1.50"), 204)))
                .portForwardingRules(List.of(PortForwardingRule.of(3, 204, ip("203.0.113.20"), PortRange.of(8080, 8080), ip("10.1.1.51"),
                        PortRange.of(80, 80), Protocol.TCP)))
                .loadBalancingRules(List.of(LoadBalancingRule.builder(4, "lb-4", 204, ip("203.0.113.20"), 443, 443)
                        .destinations(List.of(LbDestination.of(ip("10.1.1.50"), 443))).build()))
                .remoteAccessVpn(RemoteAccessVpn.forNetwork(5, 204, ip("203.0.113.20"), IpRange.parse("r", "10.1.2.1-10.1.2.8"),
                        Secret.of("psk-secret"), ip("10.1.1.1"), Cidr.parse("10.1.1.0/24")), List.of(VpnUser.of("alice", Secret.of("pw-alice"))))
                .vms(List.of(vm(50, "10.1.1.50", VirtualMachine.State.RUNNING), vm(51, "10.1.1.51", VirtualMachine.State.STOPPED)))
                .build();
    }

    private static List<String> ids(Commands commands) {
        return commands.entries().stream().map(Commands.Entry::id).toList();
    }

    @Test
    void sendsEveryStepOfAnIsolatedNetworkInCloudStacksOrder() {
        Commands batch = planner.plan(router(false), List.of(everything(Fixtures.isolated(Fixtures.isolatedOffering(false)).build())));

        assertThat(ids(batch)).containsExactly("checkSsh", "getDomRVersion", "aggregationStart:204", "ipAssoc:204", "firewallEgress:204",
                "staticNat:204", "firewallIngress:204", "portForwarding:204", "vpn:204:0", "vpn:204:1", "loadBalancing:204", "monitor:204",
                "dhcp:204", "vmdata:204", "aggregationFinish:204");
        assertThat(batch.onError()).isEqualTo(Commands.OnError.STOP);
        assertThat(factory.built()).extracting(RecordingCommandFactory.Built::kind).containsExactly("ipAssoc", "firewall", "staticNat",
                "firewall", "portForwarding", "vpnUsers", "vpn", "loadBalancing", "monitor", "dhcp", "vmData{10.1.1.50=203.0.113.21}");
    }

    @Test
    void startsWithReachabilityAndVersionChecksAtTheControlAddress() {
        Commands batch = planner.plan(router(false), List.of(NetworkConfiguration.empty(Fixtures.isolated(Fixtures.isolatedOffering(false))
                .build())));

        assertThat(batch.command("checkSsh")).contains(CheckSshCommand.of("r-12-VM", ip("169.254.3.44")));
        assertThat(batch.command("getDomRVersion")).get().isInstanceOfSatisfying(GetDomRVersionCommand.class, command -> {
            assertThat(command.accessDetails().routerIp()).contains(ip("169.254.3.44"));
            assertThat(command.accessDetails().routerName()).contains("r-12-VM");
        });
        assertThat(batch.command("aggregationStart:204")).contains(
                AggregationControlCommand.of(AggregationControlCommand.Action.START, "r-12-VM", ip("169.254.3.44"), ip("10.1.1.1")));
        assertThat(ids(batch)).containsExactly("checkSsh", "getDomRVersion", "aggregationStart:204", "monitor:204", "aggregationFinish:204");
    }

    @Test
    void selectsRulesByDirectionAndPurpose() {
        planner.plan(router(false), List.of(everything(Fixtures.isolated(Fixtures.isolatedOffering(false)).build())));

        List<RecordingCommandFactory.Built> firewall = factory.built().stream().filter(built -> built.kind().equals("firewall")).toList();
        assertThat(firewall.get(0).values()).singleElement().extracting(rule -> ((FirewallRule) rule).direction()).isEqualTo(Direction.EGRESS);
        assertThat(firewall.get(1).values()).singleElement().extracting(rule -> ((FirewallRule) rule).id()).isEqualTo(2L);
    }

    @Test
    void addsTheSystemEgressRuleUnderAnAllowByDefaultOffering() {
        NetworkOffering allow = Fixtures.isolatedOffering(false);
        allow = new NetworkOffering(allow.id(), allow.uuid(), allow.name(), allow.serviceProviders(), false, EgressPolicy.ALLOW,
                OptionalLong.empty(), false);
        Network network = Fixtures.isolated(allow).ipv6(Cidr.parse("fd00:1::/64"), ip("fd00:1::1")).build();

        Commands batch = planner.plan(router(false), List.of(NetworkConfiguration.empty(network)));

        assertThat(ids(batch)).contains("firewallEgress:204", "firewallIpv6:204").doesNotContain("ipAssoc:204", "firewallIngress:204");
        FirewallRule ipv4 = (FirewallRule) factory.built().get(0).values().get(0);
        assertThat(ipv4.type()).isEqualTo(FirewallRule.Type.SYSTEM);
        assertThat(ipv4.protocol()).isEqualTo(Protocol.ALL);
        assertThat(ipv4.sourceCidrs()).containsExactly(Cidr.parse("10.1.1.0/24"));
        assertThat(ipv4.destinationCidrs()).containsExactly(Cidr.parse("0.0.0.0/0"));
        FirewallRule ipv6 = (FirewallRule) factory.built().get(1).values().get(0);
        assertThat(ipv6.purpose()).isEqualTo(Purpose.IPV6_FIREWALL);
        assertThat(ipv6.sourceCidrs()).containsExactly(Cidr.parse("fd00:1::/64"));
    }

    @Test
    void skipsTheMonitorServiceOnRedundantRouters() {
        Commands batch = planner.plan(router(true), List.of(NetworkConfiguration.empty(Fixtures.isolated(Fixtures.isolatedOffering(true))
                .build())));

        assertThat(ids(batch)).doesNotContain("monitor:204");
    }

    @Test
    void skipsStepsWhoseServiceAnotherProviderRuns() {
        NetworkOffering dhcpOnly = new NetworkOffering(14, "offering-dhcp", "dhcp only", Map.of(Service.DHCP, Provider.VIRTUAL_ROUTER,
                Service.FIREWALL, Provider.JUNIPER_SRX, Service.USER_DATA, Provider.CONFIG_DRIVE), false, EgressPolicy.ALLOW,
                OptionalLong.empty(), false);
        Network network = Fixtures.isolated(dhcpOnly).build();

        Commands batch = planner.plan(router(false), List.of(everything(network)));

        assertThat(ids(batch)).containsExactly("checkSsh", "getDomRVersion", "aggregationStart:204", "ipAssoc:204", "monitor:204",
                "dhcp:204", "aggregationFinish:204");
    }

    @Test
    void programsOnlyVmsThatNeedIt() {
        planner.plan(router(false), List.of(everything(Fixtures.isolated(Fixtures.isolatedOffering(false)).build())));

        RecordingCommandFactory.Built dhcp = factory.built().stream().filter(built -> built.kind().equals("dhcp")).findFirst().orElseThrow();
        assertThat(dhcp.values()).extracting(vm -> ((VirtualMachineProfile) vm).vm().instanceName()).containsExactly("i-2-50-VM");
    }

    @Test
    void sendsAVpcTiersAcl() {
        DomainRouter router = Fixtures.router(20, HypervisorType.KVM, 301).vpcId(7).controlIp(ip("169.254.1.9"))
                .guestIps(Map.of(301L, ip("172.16.1.1"))).build();
        NetworkConfiguration tier = NetworkConfiguration.builder(Fixtures.vpcTier())
                .aclItems(List.of(NetworkAclItem.of(1, 10, NetworkAclItem.Action.ALLOW, Direction.INGRESS, Protocol.TCP))).build();

        Commands batch = planner.plan(router, List.of(tier));

        assertThat(ids(batch)).containsExactly("checkSsh", "getDomRVersion", "aggregationStart:301", "networkAcl:301", "monitor:301",
                "aggregationFinish:301");
    }

    @Test
    void setsUpAVpcTierOnItsPluggedNicAndNamesTheNicInTheAcl() {
        DomainRouter router = Fixtures.router(20, HypervisorType.KVM, 301).vpcId(7).controlIp(ip("169.254.1.9")).build();
        Nic tierNic = Nic.builder(301, 2, TrafficType.GUEST, MacAddress.parse("02:00:11:22:33:44"))
                .ipv4(ip("172.16.1.1"), Netmask.parse("255.255.255.0")).build();
        NetworkConfiguration tier = NetworkConfiguration.builder(Fixtures.vpcTier())
                .aclItems(List.of(NetworkAclItem.of(1, 10, NetworkAclItem.Action.ALLOW, Direction.INGRESS, Protocol.TCP))).build();

        Commands batch = planner.plan(router, List.of(tierNic), List.of(tier));

        assertThat(ids(batch)).containsExactly("checkSsh", "getDomRVersion", "setupguestnetwork:301", "aggregationStart:301",
                "networkAcl:301", "monitor:301", "aggregationFinish:301");
        assertThat(factory.built()).extracting(RecordingCommandFactory.Built::kind).contains("setupGuestNetwork@eth2", "networkAcl@eth2");
    }

    @Test
    void givesVmDataTheStaticNatsOfTheNetwork() {
        NetworkConfiguration config = everything(Fixtures.isolated(Fixtures.isolatedOffering(false)).build());
        assertThat(StartCommandPlanner.staticNatIps(config)).isNotEmpty();

        planner.plan(router(false), List.of(config));

        assertThat(factory.built()).extracting(RecordingCommandFactory.Built::kind)
                .anySatisfy(kind -> assertThat(kind).startsWith("vmData{").contains("="));
    }

    @Test
    void restatesOnlyActiveIpAliasesOfASharedNetwork() {
        DomainRouter router = Fixtures.router(12, HypervisorType.KVM, 205).controlIp(ip("169.254.3.44")).build();
        Network shared = Fixtures.shared().build();
        IpAlias active = IpAlias.of(205, 1, ip("10.2.2.1"), Cidr.parse("10.2.2.0/24"), ip("10.2.2.254"));
        IpAlias revoked = IpAlias.of(205, 2, ip("10.2.3.1"), Cidr.parse("10.2.3.0/24"), ip("10.2.3.254")).revoke();

        Commands batch = planner.plan(router, List.of(NetworkConfiguration.builder(shared).ipAliases(List.of(active, revoked)).build()));

        assertThat(ids(batch)).contains("ipalias:205");
        assertThat(factory.built()).filteredOn(built -> built.kind().equals("ipAliases")).singleElement()
                .satisfies(built -> assertThat(built.values()).isEqualTo(List.of(active)));
    }

    @Test
    void wrapsEachNetworkInItsOwnAggregation() {
        DomainRouter router = Fixtures.router(12, HypervisorType.KVM, 204, 205).controlIp(ip("169.254.3.44")).build();

        Commands batch = planner.plan(router, List.of(NetworkConfiguration.empty(Fixtures.isolated(Fixtures.isolatedOffering(false)).build()),
                NetworkConfiguration.empty(Fixtures.shared().build())));

        assertThat(ids(batch)).containsSubsequence("aggregationStart:204", "aggregationFinish:204", "aggregationStart:205",
                "aggregationFinish:205");
        assertThat(batch.command("aggregationStart:205")).contains(
                AggregationControlCommand.of(AggregationControlCommand.Action.START, "r-12-VM", ip("169.254.3.44")));
    }

    @Test
    void rejectsANetworkTheRouterDoesNotServe() {
        assertThatThrownBy(() -> planner.plan(router(false), List.of(NetworkConfiguration.empty(Fixtures.shared().build()))))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        error -> assertThat(error.field()).isEqualTo("networks[0].network_id"));
    }

    @Test
    void rejectsARouterWithoutControlAddress() {
        DomainRouter router = Fixtures.router(12, HypervisorType.KVM, 204).build();

        assertThatThrownBy(() -> planner.plan(router, List.of()))
                .isInstanceOfSatisfying(InvalidParameterException.class, error -> assertThat(error.field()).isEqualTo("router_ip"));
    }

    @Test
    void rejectsAFactoryThatBuildsCommandsForAnotherRouter() {
        factory.nameCommandsFor("r-99-VM");

        assertThatThrownBy(() -> planner.plan(router(false), List.of(NetworkConfiguration.empty(Fixtures.isolated(
                Fixtures.isolatedOffering(false)).build()))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("monitor")
                .hasMessageContaining("r-99-VM");
    }
}
