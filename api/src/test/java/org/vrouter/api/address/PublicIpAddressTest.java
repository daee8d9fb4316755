package org.vrouter.api.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vrouter.api.Fixtures.assertInvalid;
import static org.vrouter.api.Fixtures.ip;

import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.net.Netmask;

class PublicIpAddressTest {
    private static final Netmask MASK = Netmask.parse("255.255.255.0");

    private static PublicIpAddress address() {
        return PublicIpAddress.of(ip("203.0.113.20"), BroadcastUri.vlan(50), ip("203.0.113.1"), MASK, 5);
    }

    @Test
    void addsEveryStateButReleasing() {
        assertThat(address().isToBeAdded()).isTrue();
        assertThat(address().withState(PublicIpAddress.State.ALLOCATING).isToBeAdded()).isTrue();
        assertThat(address().withState(PublicIpAddress.State.RELEASING).isToBeAdded()).isFalse();
    }

    @Test
    void rejectsGatewayOutsideTheSubnet() {
        assertInvalid(() -> PublicIpAddress.of(ip("203.0.113.20"), BroadcastUri.vlan(50), ip("198.51.100.1"), MASK, 5), "vlan_gateway")
                .hasMessageContaining("203.0.113.0/24");
    }

    @Test
    void rejectsAnIpv6Address() {
        assertInvalid(() -> PublicIpAddress.of(ip("2001:db8::20"), BroadcastUri.vlan(50), ip("203.0.113.1"), MASK, 5), "public_ip");
    }

    @Test
    void oneToOneNatNeedsTheVmAddressAndExcludesSourceNat() {
        assertThat(address().withStaticNat(ip("10.1.1.24")).associatedVmIp()).hasValue(ip("10.1.1.24"));
        assertInvalid(() -> new PublicIpAddress(ip("203.0.113.20"), BroadcastUri.vlan(50), ip("203.0.113.1"), MASK, Optional.empty(), false,
                true, PublicIpAddress.State.ALLOCATED, OptionalLong.of(5), Optional.empty()), "associated_vm_ip");
        assertInvalid(() -> new PublicIpAddress(ip("203.0.113.20"), BroadcastUri.vlan(50), ip("203.0.113.1"), MASK, Optional.empty(), true,
                true, PublicIpAddress.State.ALLOCATED, OptionalLong.of(5), Optional.of(ip("10.1.1.24"))), "one_to_one_nat");
        assertInvalid(() -> new PublicIpAddress(ip("203.0.113.20"), BroadcastUri.vlan(50), ip("203.0.113.1"), MASK, Optional.empty(), false,
                false, PublicIpAddress.State.ALLOCATED, OptionalLong.of(5), Optional.of(ip("10.1.1.24"))), "associated_vm_ip");
    }

    @Test
    void keepsTheMacAndTheUntaggedVlan() {
        PublicIpAddress untagged = PublicIpAddress.of(ip("203.0.113.20"), BroadcastUri.parse("vlan://untagged"), ip("203.0.113.1"), MASK, 5)
                .withMacAddress(MacAddress.parse("06:1a:2b:00:00:01"));
        assertThat(untagged.macAddress()).hasValue(MacAddress.parse("06:1a:2b:00:00:01"));
        assertThat(untagged.broadcastUri().vlanId()).isEmpty();
    }

    @Test
    void vlanUriIsValidatedOnTheWayIn() {
        assertInvalid(() -> BroadcastUri.parse("broadcast_uri", "vlan://4095"), "broadcast_uri");
    }
}
