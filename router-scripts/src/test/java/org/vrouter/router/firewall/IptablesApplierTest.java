package org.vrouter.router.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vrouter.router.firewall.TableName.FILTER;
import static org.vrouter.router.firewall.TableName.NAT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrouter.router.host.DryRunHost;
import org.vrouter.router.host.FaultInjectingHost;
import org.vrouter.router.host.HostHaltedException;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.ProgramResult;
import org.vrouter.router.host.ScriptedHost;

class IptablesApplierTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final String RESTORE = "iptables-restore --noflush --wait=10";
    private static final String TEST = RESTORE + " --test";

    @TempDir
    Path root;

    private static Ruleset base() {
        return Ruleset.builder()
                .policy(FILTER, "INPUT", Policy.DROP)
                .append(FILTER, "INPUT", "-i lo -j ACCEPT")
                .append(FILTER, "FORWARD", "-i eth0 -o eth2 -j FW_OUTBOUND")
                .append(FILTER, "FW_OUTBOUND", "-j FW_EGRESS_RULES")
                .append(FILTER, "FW_EGRESS_RULES", "-s 10.1.1.0/24 -p tcp -m tcp --dport 80 -j ACCEPT")
                .append(NAT, "POSTROUTING", "-o eth2 -j SNAT --to-source 203.0.113.20")
                .build();
    }

    private static Ruleset withHttps() {
        return Ruleset.builder()
                .policy(FILTER, "INPUT", Policy.DROP)
                .append(FILTER, "INPUT", "-i lo -j ACCEPT")
                .append(FILTER, "FORWARD", "-i eth0 -o eth2 -j FW_OUTBOUND")
                .append(FILTER, "FW_OUTBOUND", "-j FW_EGRESS_RULES")
                .append(FILTER, "FW_EGRESS_RULES", "-s 10.1.1.0/24 -p tcp -m tcp --dport 80 -j ACCEPT")
                .append(FILTER, "FW_EGRESS_RULES", "-s 10.1.1.0/24 -p tcp -m tcp --dport 443 -j ACCEPT")
                .append(NAT, "POSTROUTING", "-o eth2 -j SNAT --to-source 203.0.113.20")
                .build();
    }

    @Test
    void startsFromTheKernelAppliesOnceAndPersistsTheFullRuleset() throws IOException {
        ScriptedHost host = new ScriptedHost(root);
        IptablesApplier applier = new IptablesApplier(host, CLOCK);

        ApplyReport report = applier.apply(base());

        assertThat(host.commandLines()).containsExactly("iptables-save", TEST, RESTORE);
        assertThat(host.calls().get(1).stdin()).isEqualTo(host.calls().get(2).stdin());
        assertThat(host.calls().get(2).stdin()).contains(RestorePayload.between(Ruleset.empty(), base()).text());
        assertThat(host.readText(IptablesApplier.RULES_PATH)).contains(base().render());
        assertThat(report.changed()).isTrue();
        assertThat(report.diff()).hasToString("filter: +FW_EGRESS_RULES +FW_OUTBOUND ~INPUT ~FORWARD; nat: ~POSTROUTING");
        assertThat(applier.lastApplied()).contains(base());
    }

    @Test
    void runsNothingWhenNothingChanged() throws IOException {
        DryRunHost host = new DryRunHost(root);
        IptablesApplier applier = new IptablesApplier(host, CLOCK);
        applier.apply(base());
        String log = Files.readString(host.resolve(DryRunHost.LOG_PATH));

        ApplyReport report = applier.apply(base());

        assertThat(report.changed()).isFalse();
        assertThat(report.payloadLines()).isZero();
        assertThat(Files.readString(host.resolve(DryRunHost.LOG_PATH))).isEqualTo(log);
        assertThat(log).isEqualTo("iptables-save\n" + TEST + "\n" + RESTORE + "\n");
    }

    @Test
    void aNewApplierResumesFromThePersistedRulesetWithoutAskingTheKernel() throws IOException {
        new IptablesApplier(new DryRunHost(root), CLOCK).apply(base());
        FaultInjectingHost counting = FaultInjectingHost.counting(new DryRunHost(root));

        ApplyReport report = new IptablesApplier(counting, CLOCK).apply(base());

        assertThat(report.changed()).isFalse();
        assertThat(counting.runs()).isZero();
        assertThat(counting.writes()).isZero();
    }

    @Test
    void rewritesOnlyTheChangedChain() throws IOException {
        ScriptedHost host = new ScriptedHost(root);
        IptablesApplier applier = new IptablesApplier(host, CLOCK);
        applier.apply(base());
        host.clearCalls();

        ApplyReport report = applier.apply(withHttps());

        assertThat(host.commandLines()).containsExactly(TEST, RESTORE);
        assertThat(host.calls().get(1).stdin()).contains("""
                *filter
                :FW_EGRESS_RULES - [0:0]
                -A FW_EGRESS_RULES -s 10.1.1.0/24 -p tcp -m tcp --dport 80 -j ACCEPT
                -A FW_EGRESS_RULES -s 10.1.1.0/24 -p tcp -m tcp --dport 443 -j ACCEPT
                COMMIT
                """);
        assertThat(report.diff()).hasToString("filter: ~FW_EGRESS_RULES");
        assertThat(host.readText(IptablesApplier.RULES_PATH)).contains(withHttps().render());
    }

    @Test
    void aRejectedPayloadChangesNothingAndNamesTableChainAndLine() throws IOException {
        ScriptedHost host = new ScriptedHost(root);
        IptablesApplier applier = new IptablesApplier(host, CLOCK);
        applier.apply(base());
        host.clearCalls();
        host.answering(failing(TEST, 2, "iptables-restore v1.8.9 (nf_tables): invalid port/service `443x' specified\n"
                + "Error occurred at line: 4\nTry `iptables-restore -h' or 'iptables-restore --help' for more information.\n"));
        Ruleset bad = Ruleset.builder()
                .policy(FILTER, "INPUT", Policy.DROP)
                .append(FILTER, "INPUT", "-i lo -j ACCEPT")
                .append(FILTER, "FORWARD", "-i eth0 -o eth2 -j FW_OUTBOUND")
                .append(FILTER, "FW_OUTBOUND", "-j FW_EGRESS_RULES")
                .append(FILTER, "FW_EGRESS_RULES", "-s 10.1.1.0/24 -p tcp -m tcp --dport 80 -j ACCEPT")
                .append(FILTER, "FW_EGRESS_RULES", "-p tcp -m tcp --dport 443x -j ACCEPT")
                .append(NAT, "POSTROUTING", "-o eth2 -j SNAT --to-source 203.0.113.20")
                .build();

        assertThatThrownBy(() -> applier.apply(bad))
                .isInstanceOfSatisfying(IptablesApplyException.class, e -> {
                    assertThat(e.phase()).isEqualTo(IptablesApplyException.Phase.VALIDATE);
                    assertThat(e.table()).contains(FILTER);
                    assertThat(e.chain()).contains("FW_EGRESS_RULES");
                    assertThat(e.line()).hasValue(4);
                    assertThat(e.previousStateKept()).isTrue();
                    assertThat(e.toolMessage()).isEqualTo("invalid port/service `443x' specified");
                })
                .hasMessage("""
                        iptables-restore --test rejected table filter, chain FW_EGRESS_RULES, payload line 4: \
                        invalid port/service `443x' specified; the previous ruleset is still in force
                             1 | *filter
                             2 | :FW_EGRESS_RULES - [0:0]
                             3 | -A FW_EGRESS_RULES -s 10.1.1.0/24 -p tcp -m tcp --dport 80 -j ACCEPT
                        >    4 | -A FW_EGRESS_RULES -p tcp -m tcp --dport 443x -j ACCEPT
                             5 | COMMIT""");
        assertThat(host.commandLines()).containsExactly(TEST);
        assertThat(host.readText(IptablesApplier.RULES_PATH)).contains(base().render());
        assertThat(applier.lastApplied()).contains(base());
    }

    @Test
    void rollsBackCommittedTablesWhenTheApplyFailsHalfway() throws IOException {
        ScriptedHost host = new ScriptedHost(root);
        IptablesApplier applier = new IptablesApplier(host, CLOCK);
        applier.apply(base());
        host.clearCalls();
        // the nat table's COMMIT fails after filter committed
        host.answering(call -> call.commandLine().equals(RESTORE) && call.stdin().orElseThrow().contains("--to-source 198.51.100.1")
                ? new ProgramResult(call.argv(), 4, "", "iptables-restore: line 8 failed: Invalid argument\n")
                : ProgramResult.success(call.argv()));
        Ruleset desired = Ruleset.builder()
                .policy(FILTER, "INPUT", Policy.DROP)
                .append(FILTER, "INPUT", "-i lo -j ACCEPT")
                .append(FILTER, "FORWARD", "-i eth0 -o eth2 -j FW_OUTBOUND")
                .append(FILTER, "FW_OUTBOUND", "-j FW_EGRESS_RULES")
                .append(FILTER, "FW_EGRESS_RULES", "-j DROP")
                .append(NAT, "POSTROUTING", "-o eth2 -j SNAT --to-source 198.51.100.1")
                .build();

        assertThatThrownBy(() -> applier.apply(desired))
                .isInstanceOfSatisfying(IptablesApplyException.class, e -> {
                    assertThat(e.phase()).isEqualTo(IptablesApplyException.Phase.APPLY);
                    assertThat(e.table()).contains(NAT);
                    assertThat(e.chain()).isEmpty();
                    assertThat(e.context()).contains(">    8 | COMMIT");
                    assertThat(e.previousStateKept()).isTrue();
                    assertThat(e.toolMessage()).isEqualTo("line 8 failed: Invalid argument");
                });

        assertThat(host.commandLines()).containsExactly(TEST, RESTORE, RESTORE);
        assertThat(host.calls().get(2).stdin()).contains(RestorePayload.between(desired, base()).text());
        assertThat(applier.lastApplied()).contains(base());
        assertThat(host.readText(IptablesApplier.RULES_PATH)).contains(base().render());
    }

    @Test
    void readsTheKernelAgainAfterAFailedRollback() throws IOException {
        ScriptedHost host = new ScriptedHost(root);
        IptablesApplier applier = new IptablesApplier(host, CLOCK);
        applier.apply(base());
        host.clearCalls();
        host.answering(failing(RESTORE, 1, "iptables-restore: unable to initialize table 'filter'\n"));

        assertThatThrownBy(() -> applier.apply(withHttps()))
                .isInstanceOfSatisfying(IptablesApplyException.class, e -> assertThat(e.previousStateKept()).isFalse())
                .hasMessageContaining("the kernel state is unknown");
        assertThat(applier.lastApplied()).isEmpty();

        host.clearCalls();
        host.answering(call -> call.commandLine().equals("iptables-save")
                ? new ProgramResult(call.argv(), 0, base().render(), "")
                : ProgramResult.success(call.argv()));
        applier.apply(withHttps());
        assertThat(host.commandLines()).containsExactly("iptables-save", TEST, RESTORE);
    }

    @Test
    void rejectsAJumpToAMissingChainBeforeRunningAnything() throws IOException {
        ScriptedHost host = new ScriptedHost(root);
        IptablesApplier applier = new IptablesApplier(host, CLOCK);
        applier.apply(base());
        host.clearCalls();
        Ruleset dangling = Ruleset.parse(base().render().replace("-j FW_EGRESS_RULES", "-j FW_EGRESS"));

        assertThatThrownBy(() -> applier.apply(dangling))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chain FW_OUTBOUND, rule 1 '-j FW_EGRESS' jumps to FW_EGRESS");
        assertThat(host.calls()).isEmpty();
    }

    @Test
    void neverPersistsARulesetTheKernelDidNotTake() throws IOException {
        new IptablesApplier(new DryRunHost(root), CLOCK).apply(base());
        // the machine dies while iptables-restore runs
        FaultInjectingHost crashing = new FaultInjectingHost(new DryRunHost(root), FaultInjectingHost.Operation.RUN, 2,
                FaultInjectingHost.Mode.HALT);

        assertThatThrownBy(() -> new IptablesApplier(crashing, CLOCK).apply(withHttps())).isInstanceOf(HostHaltedException.class);

        assertThat(new DryRunHost(root).readText(IptablesApplier.RULES_PATH)).contains(base().render());
    }

    @Test
    void verifyReportsDriftAndRepairStartsFromTheKernel() throws IOException {
        ScriptedHost host = new ScriptedHost(root);
        IptablesApplier applier = new IptablesApplier(host, CLOCK);
        applier.apply(base());
        // someone added a chain and changed INPUT behind the applier's back
        String kernel = base().render()
                .replace(":FW_OUTBOUND - [0:0]\n", ":FW_OUTBOUND - [0:0]\n:STRAY - [0:0]\n")
                .replace("-A INPUT -i lo -j ACCEPT\n", "-A INPUT -i lo -j ACCEPT\n-A INPUT -j STRAY\n");
        host.answering(call -> call.commandLine().equals("iptables-save")
                ? new ProgramResult(call.argv(), 0, kernel, "")
                : ProgramResult.success(call.argv()));
        host.clearCalls();

        RulesetDiff drift = applier.verify(base());
        ApplyReport unchanged = applier.apply(base());
        ApplyReport repaired = applier.repair(base());

        assertThat(drift).hasToString("filter: -STRAY ~INPUT");
        assertThat(unchanged.changed()).isFalse();
        assertThat(repaired.diff()).isEqualTo(drift);
        assertThat(host.commandLines()).containsExactly("iptables-save", "iptables-save", TEST, RESTORE);
        assertThat(host.calls().get(3).stdin().orElseThrow()).isEqualTo("""
                *filter
                :STRAY - [0:0]
                -F INPUT
                -A INPUT -i lo -j ACCEPT
                -X STRAY
                COMMIT
                """);
    }

    private static Function<ProgramCall, ProgramResult> failing(String commandLine, int status, String stderr) {
        return call -> call.commandLine().equals(commandLine)
                ? new ProgramResult(call.argv(), status, "", stderr)
                : ProgramResult.success(call.argv());
    }

    @Test
    void readsLineNumbersFromBothBackends() {
        assertThat(RestoreFailure.lineNumber("iptables-restore: line 12 failed: No chain/target/match by that name.")).hasValue(12);
        assertThat(RestoreFailure.lineNumber("iptables-restore v1.8.9 (nf_tables): x\nError occurred at line: 7\n")).hasValue(7);
        assertThat(RestoreFailure.lineNumber("iptables-restore v1.8.9 (nf_tables): \nline 3: CHAIN_DEL failed (Device or resource busy): chain B"))
                .hasValue(3);
        assertThat(RestoreFailure.lineNumber("Another app is currently holding the xtables lock.")).isEmpty();
        assertThat(RestoreFailure.message(new ProgramResult(List.of("iptables-restore"), 4,
                "", "iptables-restore v1.8.9 (nf_tables): \nline 3: CHAIN_DEL failed (Device or resource busy): chain B\n")))
                .isEqualTo("line 3: CHAIN_DEL failed (Device or resource busy): chain B");
    }
}
