package org.vrouter.router.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.network.TrafficType;
import org.vrouter.router.converge.IsolatedRouter;
import org.vrouter.router.databag.CmdLineBag;
import org.vrouter.router.databag.Databags;

class AddressingInputsTest {
    private static Cidr cidr(String text) {
        return Cidr.parse("cidr", text);
    }

    private static IpAddress ip(String text) {
        return IpAddress.parse("ip", text);
    }

    private static Databags withBootArgs(Databags bags, Map<String, String> changes) {
        Map<String, String> config = new TreeMap<>(bags.cmdLine().config());
        config.putAll(changes);
        return bags.with(new CmdLineBag(config));
    }

    @Test
    void mapsTheIsolatedRoutersBags() {
        Addressing addressing = AddressingInputs.from(IsolatedRouter.bags());

        assertThat(addressing.interfaces()).containsExactly(
                new InterfaceAddresses("eth0", TrafficType.GUEST, List.of(cidr("10.1.1.1/24")), OptionalInt.of(1500), true, Set.of()),
                InterfaceAddresses.of("eth1", TrafficType.CONTROL, List.of(cidr("169.254.3.44/16"))),
                new InterfaceAddresses("eth2", TrafficType.PUBLIC, List.of(cidr("203.0.113.20/24"), cidr("203.0.113.21/24"), cidr("203.0.113.22/24")),
                        OptionalInt.of(1500), true, Set.of()));
        assertThat(addressing.routes()).containsExactly(
                Route.via(cidr("0.0.0.0/0"), ip("203.0.113.1")),
                Route.via(cidr("0.0.0.0/0"), ip("203.0.113.1")).onDevice("eth2").inTable(102),
                Route.of(RouteType.THROW, cidr("10.1.1.0/24")).inTable(102),
                Route.of(RouteType.THROW, cidr("169.254.0.0/16")).inTable(102),
                Route.of(RouteType.THROW, cidr("203.0.113.0/24")).inTable(102));
        assertThat(addressing.rules()).containsExactly(PolicyRule.forMark(1020, Fwmark.of(0x66), 102),
                PolicyRule.forSource(1021, cidr("203.0.113.0/24"), 102));
    }

    @Test
    void givesEachPublicDeviceItsTableAndRules() {
        Databags bags = IsolatedRouter.mergeText(IsolatedRouter.bags(), "ip_associations.json.2", "{\"ip_address\":[{\"public_ip\":\"198.51.100.5\","
                + "\"source_nat\":false,\"add\":true,\"one_to_one_nat\":false,\"first_i_p\":true,\"gateway\":\"198.51.100.1\","
                + "\"netmask\":\"255.255.255.0\",\"vif_mac_address\":\"1e:00:5d:00:00:15\",\"nic_dev_id\":3,\"new_nic\":true,"
                + "\"nw_type\":\"Public\",\"is_private_gateway\":false}],\"type\":\"ips\",\"delete_from_processed_cache\":false}");

        Addressing addressing = AddressingInputs.from(bags);

        assertThat(addressing.routes()).contains(Route.via(cidr("0.0.0.0/0"), ip("198.51.100.1")).onDevice("eth3").inTable(103),
                Route.of(RouteType.THROW, cidr("198.51.100.0/24")).inTable(103), Route.of(RouteType.THROW, cidr("10.1.1.0/24")).inTable(103));
        assertThat(addressing.rules()).contains(PolicyRule.forMark(1030, Fwmark.of(0x67), 103),
                PolicyRule.forSource(1031, cidr("198.51.100.0/24"), 103));
        assertThat(addressing.routes()).as("the default route stays the boot arguments' gateway")
                .filteredOn(route -> route.table() == Route.MAIN_TABLE).containsExactly(Route.via(cidr("0.0.0.0/0"), ip("203.0.113.1")));
    }

    @Test
    void leavesTheVrrpGatewayOfARedundantPairToKeepalived() {
        Databags bags = withBootArgs(IsolatedRouter.bags(), Map.of("redundant_router", "true", "guestgw", "10.1.1.1"));

        InterfaceAddresses guest = AddressingInputs.from(bags).device("eth0").orElseThrow();

        assertThat(guest.addresses()).isEmpty();
        assertThat(guest.unmanaged()).containsExactly(ip("10.1.1.1"));
    }

    @Test
    void routesTheManagementNetworkThroughTheLocalGateway() {
        Databags bags = withBootArgs(IsolatedRouter.bags(), Map.of("mgmtcidr", "192.168.100.0/24", "localgw", "169.254.0.1"));

        assertThat(AddressingInputs.from(bags).routes()).contains(Route.via(cidr("192.168.100.0/24"), ip("169.254.0.1")));
    }

    @Test
    void withoutABootGatewayTheSourceNatDeviceCarriesTheDefaultRoute() {
        Map<String, String> config = new TreeMap<>(IsolatedRouter.bags().cmdLine().config());
        config.remove("gateway");

        Addressing addressing = AddressingInputs.from(IsolatedRouter.bags().with(new CmdLineBag(config)));

        assertThat(addressing.routes()).filteredOn(route -> route.table() == Route.MAIN_TABLE)
                .containsExactly(Route.via(cidr("0.0.0.0/0"), ip("203.0.113.1")));
    }

    @Test
    void namesABadBootArgument() {
        Databags bags = withBootArgs(IsolatedRouter.bags(), Map.of("publicMtu", "9"));

        assertThatThrownBy(() -> AddressingInputs.from(bags))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("cmdline.publicMtu"));
    }
}
