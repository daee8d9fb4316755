package org.vrouter.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.OptionalLong;

import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.vrouter.api.dc.NetworkType;
import org.vrouter.api.dc.Zone;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.network.EgressPolicy;
import org.vrouter.api.network.GuestType;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.NetworkOffering;
import org.vrouter.api.network.Provider;
import org.vrouter.api.network.Service;
import org.vrouter.api.network.TrafficType;

/** Shared test values and the assertion every validation test uses. */
public final class Fixtures {
    private Fixtures() {}

    /**
     * Asserts that {@code call} throws an {@link InvalidParameterException} for {@code field}, whose
     * message starts with the field name.
     */
    public static AbstractThrowableAssert<?, ? extends Throwable> assertInvalid(ThrowingCallable call, String field) {
        return assertThatThrownBy(call)
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageStartingWith(field + ": ");
    }

    public static IpAddress ip(String text) {
        return IpAddress.parse(text);
    }

    public static Cidr cidr(String text) {
        return Cidr.parse(text);
    }

    public static Zone advancedZone() {
        return Zone.of(1, "zone-1", "Zone One", NetworkType.ADVANCED);
    }

    /** An isolated offering with every virtual-router service and an allow-all egress default. */
    public static NetworkOffering isolatedOffering(boolean redundant) {
        Map<Service, Provider> services = Map.of(
                Service.DHCP, Provider.VIRTUAL_ROUTER,
                Service.DNS, Provider.VIRTUAL_ROUTER,
                Service.SOURCE_NAT, Provider.VIRTUAL_ROUTER,
                Service.FIREWALL, Provider.VIRTUAL_ROUTER,
                Service.LB, Provider.VIRTUAL_ROUTER,
                Service.USER_DATA, Provider.VIRTUAL_ROUTER);
        return new NetworkOffering(7, "offering-7", "Isolated", services, redundant, EgressPolicy.ALLOW, OptionalLong.empty(), false);
    }

    /** Isolated guest network 5, 10.1.1.0/24 on vlan://100 with gateway 10.1.1.1. */
    public static Network.Builder isolatedNetworkBuilder() {
        return Network.builder(5, "net-5", "guest", advancedZone(), TrafficType.GUEST)
                .accountId(2)
                .guestType(GuestType.ISOLATED)
                .offering(isolatedOffering(false))
                .ipv4(cidr("10.1.1.0/24"), ip("10.1.1.1"))
                .broadcastUri(BroadcastUri.vlan(100))
                .state(Network.State.IMPLEMENTED);
    }

    public static Network isolatedNetwork() {
        return isolatedNetworkBuilder().build();
    }
}
