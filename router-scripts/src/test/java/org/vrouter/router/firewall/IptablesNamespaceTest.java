package org.vrouter.router.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vrouter.router.firewall.TableName.FILTER;
import static org.vrouter.router.firewall.TableName.MANGLE;
import static org.vrouter.router.firewall.TableName.NAT;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrouter.api.net.Cidr;
import org.vrouter.router.host.Host;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.TestNamespace;

/** The appliers against the real iptables-restore and ipset, inside a network namespace of their own. */
@Tag("root")
class IptablesNamespaceTest {
    @TempDir
    Path root;

    private TestNamespace namespace;
    private Host host;

    @BeforeEach
    void createNamespace() throws IOException {
        namespace = TestNamespace.create("iptables-restore", "iptables-save", "iptables", "ipset", "busybox");
        host = namespace.host(root);
    }

    @AfterEach
    void deleteNamespace() throws IOException {
        if (namespace != null) {
            namespace.close();
        }
    }

    /** A router-like ruleset written as iptables-save writes it back. */
    static RulesetBuilder router(String egressPort) {
        return Ruleset.builder()
                .policy(FILTER, "INPUT", Policy.DROP)
                .policy(FILTER, "FORWARD", Policy.DROP)
                .append(FILTER, "INPUT", "-i lo -j ACCEPT")
                .append(FILTER, "INPUT", "-i eth0 -p udp -m udp --dport 67 -j ACCEPT")
                .append(FILTER, "INPUT", "-i eth1 -p tcp -m comment --comment \"ssh from the control network\" -m tcp --dport 3922 -j ACCEPT")
                .append(FILTER, "FORWARD", "-i eth0 -o eth2 -j FW_OUTBOUND")
                .append(FILTER, "FW_OUTBOUND", "-m state --state RELATED,ESTABLISHED -j ACCEPT")
                .append(FILTER, "FW_OUTBOUND", "-j FW_EGRESS_RULES")
                .append(FILTER, "FW_EGRESS_RULES", "-p tcp -m tcp --dport " + egressPort + " -j ACCEPT")
                .append(FILTER, "FW_EGRESS_RULES", "-j DROP")
                .append(FILTER, "NETWORK_STATS", "-i eth0 -o eth2")
                .append(MANGLE, "PREROUTING", "-d 203.0.113.20/32 -j FIREWALL_203.0.113.20")
                .append(MANGLE, "FIREWALL_203.0.113.20", "-m state --state RELATED,ESTABLISHED -j ACCEPT")
                .append(MANGLE, "FIREWALL_203.0.113.20", "-s 10.0.0.0/8 -p icmp -m icmp --icmp-type 8/0 -j RETURN")
                .append(MANGLE, "FIREWALL_203.0.113.20", "-j DROP")
                .append(NAT, "PREROUTING", "-d 203.0.113.20/32 -i eth2 -p tcp -m tcp --dport 2222 -j DNAT --to-destination 10.1.1.5:22")
                .append(NAT, "POSTROUTING", "-o eth2 -j SNAT --to-source 203.0.113.20")
                .append(NAT, "NATCHAIN", "-j RETURN");
    }

    @Test
    void appliesARulesetThatTheKernelGivesBackIdentically() throws IOException {
        IptablesApplier applier = new IptablesApplier(host, Clock.systemUTC());
        Ruleset desired = router("80").build();

        applier.apply(desired);

        assertThat(applier.kernel().render()).isEqualTo(desired.render());
        assertThat(applier.verify(desired)).hasToString("no difference");
        assertThat(Ruleset.parse(host.readText(IptablesApplier.RULES_PATH).orElseThrow())).isEqualTo(desired);
    }

    @Test
    void rewritesOnlyTheChangedChainSoOtherChainsKeepRulesAndCounters() throws IOException {
        IptablesApplier applier = new IptablesApplier(host, Clock.systemUTC());
        applier.apply(router("80").build());
        // a marker with counters in an unchanged chain, and one in a chain the applier does not own
        namespace.run("iptables", "-t", "mangle", "-A", "FIREWALL_203.0.113.20", "-s", "192.0.2.99/32", "-c", "7", "700", "-j", "RETURN");
        namespace.run("iptables", "-N", "FOREIGN");
        namespace.run("iptables", "-A", "FOREIGN", "-c", "3", "300", "-j", "RETURN");

        ApplyReport report = applier.apply(router("443").build());

        String saved = namespace.run("iptables-save", "-c").stdout();
        assertThat(report.diff()).hasToString("filter: ~FW_EGRESS_RULES");
        assertThat(saved).contains("[7:700] -A FIREWALL_203.0.113.20 -s 192.0.2.99/32 -j RETURN")
                .contains("[3:300] -A FOREIGN -j RETURN")
                .contains("-A FW_EGRESS_RULES -p tcp -m tcp --dport 443 -j ACCEPT")
                .doesNotContain("--dport 80 ");
    }

    @Test
    void aRuleTheKernelRefusesLeavesThePreviousRulesetInForce() throws IOException {
        IptablesApplier applier = new IptablesApplier(host, Clock.systemUTC());
        Ruleset previous = router("80").build();
        applier.apply(previous);

        assertThatThrownBy(() -> applier.apply(router("99999").build()))
                .isInstanceOfSatisfying(IptablesApplyException.class, e -> {
                    assertThat(e.chain()).contains("FW_EGRESS_RULES");
                    assertThat(e.context()).anyMatch(line -> line.startsWith(">") && line.contains("--dport 99999"));
                    assertThat(e.previousStateKept()).isTrue();
                });

        assertThat(applier.kernel().render()).isEqualTo(previous.render());
        assertThat(Ruleset.parse(host.readText(IptablesApplier.RULES_PATH).orElseThrow())).isEqualTo(previous);
    }

    @Test
    void rollsBackTablesAlreadyCommittedWhenALaterTableFails() throws IOException {
        IptablesApplier applier = new IptablesApplier(host, Clock.systemUTC());
        Ruleset previous = router("80").build();
        applier.apply(previous);
        // a chain the applier does not know still jumps to NATCHAIN, so deleting NATCHAIN fails in the kernel
        namespace.run("iptables", "-t", "nat", "-N", "FOREIGN");
        namespace.run("iptables", "-t", "nat", "-A", "FOREIGN", "-j", "NATCHAIN");
        Ruleset desired = Ruleset.parse(router("443").build().render().replace(":NATCHAIN - [0:0]\n", "")
                .replace("-A NATCHAIN -j RETURN\n", ""));

        assertThatThrownBy(() -> applier.apply(desired))
                .isInstanceOfSatisfying(IptablesApplyException.class, e -> {
                    // --test does not ask the kernel, so the filter table has committed when nat fails
                    assertThat(e.phase()).isEqualTo(IptablesApplyException.Phase.APPLY);
                    assertThat(e.table()).contains(NAT);
                    assertThat(e.chain()).contains("NATCHAIN");
                    assertThat(e.toolMessage()).contains("CHAIN_DEL failed");
                    assertThat(e.previousStateKept()).isTrue();
                });

        Ruleset kernel = applier.kernel();
        assertThat(kernel.table(FILTER)).isEqualTo(previous.table(FILTER));
        assertThat(kernel.table(NAT).chain("NATCHAIN")).isEqualTo(previous.table(NAT).chain("NATCHAIN"));
        assertThat(applier.lastApplied()).contains(previous);
    }

    @Test
    void verifyFindsDriftAndRepairRemovesIt() throws IOException {
        IptablesApplier applier = new IptablesApplier(host, Clock.systemUTC());
        Ruleset desired = router("80").build();
        applier.apply(desired);
        namespace.run("iptables", "-F", "INPUT");
        namespace.run("iptables", "-t", "raw", "-N", "STRAY");

        RulesetDiff drift = applier.verify(desired);
        applier.repair(desired);

        assertThat(drift).hasToString("filter: ~INPUT; raw: -STRAY");
        assertThat(applier.verify(desired)).hasToString("no difference");
    }

    @Test
    void bootsAFreshKernelFromNothing() throws IOException {
        Ruleset desired = router("80").build();
        new IptablesApplier(host, Clock.systemUTC()).apply(desired);
        namespace.run("iptables", "-F");
        namespace.run("iptables", "-X");

        new IptablesApplier(host, Clock.systemUTC()).repair(desired);

        assertThat(new IptablesApplier(host, Clock.systemUTC()).kernel().render()).isEqualTo(desired.render());
    }

    @Test
    void swapsSetContentWithoutTouchingTheRulesAndDestroysUnusedSets() throws IOException {
        FirewallApplier applier = new FirewallApplier(host, Clock.systemUTC());
        Ruleset rules = Ruleset.builder()
                .append(FILTER, "FW_EGRESS_RULES", "-m set --match-set destCidrIpset-1 dst -j ACCEPT")
                .build();
        applier.apply(new Firewall(rules, List.of(Ipset.hashNet("destCidrIpset-1", List.of(Cidr.parse("10.0.0.0/8"))))));

        FirewallApplier.Report swapped = applier.apply(new Firewall(rules, List.of(Ipset.hashNet("destCidrIpset-1",
                List.of(Cidr.parse("172.16.0.0/12"), Cidr.parse("192.0.2.1/32"))))));

        assertThat(swapped.rules().changed()).isFalse();
        assertThat(namespace.run("ipset", "save", "destCidrIpset-1").stdout())
                .contains("add destCidrIpset-1 172.16.0.0/12").contains("add destCidrIpset-1 192.0.2.1")
                .doesNotContain("10.0.0.0/8");
        assertThat(namespace.run("ipset", "list", "-n").stdout()).isEqualTo("destCidrIpset-1\n");

        FirewallApplier.Report removed = applier.apply(Firewall.of(Ruleset.empty()));

        assertThat(removed.sets().removed()).containsExactly("destCidrIpset-1");
        assertThat(namespace.run("ipset", "list", "-n").stdout()).isEmpty();
        assertThat(namespace.run("iptables-save").stdout()).doesNotContain("destCidrIpset-1");
    }

    @Test
    void printsTheCostOfTenThousandRulesAgainstOneMore() throws IOException {
        IptablesApplier applier = new IptablesApplier(host, Clock.systemUTC());
        Ruleset large = large(100, 100, false);
        Ruleset larger = large(100, 100, true);

        long start = System.nanoTime();
        ApplyReport fresh = applier.apply(large);
        long freshNanos = System.nanoTime() - start;
        start = System.nanoTime();
        ApplyReport oneMore = applier.apply(larger);
        long oneMoreNanos = System.nanoTime() - start;
        Ruleset sameAgain = large(100, 100, true);
        start = System.nanoTime();
        ApplyReport none = applier.apply(sameAgain);
        long noneNanos = System.nanoTime() - start;

        System.out.printf("iptables apply cost: %d rules fresh %d ms (%d payload lines); one rule added %d ms (%d lines); "
                + "unchanged %.2f ms (%d lines)%n", large.ruleCount(), freshNanos / 1_000_000, fresh.payloadLines(),
                oneMoreNanos / 1_000_000, oneMore.payloadLines(), noneNanos / 1e6, none.payloadLines());
        assertThat(applier.kernel().render()).isEqualTo(larger.render());
    }

    @Test
    void oneRuleAddedToALongChainRewritesOneChunkAndTheKernelMatchesTheRendering() throws IOException {
        IptablesApplier applier = new IptablesApplier(host, Clock.systemUTC());
        Ruleset before = ChunkedChainsTest.ruleset(10_000, -1);
        Ruleset after = ChunkedChainsTest.ruleset(10_000, 6_000);
        applier.apply(before);

        ApplyReport report = applier.apply(after);

        assertThat(report.payloadLines()).isLessThan(10_000 / 16 + 3 * ChunkedChains.MAX_CHUNK);
        assertThat(report.diff().tables()).singleElement().satisfies(table -> assertThat(table.changed()).containsExactly("FW_INBOUND"));
        String saved = namespace.run("iptables-save").stdout();
        assertThat(saved).contains(":FW_INBOUND@").contains("-A INPUT -j FW_INBOUND\n").contains("-A FW_INBOUND -j FW_INBOUND@");
        assertThat(applier.kernel()).isEqualTo(after);
        assertThat(applier.verify(after)).hasToString("no difference");
        assertThat(Ruleset.parse(host.readText(IptablesApplier.RULES_PATH).orElseThrow())).isEqualTo(after);
        // a fresh applier starts from rules.v4 and finds nothing to do
        assertThat(new IptablesApplier(host, Clock.systemUTC()).apply(after).changed()).isFalse();
    }

    @Test
    void aReturnInAReturnChunkTakesThePacketBackToTheCallerWithItsMarkAsItWas() throws IOException {
        IptablesApplier applier = new IptablesApplier(host, Clock.systemUTC());
        namespace.run("ip", "link", "set", "lo", "up");
        Ruleset allowed = loopbackPingFirewall(true);

        applier.apply(allowed);

        assertThat(namespace.run("iptables-save", "-t", "mangle").stdout()).contains(":VR@RETURN").contains("-g VR@RETURN");
        assertThat(applier.verify(allowed)).hasToString("no difference");
        assertThat(pingsItself()).as("the RETURN at rule 600 of 1,000 lets the ping on to the mark after the jump").isTrue();
        applier.apply(loopbackPingFirewall(false));
        assertThat(pingsItself()).as("without it the packet reaches the chain's DROP").isFalse();
        applier.apply(allowed);
        assertThat(pingsItself()).isTrue();
    }

    @Test
    void aKernelLaidOutByAnotherBuildIsReadWhenTheChangeComputedFromRulesV4DoesNotFit() throws IOException {
        Ruleset before = ChunkedChainsTest.ingressFirewall(2_000, -1);
        Ruleset after = ChunkedChainsTest.ingressFirewall(2_000, 1_500);
        // as a build that kept long chains whole left it: rules.v4 and the kernel both hold the chain unsplit
        host.run(ProgramCall.of("iptables-restore").withStdin(before.render())).requireSuccess();
        host.writeText(IptablesApplier.RULES_PATH, before.render(), org.vrouter.router.host.FileMode.PUBLIC);

        ApplyReport report = new IptablesApplier(host, Clock.systemUTC()).apply(after);

        assertThat(report.changed()).isTrue();
        IptablesApplier fresh = new IptablesApplier(host, Clock.systemUTC());
        fresh.reloadFromKernel();
        assertThat(fresh.kernel()).isEqualTo(after);
        assertThat(fresh.kernelLayout()).isEqualTo(ChunkedChains.split(after));
    }

    /**
     * Echo requests on lo walk {@code FW_PING} (1,000 RETURNs, one of them for 127.0.0.1 when {@code allowed}, then DROP);
     * PREROUTING then marks them exactly 0x5, and INPUT takes new packets with that mark only: a ping succeeds if the
     * RETURN came back to PREROUTING and left no mark bit behind.
     */
    private static Ruleset loopbackPingFirewall(boolean allowed) {
        RulesetBuilder builder = Ruleset.builder()
                .policy(FILTER, "INPUT", Policy.DROP)
                .append(FILTER, "INPUT", "-m state --state RELATED,ESTABLISHED -j ACCEPT")
                .append(FILTER, "INPUT", "-m mark --mark 0x5 -j ACCEPT")
                .append(MANGLE, "PREROUTING", "-i lo -p icmp -m icmp --icmp-type 8 -j FW_PING")
                .append(MANGLE, "PREROUTING", "-i lo -j MARK --set-xmark 0x5/0xff");
        for (int i = 0; i < 1_000; i++) {
            if (i == 600 && allowed) {
                builder.append(MANGLE, "FW_PING", "-s 127.0.0.1/32 -p icmp -m icmp --icmp-type 8 -j RETURN");
            }
            builder.append(MANGLE, "FW_PING", "-s 10." + (i >> 8) + "." + (i & 0xff) + ".0/24 -p tcp -m tcp --dport 22 -j RETURN");
        }
        return builder.append(MANGLE, "FW_PING", "-j DROP").build();
    }

    private boolean pingsItself() throws IOException {
        return host.run(ProgramCall.of("busybox", "ping", "-c", "1", "-W", "1", "127.0.0.1").withTimeout(Duration.ofSeconds(5))).succeeded();
    }

    @Test
    void aRuleDeletedByHandInsideAChunkIsDriftThatRepairPutsBack() throws IOException {
        IptablesApplier applier = new IptablesApplier(host, Clock.systemUTC());
        Ruleset desired = ChunkedChainsTest.ruleset(2_000, -1);
        applier.apply(desired);
        String chunk = applier.kernelLayout().table(FILTER).chain("FW_INBOUND").orElseThrow().rules().get(3).substring(3);
        namespace.run("iptables", "-D", chunk, "1");

        RulesetDiff drift = applier.verify(desired);
        ApplyReport repaired = applier.repair(desired);

        assertThat(drift).hasToString("filter: ~FW_INBOUND");
        assertThat(repaired.diff()).hasToString("filter: ~" + chunk);
        assertThat(applier.verify(desired)).hasToString("no difference");
        assertThat(applier.kernel()).isEqualTo(desired);
    }

    private static Ruleset large(int chains, int rulesPerChain, boolean oneMore) {
        RulesetBuilder builder = Ruleset.builder();
        for (int chain = 0; chain < chains; chain++) {
            String name = "ACL_" + chain;
            builder.append(FILTER, "FORWARD", "-s 10." + chain + ".0.0/16 -j " + name);
            for (int rule = 0; rule < rulesPerChain; rule++) {
                builder.append(FILTER, name, "-d 10." + chain + "." + rule + ".0/24 -p tcp -m tcp --dport " + (1000 + rule) + " -j ACCEPT");
            }
        }
        if (oneMore) {
            builder.append(FILTER, "ACL_42", "-d 192.0.2.1/32 -p udp -m udp --dport 53 -j ACCEPT");
        }
        return builder.build();
    }
}
