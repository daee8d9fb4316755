package org.vrouter.api.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vrouter.api.Fixtures.assertInvalid;

import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.vrouter.api.Fixtures;

class NetworkOfferingTest {
    @Test
    void answersWhoProvidesWhat() {
        NetworkOffering offering = new NetworkOffering(7, "o-7", "Mixed",
                Map.of(Service.DHCP, Provider.VIRTUAL_ROUTER, Service.LB, Provider.NETSCALER), false, EgressPolicy.DENY,
                OptionalLong.of(3), false);
        assertThat(offering.provides(Service.LB)).isTrue();
        assertThat(offering.provider(Service.LB)).hasValue(Provider.NETSCALER);
        assertThat(offering.isProvidedBy(Service.LB, Provider.VIRTUAL_ROUTER)).isFalse();
        assertThat(offering.servicesOf(Provider.VIRTUAL_ROUTER)).containsExactly(Service.DHCP);
        assertThat(offering.provider(Service.VPN)).isEmpty();
    }

    @Test
    void rejectsNonPositiveRouterOffering() {
        assertInvalid(() -> new NetworkOffering(7, "o-7", "x", Map.of(), false, EgressPolicy.DENY, OptionalLong.of(0), false),
                "router_service_offering_id");
    }

    @Test
    void egressPolicyMapsCloudStacksFlag() {
        assertThat(EgressPolicy.of(true)).isEqualTo(EgressPolicy.ALLOW);
        assertThat(Fixtures.isolatedOffering(false).egressDefaultPolicy().isAllow()).isTrue();
    }

    @Test
    void serviceOfferingChecksItsSize() {
        assertThat(ServiceOffering.of(1, "so-1", "System Offering For Software Router", 1, 500, 256).ramMb()).isEqualTo(256);
        assertInvalid(() -> ServiceOffering.of(1, "so-1", "tiny", 0, 500, 256), "cpus");
        assertInvalid(() -> ServiceOffering.of(1, "so-1", "tiny", 1, 500, 0), "ram_mb");
    }
}
