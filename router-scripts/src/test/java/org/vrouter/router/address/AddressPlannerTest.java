package org.vrouter.router.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vrouter.api.network.TrafficType.GUEST;
import static org.vrouter.api.network.TrafficType.PUBLIC;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;

/** The diff between the kernel and the desired addressing, without a kernel. */
class AddressPlannerTest {
    private static final int BOOT = 3;
    private static final int STATIC = 4;
    private static final int OURS = AddressApplier.PROTOCOL;

    @Test
    void aKernelThatMatchesNeedsNoStep() {
        Addressing desired = new Addressing(List.of(InterfaceAddresses.of("eth2", PUBLIC, cidrs("203.0.113.20/24")).withMtu(1500)),
                List.of(Route.via(cidr("0.0.0.0/0"), ip("203.0.113.1"))), List.of(PolicyRule.forMark(100, Fwmark.of(0x66), 102)));
        KernelState kernel = new KernelState(List.of(link("eth2", 1500, true, "203.0.113.20/24", "fe80::1/64")),
                List.of(route("0.0.0.0/0 via 203.0.113.1 dev eth2", OURS)),
                List.of(new KernelRule(PolicyRule.forMark(100, Fwmark.of(0x66), 102), OURS)));

        AddressPlan plan = AddressPlanner.plan(desired, kernel);

        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan).hasToString("no change");
        assertThat(plan.batchText()).isEmpty();
    }

    @Test
    void bringsUpADeviceWithItsAddressesRouteAndAnnouncement() {
        Addressing desired = new Addressing(
                List.of(InterfaceAddresses.of("eth2", PUBLIC, cidrs("203.0.113.20/24", "2001:db8::20/64", "203.0.113.30/32"))),
                List.of(Route.via(cidr("0.0.0.0/0"), ip("203.0.113.1"))), List.of());

        AddressPlan plan = AddressPlanner.plan(desired, kernel(link("eth2", 1500, false)));

        assertThat(plan.batchText()).isEqualTo("""
                link set dev eth2 up
                address replace 203.0.113.20/24 brd + dev eth2
                address replace 2001:db8::20/64 dev eth2
                address replace 203.0.113.30/32 dev eth2
                route replace 0.0.0.0/0 via 203.0.113.1 table 254 proto 118
                """);
        assertThat(plan.announcements()).extracting(Announcement::toString).containsExactly("eth2 203.0.113.20", "eth2 203.0.113.30");
    }

    @Test
    void removesAnAddressNoLongerDesiredAndKeepsTheOthers() {
        Addressing desired = devices(InterfaceAddresses.of("eth2", PUBLIC, cidrs("203.0.113.20/24")));

        AddressPlan plan = AddressPlanner.plan(desired, kernel(link("eth2", 1500, true, "203.0.113.20/24", "198.51.100.7/24")));

        assertThat(plan.batchText()).isEqualTo("address del 198.51.100.7/24 dev eth2\n");
        assertThat(plan.announcements()).isEmpty();
    }

    @Test
    void aChangedPrefixDeletesTheOldAddressAndAddsTheNew() {
        Addressing desired = devices(InterfaceAddresses.of("eth0", GUEST, cidrs("10.1.1.1/25")));

        AddressPlan plan = AddressPlanner.plan(desired, kernel(link("eth0", 1500, true, "10.1.1.1/24")));

        assertThat(plan).hasToString("DELETE_ADDRESS eth0 10.1.1.1/24\nADD_ADDRESS eth0 10.1.1.1/25");
        assertThat(plan.batchText()).isEqualTo("address del 10.1.1.1/24 dev eth0\naddress replace 10.1.1.1/25 brd + dev eth0\n");
    }

    @Test
    void setsTheMtuOnlyWhenGivenAndDifferent() {
        KernelState kernel = kernel(link("eth0", 1500, true, "10.1.1.1/24"), link("eth2", 1500, true));

        AddressPlan plan = AddressPlanner.plan(devices(
                InterfaceAddresses.of("eth0", GUEST, cidrs("10.1.1.1/24")).withMtu(1450),
                InterfaceAddresses.of("eth2", PUBLIC, List.of()).withMtu(1500)), kernel);

        assertThat(plan.batchText()).isEqualTo("link set dev eth0 mtu 1450\n");
        assertThat(AddressPlanner.plan(devices(InterfaceAddresses.of("eth0", GUEST, cidrs("10.1.1.1/24"))), kernel).isEmpty()).isTrue();
    }

    @Test
    void takesALinkDownAndPutsBackTheIpv6AddressesTheKernelDropsWithIt() {
        InterfaceAddresses eth3 = InterfaceAddresses.of("eth3", PUBLIC, cidrs("198.51.100.10/24", "2001:db8:3::10/64"));
        KernelLink up = link("eth3", 1500, true, "198.51.100.10/24", "2001:db8:3::10/64");

        AddressPlan plan = AddressPlanner.plan(devices(eth3.down()), kernel(up));

        assertThat(plan.batchText()).isEqualTo("link set dev eth3 down\naddress replace 2001:db8:3::10/64 dev eth3\n");
        assertThat(AddressPlanner.plan(devices(eth3.down()), kernel(link("eth3", 1500, false, "198.51.100.10/24", "2001:db8:3::10/64")))
                .isEmpty()).isTrue();
    }

    @Test
    void aChangedDefaultRouteIsOneReplaceEvenIfTheBootAddedTheOldOne() {
        Addressing desired = new Addressing(List.of(), List.of(Route.via(cidr("0.0.0.0/0"), ip("203.0.113.254"))), List.of());

        AddressPlan plan = AddressPlanner.plan(desired, new KernelState(List.of(),
                List.of(route("0.0.0.0/0 via 203.0.113.1 dev eth2", BOOT)), List.of()));

        assertThat(plan).hasToString("REPLACE_ROUTE route 0.0.0.0/0 via 203.0.113.254 table 254");
        assertThat(plan.batchText()).isEqualTo("route replace 0.0.0.0/0 via 203.0.113.254 table 254 proto 118\n");
    }

    @Test
    void aDesiredRouteSomeoneElseAddedIsLeftAsItIs() {
        Addressing desired = new Addressing(List.of(), List.of(Route.onLink(cidr("10.1.1.0/24"), "eth0"),
                Route.via(cidr("::/0"), ip("fd00::1"))), List.of());

        AddressPlan plan = AddressPlanner.plan(desired, new KernelState(List.of(),
                List.of(route("10.1.1.0/24 dev eth0", 2), route("::/0 via fd00::1 dev eth0 metric 1024", BOOT)), List.of()));

        assertThat(plan.isEmpty()).isTrue();
    }

    @Test
    void aSecondPublicIpOnItsOwnDeviceGetsItsTableRoutesAndRules() {
        KernelState kernel = new KernelState(
                List.of(link("eth2", 1500, true, "203.0.113.20/24"), link("eth3", 1500, false)),
                List.of(route("0.0.0.0/0 via 203.0.113.1 dev eth2 table 102", OURS), route("throw 10.1.1.0/24 table 102", OURS)),
                List.of(new KernelRule(PolicyRule.forMark(100, Fwmark.of(0x66), 102), OURS),
                        new KernelRule(PolicyRule.forSource(101, cidr("203.0.113.0/24"), 102), OURS)));
        Addressing desired = new Addressing(
                List.of(InterfaceAddresses.of("eth2", PUBLIC, cidrs("203.0.113.20/24")),
                        InterfaceAddresses.of("eth3", PUBLIC, cidrs("198.51.100.10/24"))),
                List.of(Route.via(cidr("0.0.0.0/0"), ip("203.0.113.1")).onDevice("eth2").inTable(102),
                        Route.of(RouteType.THROW, cidr("10.1.1.0/24")).inTable(102),
                        Route.via(cidr("0.0.0.0/0"), ip("198.51.100.1")).onDevice("eth3").inTable(103),
                        Route.of(RouteType.THROW, cidr("10.1.1.0/24")).inTable(103)),
                List.of(PolicyRule.forMark(100, Fwmark.of(0x66), 102), PolicyRule.forSource(101, cidr("203.0.113.0/24"), 102),
                        PolicyRule.forMark(110, Fwmark.of(0x67), 103), PolicyRule.forSource(111, cidr("198.51.100.0/24"), 103)));

        AddressPlan plan = AddressPlanner.plan(desired, kernel);

        assertThat(plan.batchText()).isEqualTo("""
                link set dev eth3 up
                address replace 198.51.100.10/24 brd + dev eth3
                route replace 0.0.0.0/0 via 198.51.100.1 dev eth3 table 103 proto 118
                route replace throw 10.1.1.0/24 table 103 proto 118
                rule add priority 110 fwmark 0x67 table 103 protocol 118
                rule add priority 111 from 198.51.100.0/24 table 103 protocol 118
                """);
        assertThat(plan.announcements()).extracting(Announcement::toString).containsExactly("eth3 198.51.100.10");
    }

    @Test
    void removesOnlyTheRoutesAndRulesItAdded() {
        KernelState kernel = new KernelState(List.of(),
                List.of(route("0.0.0.0/0 via 198.51.100.1 dev eth3 table 103", OURS), route("192.0.2.0/24 via 10.1.1.254", STATIC),
                        route("2001:db8:9::/48 via fd00::9 metric 1024", OURS)),
                List.of(new KernelRule(PolicyRule.forMark(110, Fwmark.of(0x67), 103), OURS),
                        new KernelRule(PolicyRule.forMark(120, new Fwmark(0x10, 0xf0), 104), 0)));

        AddressPlan plan = AddressPlanner.plan(Addressing.empty(), kernel);

        assertThat(plan.batchText()).isEqualTo("""
                rule del priority 110 fwmark 0x67 table 103 protocol 118
                route del 0.0.0.0/0 table 103 metric 0 proto 118
                route del 2001:db8:9::/48 table 254 metric 1024 proto 118
                """);
    }

    @Test
    void leavesAloneWhatItDoesNotOwn() {
        KernelState kernel = kernel(
                link("eth0", 1500, true, "10.1.1.1/24", "10.1.1.254/24", "fe80::a8bb:ccff:fedd:eeff/64"),
                new KernelLink("eth1", 1500, true, List.of(KernelAddress.of(cidr("169.254.3.44/16")))),
                new KernelLink("eth2", 1500, true, List.of(new KernelAddress(cidr("2001:db8::5/64"), false, true))));
        Addressing desired = devices(
                InterfaceAddresses.of("eth0", GUEST, cidrs("10.1.1.1/24")).withUnmanaged(Set.of(ip("10.1.1.254"))),
                InterfaceAddresses.of("eth2", PUBLIC, List.of()));

        assertThat(AddressPlanner.plan(desired, kernel).isEmpty()).isTrue();
    }

    @Test
    void deletingAPrimaryPutsBackTheSecondariesOfItsSubnetAndTheRoutesThroughTheDevice() {
        KernelState kernel = new KernelState(
                List.of(new KernelLink("eth2", 1500, true, List.of(KernelAddress.of(cidr("203.0.113.20/24")),
                        new KernelAddress(cidr("203.0.113.21/24"), true, false), new KernelAddress(cidr("203.0.113.22/24"), true, false),
                        new KernelAddress(cidr("203.0.113.99/24"), true, false)))),
                List.of(route("0.0.0.0/0 via 203.0.113.1 dev eth2", BOOT), route("0.0.0.0/0 via 203.0.113.1 dev eth2 table 102", OURS),
                        route("throw 10.1.1.0/24 table 102", OURS)),
                List.of());
        Addressing desired = new Addressing(
                List.of(InterfaceAddresses.of("eth2", PUBLIC, cidrs("203.0.113.22/24", "203.0.113.21/24"))
                        .withUnmanaged(Set.of(ip("203.0.113.99")))),
                List.of(Route.via(cidr("0.0.0.0/0"), ip("203.0.113.1")),
                        Route.via(cidr("0.0.0.0/0"), ip("203.0.113.1")).onDevice("eth2").inTable(102),
                        Route.of(RouteType.THROW, cidr("10.1.1.0/24")).inTable(102)),
                List.of());

        AddressPlan plan = AddressPlanner.plan(desired, kernel);

        assertThat(plan.batchText()).isEqualTo("""
                address del 203.0.113.20/24 dev eth2
                address replace 203.0.113.22/24 brd + dev eth2
                address replace 203.0.113.21/24 brd + dev eth2
                address replace 203.0.113.99/24 brd + dev eth2
                route replace 0.0.0.0/0 via 203.0.113.1 table 254 proto 118
                route replace 0.0.0.0/0 via 203.0.113.1 dev eth2 table 102 proto 118
                """);
        assertThat(plan.steps()).extracting(AddressStep::kind).containsExactly(StepKind.DELETE_ADDRESS, StepKind.RESTORE_ADDRESS,
                StepKind.RESTORE_ADDRESS, StepKind.RESTORE_ADDRESS, StepKind.REFRESH_ROUTE, StepKind.REFRESH_ROUTE);
        assertThat(plan.announcements()).isEmpty();
    }

    @Test
    void deletesSecondariesBeforeTheirPrimary() {
        KernelState kernel = kernel(new KernelLink("eth2", 1500, true, List.of(KernelAddress.of(cidr("203.0.113.20/24")),
                new KernelAddress(cidr("203.0.113.21/24"), true, false))));

        AddressPlan plan = AddressPlanner.plan(devices(InterfaceAddresses.of("eth2", PUBLIC, List.of())), kernel);

        assertThat(plan.batchText()).isEqualTo("address del 203.0.113.21/24 dev eth2\naddress del 203.0.113.20/24 dev eth2\n");
    }

    @Test
    void announcesOnlyIpv4AddressesAddedToUpPublicDevices() {
        KernelState kernel = kernel(link("eth0", 1500, true), link("eth2", 1500, true), link("eth3", 1500, false));

        AddressPlan plan = AddressPlanner.plan(devices(
                InterfaceAddresses.of("eth0", GUEST, cidrs("10.1.1.1/24")),
                InterfaceAddresses.of("eth2", PUBLIC, cidrs("2001:db8::20/64")),
                InterfaceAddresses.of("eth3", PUBLIC, cidrs("198.51.100.10/24")).down()), kernel);

        assertThat(plan.steps()).hasSize(3);
        assertThat(plan.announcements()).isEmpty();
    }

    @Test
    void aDeviceTheKernelLacksIsPlannedSoItsStepsFailByName() {
        AddressPlan plan = AddressPlanner.plan(devices(InterfaceAddresses.of("eth9", PUBLIC, cidrs("192.0.2.9/24")).withMtu(1450)),
                KernelState.empty());

        assertThat(plan).hasToString("SET_MTU eth9 mtu 1450\nSET_LINK_UP eth9 up\nADD_ADDRESS eth9 192.0.2.9/24");
    }

    private static Addressing devices(InterfaceAddresses... devices) {
        return new Addressing(List.of(devices), List.of(), List.of());
    }

    private static KernelState kernel(KernelLink... links) {
        return new KernelState(List.of(links), List.of(), List.of());
    }

    private static KernelLink link(String name, int mtu, boolean up, String... addresses) {
        return new KernelLink(name, mtu, up, Arrays.stream(addresses).map(text -> KernelAddress.of(cidr(text))).toList());
    }

    /** A kernel route from {@code ip route}-like words: [type] destination [via gateway] [dev device] [table n] [metric n]. */
    private static KernelRoute route(String text, int protocol) {
        List<String> words = new ArrayList<>(List.of(text.split(" ")));
        RouteType type = RouteType.UNICAST;
        for (RouteType candidate : RouteType.values()) {
            if (candidate.keyword().equals(words.get(0))) {
                type = candidate;
                words.remove(0);
            }
        }
        Cidr destination = cidr(words.remove(0));
        Optional<IpAddress> gateway = Optional.empty();
        Optional<String> device = Optional.empty();
        int table = Route.MAIN_TABLE;
        long metric = 0;
        for (int i = 0; i < words.size(); i += 2) {
            String value = words.get(i + 1);
            switch (words.get(i)) {
                case "via" -> gateway = Optional.of(ip(value));
                case "dev" -> device = Optional.of(value);
                case "table" -> table = Integer.parseInt(value);
                case "metric" -> metric = Long.parseLong(value);
                default -> throw new IllegalArgumentException(text);
            }
        }
        return new KernelRoute(destination, type, gateway, device, table, metric, protocol);
    }

    private static List<Cidr> cidrs(String... texts) {
        return Arrays.stream(texts).map(AddressPlannerTest::cidr).toList();
    }

    private static Cidr cidr(String text) {
        return Cidr.parse(text);
    }

    private static IpAddress ip(String text) {
        return IpAddress.parse(text);
    }
}
