package org.vrouter.router.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vrouter.router.firewall.TableName.FILTER;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrouter.api.net.Cidr;
import org.vrouter.router.host.ProgramResult;
import org.vrouter.router.host.ScriptedHost;

class FirewallApplierTest {
    private static final String IPTABLES_RESTORE = "iptables-restore --noflush --wait=10";

    @TempDir
    Path root;

    private static Firewall egress(String set, String... cidrs) {
        Ruleset rules = Ruleset.builder()
                .append(FILTER, "FW_EGRESS_RULES", "-m set --match-set " + set + " dst -j ACCEPT")
                .build();
        return new Firewall(rules, List.of(Ipset.hashNet(set, java.util.Arrays.stream(cidrs).map(Cidr::parse).toList())));
    }

    @Test
    void createsSetsBeforeTheRulesAndDestroysThemAfter() throws IOException {
        ScriptedHost host = new ScriptedHost(root);
        FirewallApplier applier = new FirewallApplier(host, Clock.systemUTC());
        applier.apply(egress("destCidrIpset-1", "10.0.0.0/8"));
        host.clearCalls();

        FirewallApplier.Report report = applier.apply(egress("destCidrIpset-2", "192.168.0.0/16"));

        assertThat(host.commandLines()).containsExactly("ipset restore", IPTABLES_RESTORE + " --test", IPTABLES_RESTORE,
                "ipset restore");
        assertThat(host.calls().get(0).stdin().orElseThrow()).contains("swap vrouter-tmp-0 destCidrIpset-2");
        assertThat(host.calls().get(3).stdin()).contains("destroy destCidrIpset-1 -exist\n");
        assertThat(report.sets()).isEqualTo(new IpsetDiff(List.of("destCidrIpset-2"), List.of("destCidrIpset-1"), List.of()));
        assertThat(host.readText(IpsetApplier.SETS_PATH)).contains("""
                create destCidrIpset-2 hash:net family inet hashsize 1024 maxelem 65536
                add destCidrIpset-2 192.168.0.0/16
                """);
    }

    @Test
    void refillsAChangedSetWithoutTouchingTheRules() throws IOException {
        ScriptedHost host = new ScriptedHost(root);
        FirewallApplier applier = new FirewallApplier(host, Clock.systemUTC());
        applier.apply(egress("destCidrIpset-1", "10.0.0.0/8"));
        host.clearCalls();

        FirewallApplier.Report report = applier.apply(egress("destCidrIpset-1", "10.0.0.0/8", "172.16.0.0/12"));

        assertThat(host.commandLines()).containsExactly("ipset restore");
        assertThat(report.sets().changed()).containsExactly("destCidrIpset-1");
        assertThat(report.rules().changed()).isFalse();
        host.clearCalls();
        assertThat(applier.apply(egress("destCidrIpset-1", "10.0.0.0/8", "172.16.0.0/12")).changed()).isFalse();
        assertThat(host.calls()).isEmpty();
    }

    @Test
    void givesRefilledSetsTheirOldContentBackWhenTheRulesAreRejected() throws IOException {
        ScriptedHost host = new ScriptedHost(root);
        FirewallApplier applier = new FirewallApplier(host, Clock.systemUTC());
        applier.apply(egress("destCidrIpset-1", "10.0.0.0/8"));
        host.clearCalls();
        host.answering(call -> call.commandLine().endsWith("--test")
                ? new ProgramResult(call.argv(), 2, "", "iptables-restore: line 3 failed\n")
                : ProgramResult.success(call.argv()));
        Ruleset rules = Ruleset.builder()
                .append(FILTER, "FW_EGRESS_RULES", "-m set --match-set destCidrIpset-1 dst -j ACCEPT")
                .append(FILTER, "FW_EGRESS_RULES", "-j DROP")
                .build();
        Firewall desired = new Firewall(rules, List.of(Ipset.hashNet("destCidrIpset-1", List.of(Cidr.parse("172.16.0.0/12")))));

        assertThatThrownBy(() -> applier.apply(desired)).isInstanceOf(IptablesApplyException.class);

        assertThat(host.commandLines()).containsExactly("ipset restore", IPTABLES_RESTORE + " --test", "ipset restore");
        assertThat(host.calls().get(2).stdin().orElseThrow()).contains("add vrouter-tmp-0 10.0.0.0/8\n");
    }

    @Test
    void rejectsRulesThatMatchASetItDoesNotHave() {
        Ruleset rules = Ruleset.builder().append(FILTER, "FW", "-m set --match-set missing src -j ACCEPT").build();

        assertThatThrownBy(() -> Firewall.of(rules))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table filter, chain FW, rule 1 '-m set --match-set missing src -j ACCEPT' matches ipset missing, "
                        + "which is not among the firewall's sets");
    }

    @Test
    void repairStartsBothAppliersFromTheKernel() throws IOException {
        ScriptedHost host = new ScriptedHost(root);
        FirewallApplier applier = new FirewallApplier(host, Clock.systemUTC());
        Firewall desired = egress("destCidrIpset-1", "10.0.0.0/8");
        applier.apply(desired);
        // the kernel lost everything (a reboot without the boot restore)
        host.clearCalls();

        FirewallApplier.Drift drift = applier.verify(desired);
        FirewallApplier.Report report = applier.repair(desired);

        assertThat(drift.sets().added()).containsExactly("destCidrIpset-1");
        assertThat(drift.rules()).hasToString("filter: +FW_EGRESS_RULES");
        assertThat(drift.isEmpty()).isFalse();
        assertThat(report.changed()).isTrue();
        assertThat(host.commandLines()).containsExactly("ipset save", "iptables-save", "ipset save", "iptables-save",
                "ipset restore", IPTABLES_RESTORE + " --test", IPTABLES_RESTORE);
    }
}
