package org.vrouter.guru;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.vrouter.guru.Fixtures.ip;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vrouter.api.address.PublicIpAddress;
import org.vrouter.api.dc.DeployDestination;
import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpRange;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.RouterDeployment;
import org.vrouter.api.vm.Nic;
import org.vrouter.guru.address.InMemoryAddressAllocator;
import org.vrouter.guru.start.RecordingCommandFactory;

class NicPlannerTest {
    private final InMemoryAddressAllocator allocator = new InMemoryAddressAllocator();

    private RouterGuru guru(GuruSettings settings) {
        RecordingCommandFactory factory = new RecordingCommandFactory();
        return new RouterGuru(settings, allocator, factory, factory);
    }

    private static RouterDeployment isolated(Network network, HypervisorType hypervisor, List<DomainRouter> existing) {
        return new RouterDeployment(network, Fixtures.destination(hypervisor), Optional.of(Fixtures.sourceNat()), existing, Optional.empty());
    }

    private static List<TrafficType> trafficTypes(List<Nic> nics) {
        return nics.stream().map(Nic::trafficType).toList();
    }

    @Test
    void laysOutGuestControlAndPublicForAnIsolatedSourceNatRouter() {
        DomainRouter router = Fixtures.router(12, HypervisorType.KVM, 204).build();

        List<Nic> nics = guru(Fixtures.settings()).planNics(router, isolated(Fixtures.isolated(Fixtures.isolatedOffering(false)).build(),
                HypervisorType.KVM, List.of()));

        assertThat(trafficTypes(nics)).containsExactly(TrafficType.GUEST, TrafficType.CONTROL, TrafficType.PUBLIC);
        assertThat(nics).extracting(Nic::deviceName).containsExactly("eth0", "eth1", "eth2");
        Nic guest = nics.get(0);
        assertThat(guest.ipAddress()).contains(ip("10.1.1.1"));
        assertThat(guest.netmask()).contains(Netmask.parse("255.255.255.0"));
        assertThat(guest.broadcastUri()).contains(BroadcastUri.vlan(1001));
        assertThat(guest.defaultNic()).isFalse();
        assertThat(guest.networkId()).isEqualTo(204);
        Nic control = nics.get(1);
        assertThat(control.networkId()).isEqualTo(202);
        assertThat(control.ipv4Cidr()).contains(Cidr.parse("169.254.0.2/16"));
        assertThat(control.gateway()).contains(ip("169.254.0.1"));
        assertThat(control.macAddress()).isEqualTo(MacAddress.parse("0e:00:a9:fe:00:02"));
        Nic publicNic = nics.get(2);
        assertThat(publicNic.networkId()).isEqualTo(200);
        assertThat(publicNic.ipv4Cidr()).contains(Cidr.parse("203.0.113.20/24"));
        assertThat(publicNic.gateway()).contains(ip("203.0.113.1"));
        assertThat(publicNic.broadcastUri()).contains(BroadcastUri.vlan(100));
        assertThat(publicNic.defaultNic()).isTrue();
        assertThat(publicNic.dns()).isEqualTo(Fixtures.ZONE.dns());
        assertThat(publicNic.mtu()).hasValue(1500);
    }

    @Test
    void usesTheSourceNatAddressMacForThePublicNic() {
        MacAddress mac = MacAddress.parse("06:a4:e0:00:00:1e");
        RouterDeployment deployment = new RouterDeployment(Fixtures.isolated(Fixtures.isolatedOffering(false)).build(),
                Fixtures.destination(HypervisorType.KVM), Optional.of(Fixtures.sourceNat().withMacAddress(mac)), List.of(), Optional.empty());

        List<Nic> nics = guru(Fixtures.settings()).planNics(Fixtures.router(12, HypervisorType.KVM, 204).build(), deployment);

        assertThat(nics.get(2).macAddress()).isEqualTo(mac);
    }

    @Test
    void givesEachRedundantRouterItsOwnGuestAddressAndBothTheSamePublicMac() {
        Network network = Fixtures.isolated(Fixtures.isolatedOffering(true)).build();
        DomainRouter first = Fixtures.router(12, HypervisorType.KVM, 204).redundant(true).build();
        DomainRouter second = Fixtures.router(13, HypervisorType.KVM, 204).redundant(true).build();
        RouterGuru guru = guru(Fixtures.settings());

        List<Nic> firstNics = guru.planNics(first, isolated(network, HypervisorType.KVM, List.of()));
        List<Nic> secondNics = guru.planNics(second, isolated(network, HypervisorType.KVM, List.of(first)));

        assertThat(firstNics.get(0).ipAddress()).contains(ip("10.1.1.2"));
        assertThat(secondNics.get(0).ipAddress()).contains(ip("10.1.1.3"));
        assertThat(firstNics.get(0).macAddress()).isNotEqualTo(secondNics.get(0).macAddress());
        assertThat(firstNics.get(1).ipAddress()).isNotEqualTo(secondNics.get(1).ipAddress());
        assertThat(firstNics.get(2).macAddress()).isEqualTo(secondNics.get(2).macAddress());
    }

    @Test
    void keepsTheGuestAddressTheControllerChose() {
        Network network = Fixtures.isolated(Fixtures.isolatedOffering(true)).build();
        DomainRouter router = Fixtures.router(12, HypervisorType.KVM, 204).redundant(true).guestIps(Map.of(204L, ip("10.1.1.200"))).build();
        DomainRouter other = Fixtures.router(13, HypervisorType.KVM, 204).redundant(true).build();
        RouterGuru guru = guru(Fixtures.settings());

        assertThat(guru.planNics(router, isolated(network, HypervisorType.KVM, List.of())).get(0).ipAddress()).contains(ip("10.1.1.200"));
        assertThat(allocator.heldBy("guest/network-204", 12)).contains(ip("10.1.1.200"));
        assertThat(guru.planNics(other, isolated(network, HypervisorType.KVM, List.of(router))).get(0).ipAddress())
                .contains(ip("10.1.1.2"));
    }

    @Test
    void laysOutGuestAndControlForASharedNetworkRouter() {
        Network network = Fixtures.shared().details(Map.of("routerip", "10.2.0.5")).build();

        List<Nic> nics = guru(Fixtures.settings()).planNics(Fixtures.router(30, HypervisorType.KVM, 205).build(),
                RouterDeployment.of(network, Fixtures.destination(HypervisorType.KVM), Optional.empty()));

        assertThat(trafficTypes(nics)).containsExactly(TrafficType.GUEST, TrafficType.CONTROL);
        assertThat(nics.get(0).ipAddress()).contains(ip("10.2.0.5"));
        assertThat(nics.get(0).gateway()).contains(ip("10.2.0.1"));
        assertThat(nics.get(0).defaultNic()).isTrue();
        assertThat(nics.get(0).broadcastUri()).contains(BroadcastUri.vlan(50));
    }

    @Test
    void takesTheFirstFreeAddressOfASharedNetworkWithoutConfiguredRouterIp() {
        List<Nic> nics = guru(Fixtures.settings()).planNics(Fixtures.router(30, HypervisorType.KVM, 205).build(),
                RouterDeployment.of(Fixtures.shared().build(), Fixtures.destination(HypervisorType.KVM), Optional.empty()));

        assertThat(nics.get(0).ipAddress()).contains(ip("10.2.0.2"));
    }

    @Test
    void rejectsAConfiguredRouterIpThatIsTheGateway() {
        Network network = Fixtures.shared().details(Map.of("routerip", "10.2.0.1")).build();

        assertThatThrownBy(() -> guru(Fixtures.settings()).planNics(Fixtures.router(30, HypervisorType.KVM, 205).build(),
                RouterDeployment.of(network, Fixtures.destination(HypervisorType.KVM), Optional.empty())))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("10.2.0.1");
    }

    @Test
    void plansAVpcRoutersPublicAndTierNicsAfterItsControlNic() {
        DomainRouter router = Fixtures.router(20, HypervisorType.KVM, 301).vpcId(7).build();
        PublicIpAddress sourceNat = PublicIpAddress.of(ip("203.0.113.30"), BroadcastUri.vlan(100), ip("203.0.113.1"),
                Netmask.parse("255.255.255.0"), 301).asSourceNat();

        List<Nic> nics = new RouterGuru(Fixtures.settings(), new InMemoryAddressAllocator(), new RecordingCommandFactory(),
                new RecordingCommandFactory()).planVpcNics(router, Optional.of(sourceNat), List.of(Fixtures.vpcTier()), 1);

        assertThat(nics).extracting(Nic::deviceName, Nic::trafficType, nic -> nic.ipAddress().orElseThrow())
                .containsExactly(tuple("eth1", TrafficType.PUBLIC, ip("203.0.113.30")), tuple("eth2", TrafficType.GUEST, ip("172.16.1.1")));
        assertThat(nics.get(1).defaultNic()).isFalse();
        assertThat(nics.get(1).broadcastUri()).contains(BroadcastUri.vlan(1301));
    }

    @Test
    void refusesToPlugATierOfAnotherVpc() {
        DomainRouter router = Fixtures.router(20, HypervisorType.KVM, 301).vpcId(8).build();

        assertThatThrownBy(() -> new RouterGuru(Fixtures.settings(), new InMemoryAddressAllocator(), new RecordingCommandFactory(),
                new RecordingCommandFactory()).planVpcNics(router, Optional.empty(), List.of(Fixtures.vpcTier()), 1))
                .isInstanceOfSatisfying(InvalidParameterException.class, error -> assertThat(error.field()).isEqualTo("tiers[0].vpc_id"));
    }

    @Test
    void plansOnlyTheControlNicOfAVpcRouter() {
        DomainRouter router = Fixtures.router(20, HypervisorType.KVM, 301).vpcId(7).build();
        RouterDeployment deployment = new RouterDeployment(Fixtures.vpcTier(), Fixtures.destination(HypervisorType.KVM), Optional.empty(),
                List.of(), Optional.of(Fixtures.vpc(false)));

        List<Nic> nics = guru(Fixtures.settings()).planNics(router, deployment);

        assertThat(nics).singleElement().satisfies(nic -> {
            assertThat(nic.trafficType()).isEqualTo(TrafficType.CONTROL);
            assertThat(nic.deviceName()).isEqualTo("eth0");
            assertThat(nic.defaultNic()).isFalse();
        });
    }

    @ParameterizedTest
    @EnumSource(value = HypervisorType.class, names = {"KVM", "XENSERVER", "NETNS", "SIMULATOR"})
    void reachesNonVmwareRoutersAtALinkLocalAddress(HypervisorType hypervisor) {
        Nic control = guru(Fixtures.settings()).planNics(Fixtures.router(12, hypervisor, 204).build(),
                isolated(Fixtures.isolated(Fixtures.isolatedOffering(false)).build(), hypervisor, List.of())).get(1);

        assertThat(GuruSettings.DEFAULT_CONTROL_CIDR.contains(control.ipAddress().orElseThrow())).isTrue();
        assertThat(control.macAddress()).isEqualTo(RouterMacAddresses.linkLocal(control.ipAddress().orElseThrow()));
    }

    @Test
    void reachesAVmwareRouterAtAPodManagementAddress() {
        GuruSettings settings = Fixtures.settings().toBuilder()
                .podManagementRange(Fixtures.POD.id(), IpRange.parse("range", "192.168.10.100-192.168.10.150")).build();

        Nic control = guru(settings).planNics(Fixtures.router(40, HypervisorType.VMWARE, 204).build(),
                isolated(Fixtures.isolated(Fixtures.isolatedOffering(false)).build(), HypervisorType.VMWARE, List.of())).get(1);

        assertThat(control.trafficType()).isEqualTo(TrafficType.CONTROL);
        assertThat(control.ipv4Cidr()).contains(Cidr.parse("192.168.10.100/24"));
        assertThat(control.gateway()).contains(ip("192.168.10.1"));
        assertThat(control.macAddress()).isEqualTo(MacAddress.parse("0a:00:c0:a8:0a:64"));
    }

    @Test
    void rejectsAVmwareRouterInAPodWithoutManagementRange() {
        assertThatThrownBy(() -> guru(Fixtures.settings()).planNics(Fixtures.router(40, HypervisorType.VMWARE, 204).build(),
                isolated(Fixtures.isolated(Fixtures.isolatedOffering(false)).build(), HypervisorType.VMWARE, List.of())))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        error -> assertThat(error.field()).isEqualTo("pod_management_ranges"))
                .hasMessageContaining("pod 3");
    }

    @Test
    void rejectsAVmwareRouterWithoutPod() {
        GuruSettings settings = Fixtures.settings().toBuilder()
                .podManagementRange(Fixtures.POD.id(), IpRange.parse("range", "192.168.10.100-192.168.10.150")).build();
        RouterDeployment zoneLevel = new RouterDeployment(Fixtures.isolated(Fixtures.isolatedOffering(false)).build(),
                DeployDestination.of(Fixtures.ZONE), Optional.of(Fixtures.sourceNat()), List.of(), Optional.empty());

        assertThatThrownBy(() -> guru(settings).planNics(Fixtures.router(40, HypervisorType.VMWARE, 204).build(), zoneLevel))
                .isInstanceOfSatisfying(InvalidParameterException.class, error -> assertThat(error.field()).isEqualTo("pod_id"));
    }

    @Test
    void rejectsASourceNatRouterWithoutSourceNatAddress() {
        RouterDeployment deployment = RouterDeployment.of(Fixtures.isolated(Fixtures.isolatedOffering(false)).build(),
                Fixtures.destination(HypervisorType.KVM), Optional.empty());

        assertThatThrownBy(() -> guru(Fixtures.settings()).planNics(Fixtures.router(12, HypervisorType.KVM, 204).build(), deployment))
                .isInstanceOfSatisfying(InvalidParameterException.class, error -> assertThat(error.field()).isEqualTo("source_nat_ip"));
    }

    @Test
    void plansTheSameAddressesWhenAskedTwice() {
        RouterGuru guru = guru(Fixtures.settings());
        DomainRouter router = Fixtures.router(13, HypervisorType.KVM, 204).redundant(true).build();
        RouterDeployment deployment = isolated(Fixtures.isolated(Fixtures.isolatedOffering(true)).build(), HypervisorType.KVM, List.of());

        assertThat(guru.planNics(router, deployment)).isEqualTo(guru.planNics(router, deployment));
    }

    @Test
    void givesTheControlAddressBackOnStopAndTheGuestAddressOnExpunge() {
        RouterGuru guru = guru(Fixtures.settings());
        DomainRouter router = Fixtures.router(13, HypervisorType.KVM, 204).redundant(true).build();
        DomainRouter next = Fixtures.router(14, HypervisorType.KVM, 204).redundant(true).build();
        Network network = Fixtures.isolated(Fixtures.isolatedOffering(true)).build();
        List<Nic> planned = guru.planNics(router, isolated(network, HypervisorType.KVM, List.of()));

        guru.finalizeStop(router);
        List<Nic> afterStop = guru.planNics(next, isolated(network, HypervisorType.KVM, List.of(router)));
        guru.finalizeExpunge(router);
        guru.finalizeExpunge(next);
        List<Nic> afterExpunge = guru.planNics(next, isolated(network, HypervisorType.KVM, List.of()));

        assertThat(afterStop.get(1).ipAddress()).isEqualTo(planned.get(1).ipAddress());
        assertThat(afterStop.get(0).ipAddress()).isNotEqualTo(planned.get(0).ipAddress());
        assertThat(afterExpunge.get(0).ipAddress()).isEqualTo(planned.get(0).ipAddress());
    }
}
