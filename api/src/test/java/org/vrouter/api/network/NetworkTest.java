package org.vrouter.api.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vrouter.api.Fixtures.assertInvalid;
import static org.vrouter.api.Fixtures.cidr;
import static org.vrouter.api.Fixtures.ip;
import static org.vrouter.api.Fixtures.isolatedNetwork;
import static org.vrouter.api.Fixtures.isolatedNetworkBuilder;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vrouter.api.Fixtures;
import org.vrouter.api.dc.NetworkType;
import org.vrouter.api.dc.Zone;
import org.vrouter.api.net.DnsServers;

class NetworkTest {
    @Test
    void buildsAValidIsolatedNetwork() {
        Network network = isolatedNetwork();
        assertThat(network.cidr()).hasValue(cidr("10.1.1.0/24"));
        assertThat(network.broadcastUri().orElseThrow()).hasToString("vlan://100");
        assertThat(network.isVpcTier()).isFalse();
        assertThat(network.isProvidedBy(Service.DHCP, Provider.VIRTUAL_ROUTER)).isTrue();
        assertThat(network.isProvidedBy(Service.NETWORK_ACL, Provider.VIRTUAL_ROUTER)).isFalse();
    }

    @Test
    void rejectsGatewayOutsideTheCidr() {
        assertInvalid(() -> isolatedNetworkBuilder().ipv4(cidr("10.1.1.0/24"), ip("10.1.2.1")).build(), "gateway")
                .hasMessageContaining("not inside cidr 10.1.1.0/24")
                .hasMessageContaining("'10.1.2.1'");
    }

    @Test
    void rejectsCidrWithHostBits() {
        assertInvalid(() -> isolatedNetworkBuilder().ipv4(cidr("10.1.1.1/24"), ip("10.1.1.1")).build(), "cidr")
                .hasMessageContaining("did you mean 10.1.1.0/24");
    }

    @Test
    void rejectsIpv6CidrInTheIpv4Slot() {
        assertInvalid(() -> isolatedNetworkBuilder().ipv4(cidr("fd00::/64"), ip("fd00::1")).build(), "cidr").hasMessageContaining("IPv4");
    }

    @Test
    void rejectsIpv6GatewayOutsideTheIpv6Cidr() {
        assertInvalid(() -> isolatedNetworkBuilder().ipv6(cidr("fd00:1::/64"), ip("fd00:2::1")).build(), "ip6_gateway");
    }

    @Test
    void requiresAGuestTypeForGuestNetworks() {
        Network.Builder builder = Network.builder(5, "net-5", "guest", Fixtures.advancedZone(), TrafficType.GUEST)
                .accountId(2)
                .offering(Fixtures.isolatedOffering(false));
        assertInvalid(builder::build, "guest_type");
    }

    @Test
    void builderRequiresTheAccountId() {
        Network.Builder builder = Network.builder(5, "net-5", "guest", Fixtures.advancedZone(), TrafficType.GUEST)
                .guestType(GuestType.ISOLATED)
                .offering(Fixtures.isolatedOffering(false));
        assertInvalid(builder::build, "account_id");
    }

    @Test
    void rejectsMtuBelow68AndBadDomain() {
        assertInvalid(() -> isolatedNetworkBuilder().privateMtu(67).build(), "private_mtu");
        assertInvalid(() -> isolatedNetworkBuilder().networkDomain("corp,example").build(), "network_domain");
    }

    @Test
    void rejectsUnsafeDetails() {
        assertInvalid(() -> isolatedNetworkBuilder().details(Map.of("routerip", "10.1.1.2\n")).build(), "details.routerip");
    }

    @Test
    void readsTheInSequenceDetail() {
        assertThat(isolatedNetworkBuilder().details(Map.of(Network.DETAIL_UPDATING_IN_SEQUENCE, "TRUE")).build().isUpdatingInSequence())
                .isTrue();
        assertThat(isolatedNetwork().isUpdatingInSequence()).isFalse();
    }

    @Test
    void fallsBackToTheZonesNameServers() {
        Zone zone = new Zone(1, "zone-1", "Zone", NetworkType.ADVANCED, DnsServers.ipv4(ip("8.8.8.8")), java.util.Optional.empty());
        Network network = Network.builder(5, "net-5", "guest", zone, TrafficType.GUEST)
                .accountId(2).guestType(GuestType.ISOLATED).offering(Fixtures.isolatedOffering(false)).build();
        assertThat(network.effectiveDns().dns1()).hasValue(ip("8.8.8.8"));
        assertThat(network.toBuilder().dns(DnsServers.ipv4(ip("1.1.1.1"))).build().effectiveDns().dns1()).hasValue(ip("1.1.1.1"));
    }

    @Test
    void parsesStateWireNames() {
        assertThat(Network.State.fromWireName("state", "implemented")).isEqualTo(Network.State.IMPLEMENTED);
        assertInvalid(() -> Network.State.fromWireName("state", "Up"), "state").hasMessageContaining("Implemented");
    }
}
