package org.vrouter.router.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.api.net.IpAddress;
import org.vrouter.router.host.DryRunHost;
import org.vrouter.router.host.ProgramResult;
import org.vrouter.router.host.ScriptedHost;

/** Running the deletes: conntrack's "nothing matched" is not an error, a real failure is reported, not thrown. */
class ConntrackTest {
    private static final ConntrackFilter STATIC_NAT = ConntrackFilter.staticNatInbound(
            new StaticNat(IpAddress.parse("ip", "203.0.113.21"), IpAddress.parse("ip", "10.1.1.24")));
    private static final ConntrackFilter SOURCE_NAT = ConntrackFilter.sourceNat(IpAddress.parse("ip", "203.0.113.20"));

    @TempDir
    Path root;

    private static ProgramResult exit(int status, String stderr) {
        return new ProgramResult(List.of("conntrack"), status, "", stderr);
    }

    /** A machine answering the programs it is asked to run with {@code results}, in order. */
    private ScriptedHost answering(ProgramResult... results) {
        Deque<ProgramResult> answers = new ArrayDeque<>(List.of(results));
        return new ScriptedHost(root).answering(call -> answers.removeFirst());
    }

    @Test
    void countsTheDeletedEntriesAndTakesExitOneWithNothingDeletedAsSuccess() {
        ScriptedHost host = answering(exit(0, "conntrack v1.4.7 (conntrack-tools): 3 flow entries have been deleted.\n"),
                exit(1, "conntrack v1.4.7 (conntrack-tools): 0 flow entries have been deleted.\n"));

        Conntrack.Report report = new Conntrack(host).delete(List.of(STATIC_NAT, SOURCE_NAT));

        assertThat(report.failures()).isEmpty();
        assertThat(report.deleted()).isEqualTo(3);
        assertThat(report.describe()).isEqualTo("conntrack: 3 stale entries deleted by 2 filters");
        assertThat(host.commandLines()).containsExactly("conntrack -D --orig-dst 203.0.113.21 --reply-src 10.1.1.24",
                "conntrack -D --reply-dst 203.0.113.20 --src-nat");
    }

    @Test
    void reportsAFailedDeleteAndStillRunsTheOthers() {
        ScriptedHost host = answering(exit(1, "conntrack v1.4.7 (conntrack-tools): Operation failed: invalid parameters\n"),
                exit(0, "conntrack v1.4.7 (conntrack-tools): 1 flow entries have been deleted.\n"));

        Conntrack.Report report = new Conntrack(host).delete(List.of(STATIC_NAT, SOURCE_NAT));

        assertThat(report.deleted()).isEqualTo(1);
        assertThat(report.failures()).singleElement().asString()
                .isEqualTo("conntrack -D --orig-dst 203.0.113.21 --reply-src 10.1.1.24: exit 1: "
                        + "conntrack v1.4.7 (conntrack-tools): Operation failed: invalid parameters");
        assertThat(report.describe()).startsWith("conntrack: 1 stale entries deleted by 2 filters, 1 failed (");
    }

    @Test
    void runsNothingWithoutFilters() throws IOException {
        Conntrack.Report report = new Conntrack(new DryRunHost(root)).delete(List.of());

        assertThat(report).isEqualTo(Conntrack.Report.NONE);
        assertThat(report.describe()).isEmpty();
        assertThat(Files.exists(root.resolve("var/log/vrouter/dry-run.log"))).isFalse();
    }

    @Test
    void aDryRunLogsTheExactDeletes() throws IOException {
        new Conntrack(new DryRunHost(root)).delete(List.of(STATIC_NAT, SOURCE_NAT));

        assertThat(Files.readString(root.resolve("var/log/vrouter/dry-run.log"), StandardCharsets.UTF_8)).isEqualTo(
                "conntrack -D --orig-dst 203.0.113.21 --reply-src 10.1.1.24\nconntrack -D --reply-dst 203.0.113.20 --src-nat\n");
    }
}
