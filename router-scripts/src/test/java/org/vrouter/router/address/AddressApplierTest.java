package org.vrouter.router.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vrouter.api.network.TrafficType.GUEST;
import static org.vrouter.api.network.TrafficType.PUBLIC;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.router.host.DryRunHost;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.ProgramFailedException;
import org.vrouter.router.host.ProgramResult;
import org.vrouter.router.host.ScriptedHost;

/** The applier's processes: one read, one write of only the difference, gratuitous ARPs, and how failures are reported. */
class AddressApplierTest {
    /** eth2 up with 203.0.113.20/24 and the applier's default route; eth0 up and bare. */
    private static final String KERNEL = """
            [{"ifname":"eth0","mtu":1500,"flags":["BROADCAST","UP"],"addr_info":[]},\
            {"ifname":"eth2","mtu":1500,"flags":["BROADCAST","UP"],"addr_info":[{"family":"inet","local":"203.0.113.20","prefixlen":24}]}]
            [{"dst":"default","gateway":"203.0.113.1","dev":"eth2","protocol":"118"}]
            []
            [{"priority":0,"src":"all","table":"255"},{"priority":32766,"src":"all","table":"254"}]
            """;

    @TempDir
    Path root;

    static Addressing current() {
        return new Addressing(List.of(InterfaceAddresses.of("eth2", PUBLIC, List.of(cidr("203.0.113.20/24")))),
                List.of(Route.via(cidr("0.0.0.0/0"), ip("203.0.113.1"))), List.of());
    }

    /** Two public addresses and a guest address more, a rule for the public device's table. */
    static Addressing grown() {
        return new Addressing(List.of(
                        InterfaceAddresses.of("eth0", GUEST, List.of(cidr("10.1.1.1/24"))),
                        InterfaceAddresses.of("eth2", PUBLIC, List.of(cidr("203.0.113.20/24"), cidr("203.0.113.21/24"), cidr("203.0.113.22/24")))),
                List.of(Route.via(cidr("0.0.0.0/0"), ip("203.0.113.1"))),
                List.of(PolicyRule.forMark(100, Fwmark.of(0x66), 102)));
    }

    private ScriptedHost kernel(Function<ProgramCall, ProgramResult> others) {
        return new ScriptedHost(root).answering(call -> call.argv().equals(AddressApplier.READ_ARGV)
                ? new ProgramResult(call.argv(), 0, KERNEL, "")
                : others.apply(call));
    }

    private ScriptedHost kernel() {
        return kernel(call -> ProgramResult.success(call.argv()));
    }

    @Test
    void whenNothingChangedOnlyTheReadRuns() throws IOException {
        ScriptedHost host = kernel();

        AddressReport report = new AddressApplier(host).apply(current());

        assertThat(report.changed()).isFalse();
        assertThat(host.calls()).singleElement().satisfies(call -> {
            assertThat(call.argv()).containsExactly("ip", "-N", "-json", "-batch", "-");
            assertThat(call.stdin()).contains("address show\nroute show table all root 0.0.0.0/0\nroute show table all root ::/0\nrule show\n");
        });
    }

    @Test
    void leavesOutADeviceTheKernelDoesNotHaveYetAndTheRoutesThroughIt() throws IOException {
        ScriptedHost host = kernel();
        Addressing withTier = new Addressing(List.of(InterfaceAddresses.of("eth2", PUBLIC, List.of(cidr("203.0.113.20/24"))),
                InterfaceAddresses.of("eth3", GUEST, List.of(cidr("10.1.2.1/24")))),
                List.of(Route.via(cidr("0.0.0.0/0"), ip("203.0.113.1")), Route.onLink(cidr("10.9.0.0/16"), "eth3")), List.of());

        AddressReport report = new AddressApplier(host).apply(withTier);

        assertThat(report.absentDevices()).containsExactly("eth3");
        assertThat(report.complete()).isFalse();
        assertThat(report.succeeded()).isTrue();
        assertThat(report.changed()).as("eth2 was already there; nothing is planned for eth3").isFalse();
        assertThat(host.calls()).hasSize(1);
    }

    @Test
    void writesOnlyTheDifferenceInOneBatchThenAnnouncesTheNewPublicAddresses() throws IOException {
        ScriptedHost host = kernel();

        AddressReport report = new AddressApplier(host).apply(grown());

        assertThat(host.commandLines()).containsExactly(
                "ip -N -json -batch -",
                "ip -force -batch -",
                "arping -q -U -c 1 -I eth2 203.0.113.21",
                "arping -q -U -c 1 -I eth2 203.0.113.22");
        assertThat(host.calls().get(1).stdin()).contains("""
                address replace 10.1.1.1/24 brd + dev eth0
                address replace 203.0.113.21/24 brd + dev eth2
                address replace 203.0.113.22/24 brd + dev eth2
                rule add priority 100 fwmark 0x66 table 102 protocol 118
                """);
        assertThat(report.applied()).hasSize(4);
        assertThat(report.announced()).extracting(Announcement::toString).containsExactly("eth2 203.0.113.21", "eth2 203.0.113.22");
        assertThat(report).hasToString("4 steps planned, 4 applied, 0 failed, 2 announced");
    }

    @Test
    void refusedLinesAreReportedByDeviceAndAddressAfterTheRestWasApplied() {
        ScriptedHost host = kernel(call -> call.argv().get(0).equals("ip")
                ? new ProgramResult(call.argv(), 1, "", "Error: ipv4: Address already assigned.\nCommand failed -:3\n"
                        + "Error: Rule exists.\nCommand failed -:4\n")
                : ProgramResult.success(call.argv()));

        assertThatThrownBy(() -> new AddressApplier(host).apply(grown()))
                .isInstanceOfSatisfying(AddressApplyException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("addresses and routes: 2 of 4 changes failed: "
                            + "eth2 203.0.113.22/24: Error: ipv4: Address already assigned.; "
                            + "rule priority 100 fwmark 0x66 table 102: Error: Rule exists.");
                    assertThat(e.report().applied()).extracting(AddressStep::target).containsExactly("eth0 10.1.1.1/24", "eth2 203.0.113.21/24");
                    assertThat(e.report().announced()).extracting(Announcement::toString).containsExactly("eth2 203.0.113.21");
                });
        assertThat(host.commandLines()).doesNotContain("arping -q -U -c 1 -I eth2 203.0.113.22");
    }

    @Test
    void deletingARouteTheKernelAlreadyDroppedIsNoFailure() {
        List<AddressStep> steps = List.of(new AddressStep(StepKind.DELETE_ROUTE, "route 0.0.0.0/0 via 203.0.113.1 table 102", List.of("route", "del")),
                new AddressStep(StepKind.DELETE_ROUTE, "route 10.9.0.0/16 via 203.0.113.1", List.of("route", "del")));
        ProgramResult result = new ProgramResult(List.of("ip"), 1, "", "RTNETLINK answers: No such process\nCommand failed -:1\n"
                + "RTNETLINK answers: Invalid argument\nCommand failed -:2\n");

        assertThat(AddressApplier.failures(result, steps)).extracting(StepFailure::toString)
                .containsExactly("route 10.9.0.0/16 via 203.0.113.1: RTNETLINK answers: Invalid argument");
    }

    @Test
    void anIpFailureThatNamesNoLineLeavesEveryStepUnconfirmed() {
        ScriptedHost host = kernel(call -> new ProgramResult(call.argv(), 255, "", "Option \"-force\" is unknown, try \"ip -help\".\n"));

        assertThatThrownBy(() -> new AddressApplier(host).apply(grown()))
                .isInstanceOfSatisfying(AddressApplyException.class, e -> {
                    assertThat(e.report().applied()).isEmpty();
                    assertThat(e.report().failures()).hasSize(4)
                            .allSatisfy(failure -> assertThat(failure.message()).startsWith("not confirmed: ip exited 255 (Option"));
                    assertThat(e.getMessage()).startsWith("addresses and routes: 4 of 4 changes failed: eth0 10.1.1.1/24: not confirmed");
                });
    }

    @Test
    void aFailedReadIsAnErrorAndNothingIsWritten() {
        ScriptedHost host = new ScriptedHost(root).answering(call -> new ProgramResult(call.argv(), 1, "", "Cannot open netlink socket"));

        assertThatThrownBy(() -> new AddressApplier(host).apply(grown()))
                .isInstanceOf(ProgramFailedException.class).hasMessageContaining("Cannot open netlink socket");
        assertThat(host.calls()).hasSize(1);
    }

    @Test
    void withoutArpingNoGratuitousArpIsSentAndTheApplySucceeds() throws IOException {
        RecordingHost host = new RecordingHost(kernel()).without("arping");

        AddressReport report = new AddressApplier(host).apply(grown());

        assertThat(report.succeeded()).isTrue();
        assertThat(report.announced()).isEmpty();
        assertThat(host.programs()).containsExactly("ip", "ip", "arping");
    }

    @Test
    void arpingMissingInANamespaceIsRecognisedFromIpNetnsExec() throws IOException {
        ScriptedHost host = kernel(call -> call.argv().get(0).equals("arping")
                ? new ProgramResult(List.of("ip", "netns", "exec", "r-1", "arping"), 1, "", "exec of \"arping\" failed: No such file or directory\n")
                : ProgramResult.success(call.argv()));
        AddressApplier applier = new AddressApplier(host);

        AddressReport report = applier.apply(grown());

        assertThat(report.announced()).isEmpty();
        assertThat(host.commandLines()).filteredOn(line -> line.startsWith("arping")).hasSize(1);
    }

    @Test
    void aFailedArpingIsOnlyAWarningAndTheNextIsStillSent() throws IOException {
        ScriptedHost host = kernel(call -> call.argv().contains("203.0.113.21")
                ? new ProgramResult(call.argv(), 2, "", "arping: interface eth2 is down\n")
                : ProgramResult.success(call.argv()));

        AddressReport report = new AddressApplier(host).apply(grown());

        assertThat(report.announced()).extracting(Announcement::toString).containsExactly("eth2 203.0.113.22");
    }

    @Test
    void aDryRunWithNothingDesiredLogsOnlyTheRead() throws IOException {
        AddressReport report = new AddressApplier(new DryRunHost(root)).apply(Addressing.empty());

        assertThat(report.changed()).isFalse();
        assertThat(Files.readString(root.resolve("var/log/vrouter/dry-run.log"))).isEqualTo("ip -N -json -batch -\n");
    }

    @Test
    void aDryRunPlansEverythingAgainstAnEmptyKernelAndLogsTheProgramsItWouldRun() throws IOException {
        AddressReport report = new AddressApplier(new DryRunHost(root)).apply(current());

        assertThat(report.plan().batchText()).isEqualTo("""
                link set dev eth2 up
                address replace 203.0.113.20/24 brd + dev eth2
                route replace 0.0.0.0/0 via 203.0.113.1 table 254 proto 118
                """);
        assertThat(Files.readString(root.resolve("var/log/vrouter/dry-run.log"))).isEqualTo("""
                ip -N -json -batch -
                ip -force -batch -
                arping -q -U -c 1 -I eth2 203.0.113.20
                """);
    }

    @Test
    void planReadsAndChangesNothing() throws IOException {
        ScriptedHost host = kernel();

        AddressPlan plan = new AddressApplier(host).plan(grown());

        assertThat(plan.steps()).hasSize(4);
        assertThat(host.calls()).hasSize(1);
    }

    static Cidr cidr(String text) {
        return Cidr.parse(text);
    }

    static IpAddress ip(String text) {
        return IpAddress.parse(text);
    }
}
