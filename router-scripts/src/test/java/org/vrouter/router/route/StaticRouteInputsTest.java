package org.vrouter.router.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.router.converge.IsolatedRouter;
import org.vrouter.router.databag.Databags;

/**
 * Static routes of the {@code staticroutes} bag against the isolated router's networks (guest
 * 10.1.1.0/24, control 169.254.0.0/16, public 203.0.113.0/24): next hops must be on one of them.
 */
class StaticRouteInputsTest {
    private static Databags routes(String... entries) {
        return IsolatedRouter.mergeText(IsolatedRouter.bags(), "static_routes.json",
                "{\"routes\":[" + String.join(",", entries) + "],\"type\":\"staticroutes\",\"delete_from_processed_cache\":false}");
    }

    private static String route(String network, String gateway, boolean revoke) {
        return "{\"revoke\":" + revoke + ",\"ip_address\":\"10.1.1.1\",\"gateway\":\"" + gateway + "\",\"network\":\"" + network + "\"}";
    }

    @Test
    void keepsRoutesWhoseNextHopIsOnAConnectedNetwork() {
        StaticRoutes routes = StaticRouteInputs.from(routes(route("192.168.50.0/24", "10.1.1.254", false),
                route("172.16.0.0/12", "203.0.113.9", false)));

        assertThat(routes.routes()).containsExactly(
                new NextHopRoute(Cidr.parse("172.16.0.0/12"), IpAddress.parse("203.0.113.9")),
                new NextHopRoute(Cidr.parse("192.168.50.0/24"), IpAddress.parse("10.1.1.254")));
        assertThat(routes.warnings()).isEmpty();
    }

    @Test
    void reportsAndSkipsARouteWhoseNextHopTheRouterCannotReach() {
        StaticRoutes routes = StaticRouteInputs.from(routes(route("192.168.50.0/24", "10.9.9.254", false),
                route("192.168.60.0/24", "10.1.1.1", false), route("10.1.1.0/24", "10.1.1.254", false),
                route("192.168.70.0/24", "10.1.1.254", false)));

        assertThat(routes.routes()).containsExactly(new NextHopRoute(Cidr.parse("192.168.70.0/24"), IpAddress.parse("10.1.1.254")));
        assertThat(routes.warnings()).containsExactly(
                "staticroutes[10.1.1.0/24]: 10.1.1.0/24 is a network of this router; route skipped",
                "staticroutes[192.168.50.0/24]: gateway 10.9.9.254 is not on a network of this router (connected: [10.1.1.0/24, "
                        + "169.254.0.0/16, 203.0.113.0/24]); route skipped",
                "staticroutes[192.168.60.0/24]: gateway 10.1.1.1 is an address of this router; route skipped");
    }

    @Test
    void aRevokedRouteIsNoLongerWanted() {
        Databags added = routes(route("192.168.50.0/24", "10.1.1.254", false));
        Databags revoked = IsolatedRouter.mergeText(added, "static_routes.json",
                "{\"routes\":[" + route("192.168.50.0/24", "10.1.1.254", true) + "],\"type\":\"staticroutes\",\"delete_from_processed_cache\":false}");

        assertThat(StaticRouteInputs.from(added).routes()).hasSize(1);
        assertThat(StaticRouteInputs.from(revoked).routes()).isEmpty();
    }

    @Test
    void noBagNoRoutes() {
        assertThat(StaticRouteInputs.from(Databags.empty())).isEqualTo(new StaticRoutes(List.of(), List.of()));
    }
}
