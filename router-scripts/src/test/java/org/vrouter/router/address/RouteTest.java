package org.vrouter.router.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;

class RouteTest {
    @Test
    void rendersAsTheWordsOfIpRoute() {
        assertThat(Route.via(Cidr.parse("0.0.0.0/0"), IpAddress.parse("203.0.113.1")).onDevice("eth2").inTable(102).withMetric(5))
                .hasToString("0.0.0.0/0 via 203.0.113.1 dev eth2 table 102 metric 5");
        assertThat(Route.of(RouteType.THROW, Cidr.parse("10.1.1.0/24")).inTable(102)).hasToString("throw 10.1.1.0/24 table 102");
        assertThat(Route.onLink(Cidr.parse("fd00:1::/64"), "eth0")).hasToString("fd00:1::/64 dev eth0 table 254");
    }

    @Test
    void theKernelsDefaultMetricDependsOnTheFamily() {
        assertThat(Route.via(Cidr.parse("0.0.0.0/0"), IpAddress.parse("203.0.113.1")).effectiveMetric()).isZero();
        assertThat(Route.via(Cidr.parse("::/0"), IpAddress.parse("fd00::1")).effectiveMetric()).isEqualTo(1024);
        assertThat(Route.via(Cidr.parse("::/0"), IpAddress.parse("fd00::1")).withMetric(7).effectiveMetric()).isEqualTo(7);
    }

    @Test
    void rejectsADestinationWithHostBits() {
        assertThatThrownBy(() -> Route.via(Cidr.parse("10.1.1.5/24"), IpAddress.parse("10.1.1.1")))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("destination"))
                .hasMessageContaining("10.1.1.0/24");
    }

    @Test
    void rejectsAGatewayOfTheOtherFamily() {
        assertThatThrownBy(() -> Route.via(Cidr.parse("::/0"), IpAddress.parse("203.0.113.1")))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("gateway"));
    }

    @Test
    void aUnicastRouteNeedsANextHopAndTheOthersTakeNone() {
        assertThatThrownBy(() -> new Route(Cidr.parse("10.0.0.0/8"), RouteType.UNICAST, Optional.empty(), Optional.empty(), 254,
                OptionalInt.empty())).isInstanceOf(InvalidParameterException.class).hasMessageContaining("needs a gateway or a device");
        assertThatThrownBy(() -> Route.of(RouteType.THROW, Cidr.parse("10.0.0.0/8")).onDevice("eth0"))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("type"));
    }

    @Test
    void rejectsTheLocalTableAndTableZero() {
        Route route = Route.of(RouteType.BLACKHOLE, Cidr.parse("192.0.2.0/24"));

        assertThatThrownBy(() -> route.inTable(255)).isInstanceOf(InvalidParameterException.class).hasMessageContaining("table");
        assertThatThrownBy(() -> route.inTable(0)).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> route.withMetric(-1)).isInstanceOf(InvalidParameterException.class).hasMessageContaining("metric");
    }
}
