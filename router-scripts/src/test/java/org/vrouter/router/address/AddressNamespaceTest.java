package org.vrouter.router.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vrouter.api.network.TrafficType.CONTROL;
import static org.vrouter.api.network.TrafficType.GUEST;
import static org.vrouter.api.network.TrafficType.PUBLIC;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.router.host.SystemTools;
import org.vrouter.router.host.TestNamespace;

/**
 * The applier against the real kernel, in a router namespace of its own whose devices are veth pairs
 * to a second, "upstream" namespace. Both are deleted after each test; the machine's own devices,
 * routes and resolv.conf are never touched.
 */
@Tag("root")
class AddressNamespaceTest {
    @TempDir
    Path root;

    private TestNamespace router;
    private TestNamespace upstream;
    private RecordingHost host;
    private AddressApplier applier;

    @BeforeEach
    void createNamespaces() throws IOException {
        router = TestNamespace.create();
        upstream = TestNamespace.create();
        for (int n = 0; n <= 3; n++) {
            router.run("ip", "link", "add", "eth" + n, "type", "veth", "peer", "name", "up" + n, "netns", upstream.name());
            upstream.run("ip", "link", "set", "up" + n, "up");
        }
        // arping takes a second per address: only the test of gratuitous ARPs runs it
        host = new RecordingHost(router.host(root)).without("arping");
        applier = new AddressApplier(host);
    }

    @AfterEach
    void deleteNamespaces() throws IOException {
        try {
            if (router != null) {
                router.close();
            }
        }
        finally {
            if (upstream != null) {
                upstream.close();
            }
        }
    }

    /** An isolated router with two public devices, each with its own policy-routing table. */
    static Addressing twoPublicDevices(List<Cidr> eth0, List<Cidr> eth2) {
        return new Addressing(
                List.of(InterfaceAddresses.of("eth0", GUEST, eth0).withMtu(1450),
                        InterfaceAddresses.of("eth2", PUBLIC, eth2),
                        InterfaceAddresses.of("eth3", PUBLIC, List.of(cidr("198.51.100.10/24")))),
                List.of(Route.via(cidr("0.0.0.0/0"), ip("203.0.113.1")),
                        Route.via(cidr("0.0.0.0/0"), ip("203.0.113.1")).onDevice("eth2").inTable(102),
                        Route.of(RouteType.THROW, cidr("10.1.1.0/24")).inTable(102),
                        Route.via(cidr("0.0.0.0/0"), ip("198.51.100.1")).onDevice("eth3").inTable(103),
                        Route.of(RouteType.THROW, cidr("10.1.1.0/24")).inTable(103),
                        Route.via(cidr("::/0"), ip("fd00:1::ff")).onDevice("eth0")),
                List.of(PolicyRule.forMark(100, Fwmark.of(0x66), 102), PolicyRule.forSource(101, cidr("203.0.113.0/24"), 102),
                        PolicyRule.forMark(110, Fwmark.of(0x67), 103), PolicyRule.forSource(111, cidr("198.51.100.0/24"), 103)));
    }

    static Addressing router() {
        return twoPublicDevices(List.of(cidr("10.1.1.1/24"), cidr("fd00:1::1/64")),
                List.of(cidr("203.0.113.20/24"), cidr("203.0.113.21/24")));
    }

    @Test
    void appliesTheDesiredStateAndTheKernelGivesItBack() throws IOException {
        AddressReport report = applier.apply(router());

        assertThat(report.succeeded()).isTrue();
        assertThat(report.changed()).isTrue();
        KernelState kernel = applier.read();
        KernelLink eth0 = kernel.link("eth0").orElseThrow();
        assertThat(eth0.mtu()).isEqualTo(1450);
        assertThat(eth0.up()).isTrue();
        assertThat(eth0.addresses()).extracting(KernelAddress::cidr).contains(cidr("10.1.1.1/24"), cidr("fd00:1::1/64"));
        assertThat(ipv4(kernel, "eth2")).containsExactly(cidr("203.0.113.20/24"), cidr("203.0.113.21/24"));
        assertThat(router.run("ip", "route", "show", "table", "102").stdout())
                .contains("default via 203.0.113.1 dev eth2 proto 118")
                .contains("throw 10.1.1.0/24 proto 118");
        assertThat(router.run("ip", "rule", "show").stdout())
                .contains("100:\tfrom all fwmark 0x66 lookup 102 proto 118")
                .contains("101:\tfrom 203.0.113.0/24 lookup 102 proto 118");
        assertThat(AddressPlanner.plan(router(), kernel).isEmpty()).isTrue();
    }

    @Test
    void aSecondApplyOfTheSameStateOnlyReads() throws IOException {
        applier.apply(router());
        host.clear();

        AddressReport again = applier.apply(router());

        assertThat(again.changed()).isFalse();
        assertThat(host.calls()).hasSize(1);
        assertThat(host.calls().get(0).argv()).isEqualTo(AddressApplier.READ_ARGV);
    }

    @Test
    void changingOneAddressChangesOnlyThatAndLeavesOthersAddressesAndRoutesAlone() throws IOException {
        applier.apply(router());
        // the control device is not managed: its address and route belong to the boot
        router.run("ip", "link", "set", "eth1", "up");
        router.run("ip", "address", "add", "169.254.3.44/16", "dev", "eth1");
        router.run("ip", "route", "add", "192.0.2.0/24", "via", "169.254.0.1", "dev", "eth1", "proto", "static");
        Addressing moved = twoPublicDevices(List.of(cidr("10.1.2.1/24"), cidr("fd00:1::1/64")),
                List.of(cidr("203.0.113.20/24"), cidr("203.0.113.21/24")));

        AddressReport report = applier.apply(moved);

        assertThat(report.applied()).extracting(AddressStep::toString)
                .containsExactly("DELETE_ADDRESS eth0 10.1.1.1/24", "ADD_ADDRESS eth0 10.1.2.1/24");
        KernelState kernel = applier.read();
        assertThat(kernel.link("eth0").orElseThrow().addresses()).extracting(KernelAddress::cidr)
                .contains(cidr("10.1.2.1/24"), cidr("fd00:1::1/64")).doesNotContain(cidr("10.1.1.1/24"));
        assertThat(kernel.link("eth1").orElseThrow().addresses()).extracting(KernelAddress::cidr).contains(cidr("169.254.3.44/16"));
        assertThat(router.run("ip", "route", "show").stdout()).contains("192.0.2.0/24 via 169.254.0.1 dev eth1 proto static");
        assertThat(AddressPlanner.plan(moved, kernel).isEmpty()).isTrue();
    }

    @Test
    void removingThePrimaryPublicIpKeepsTheOtherAndTheRoutesThroughTheDevice() throws IOException {
        applier.apply(router());
        Addressing withoutPrimary = twoPublicDevices(List.of(cidr("10.1.1.1/24"), cidr("fd00:1::1/64")),
                List.of(cidr("203.0.113.21/24")));

        AddressReport report = applier.apply(withoutPrimary);

        assertThat(report.applied()).extracting(AddressStep::kind)
                .contains(StepKind.DELETE_ADDRESS, StepKind.RESTORE_ADDRESS, StepKind.REFRESH_ROUTE);
        KernelState kernel = applier.read();
        assertThat(ipv4(kernel, "eth2")).containsExactly(cidr("203.0.113.21/24"));
        assertThat(router.run("ip", "route", "show", "table", "102").stdout()).contains("default via 203.0.113.1 dev eth2");
        assertThat(router.run("ip", "route", "show").stdout()).contains("default via 203.0.113.1 dev eth2");
        assertThat(AddressPlanner.plan(withoutPrimary, kernel).isEmpty()).isTrue();
    }

    @Test
    void removingAPublicDeviceFromTheStateRemovesItsRoutesAndRulesButNotTheDevice() throws IOException {
        applier.apply(router());
        Addressing full = router();
        Addressing withoutEth3 = new Addressing(full.interfaces().subList(0, 2),
                full.routes().stream().filter(route -> route.table() != 103).toList(),
                full.rules().stream().filter(rule -> rule.table() != 103).toList());

        applier.apply(withoutEth3);

        assertThat(router.run("ip", "route", "show", "table", "103").stdout()).isBlank();
        assertThat(router.run("ip", "rule", "show").stdout()).doesNotContain("lookup 103");
        // no longer managed, so its address stays
        assertThat(applier.read().link("eth3").orElseThrow().addresses()).extracting(KernelAddress::cidr)
                .contains(cidr("198.51.100.10/24"));
    }

    @Test
    void aLinkTakenDownKeepsItsAddressesOfBothFamilies() throws IOException {
        Addressing eth0Up = devices(InterfaceAddresses.of("eth0", GUEST, List.of(cidr("10.1.1.1/24"), cidr("fd00:1::1/64"))));
        applier.apply(eth0Up);
        Addressing eth0Down = devices(eth0Up.interfaces().get(0).down());

        applier.apply(eth0Down);

        KernelState kernel = applier.read();
        assertThat(kernel.link("eth0").orElseThrow().up()).isFalse();
        assertThat(kernel.link("eth0").orElseThrow().addresses()).extracting(KernelAddress::cidr)
                .contains(cidr("10.1.1.1/24"), cidr("fd00:1::1/64"));
        assertThat(AddressPlanner.plan(eth0Down, kernel).isEmpty()).isTrue();
    }

    @Test
    void anAddedPublicIpIsAnnouncedWithAGratuitousArp() throws IOException {
        SystemTools.require("arping");
        // the upstream gateway learns addresses from gratuitous ARPs
        upstream.run("ip", "address", "add", "203.0.113.1/24", "dev", "up2");
        upstream.run("sysctl", "-qw", "net.ipv4.conf.up2.arp_accept=1");

        ExecutorService announcer = Executors.newCachedThreadPool();
        AddressReport report;
        try {
            report = new AddressApplier(router.host(root), announcer).apply(router());
        }
        finally {
            announcer.shutdownNow();
        }

        assertThat(report.announced()).extracting(Announcement::toString)
                .containsExactly("eth2 203.0.113.20", "eth2 203.0.113.21", "eth3 198.51.100.10");
        String mac = router.run("cat", "/sys/class/net/eth2/address").stdout().strip();
        assertThat(upstream.run("ip", "neigh", "show", "dev", "up2").stdout())
                .contains("203.0.113.20 lladdr " + mac).contains("203.0.113.21 lladdr " + mac);
    }

    @Test
    void aDeviceTheKernelDoesNotHaveIsLeftOutAndTheRestIsApplied() throws IOException {
        Addressing withMissingDevice = new Addressing(
                List.of(InterfaceAddresses.of("eth9", CONTROL, List.of(cidr("169.254.9.9/16"))),
                        InterfaceAddresses.of("eth0", GUEST, List.of(cidr("10.1.1.1/24")))),
                List.of(), List.of());

        AddressReport report = applier.apply(withMissingDevice);

        assertThat(report.absentDevices()).containsExactly("eth9");
        assertThat(report.applied()).extracting(AddressStep::toString).containsExactly("SET_LINK_UP eth0 up", "ADD_ADDRESS eth0 10.1.1.1/24");
        assertThat(applier.read().link("eth0").orElseThrow().addresses()).extracting(KernelAddress::cidr)
                .contains(cidr("10.1.1.1/24"));
    }

    @Test
    void aRefusedStepNamesWhatItChangesAndTheRestIsApplied() throws IOException {
        Addressing withUnreachableGateway = new Addressing(List.of(InterfaceAddresses.of("eth0", GUEST, List.of(cidr("10.1.1.1/24")))),
                List.of(Route.via(cidr("10.9.0.0/16"), IpAddress.parse("192.0.2.1"))), List.of());

        assertThatThrownBy(() -> applier.apply(withUnreachableGateway))
                .isInstanceOfSatisfying(AddressApplyException.class, e -> {
                    assertThat(e.getMessage()).contains("10.9.0.0/16");
                    assertThat(e.report().applied()).extracting(AddressStep::toString)
                            .containsExactly("SET_LINK_UP eth0 up", "ADD_ADDRESS eth0 10.1.1.1/24");
                });
        assertThat(applier.read().link("eth0").orElseThrow().addresses()).extracting(KernelAddress::cidr)
                .contains(cidr("10.1.1.1/24"));
    }

    static Addressing devices(InterfaceAddresses... devices) {
        return new Addressing(List.of(devices), List.of(), List.of());
    }

    static List<Cidr> ipv4(KernelState kernel, String device) {
        return kernel.link(device).orElseThrow().addresses().stream().map(KernelAddress::cidr).filter(Cidr::isIpv4).toList();
    }

    static Cidr cidr(String text) {
        return Cidr.parse(text);
    }

    static IpAddress ip(String text) {
        return IpAddress.parse(text);
    }
}
