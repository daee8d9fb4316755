package org.vrouter.api.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vrouter.api.Fixtures.assertInvalid;
import static org.vrouter.api.Fixtures.cidr;
import static org.vrouter.api.Fixtures.ip;

import org.junit.jupiter.api.Test;

class StaticRouteTest {
    @Test
    void revokesEveryStateButAddAndActive() {
        StaticRoute route = new StaticRoute(1, cidr("192.168.50.0/24"), ip("10.0.1.254"), ip("10.0.1.1"), StaticRoute.State.ACTIVE, 3);
        assertThat(route.isRevoked()).isFalse();
        assertThat(new StaticRoute(1, cidr("192.168.50.0/24"), ip("10.0.1.254"), ip("10.0.1.1"), StaticRoute.State.REVOKE, 3).isRevoked()).isTrue();
        assertThat(new StaticRoute(1, cidr("192.168.50.0/24"), ip("10.0.1.254"), ip("10.0.1.1"), StaticRoute.State.STAGED, 3).isRevoked()).isTrue();
    }

    @Test
    void rejectsNetworkWithHostBits() {
        assertInvalid(() -> new StaticRoute(1, cidr("192.168.50.9/24"), ip("10.0.1.254"), ip("10.0.1.1"), StaticRoute.State.ADD, 3), "network");
    }

    @Test
    void rejectsMixedFamilies() {
        assertInvalid(() -> new StaticRoute(1, cidr("192.168.50.0/24"), ip("fd00::254"), ip("10.0.1.1"), StaticRoute.State.ADD, 3), "gateway");
    }
}
