package org.vrouter.router.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vrouter.router.firewall.TableName.FILTER;
import static org.vrouter.router.firewall.TableName.MANGLE;
import static org.vrouter.router.firewall.TableName.NAT;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ChunkedChainsTest {
    @Test
    void leavesChainsUpToTheThresholdAsTheyAre() {
        Ruleset small = ruleset(ChunkedChains.SPLIT_ABOVE, -1);

        assertThat(ChunkedChains.split(small)).isSameAs(small);
        assertThat(ChunkedChains.join(small)).isSameAs(small);
    }

    @Test
    void splitsALongChainIntoChunksItJumpsToInOrder() {
        Ruleset logical = ruleset(10_000, -1);

        Ruleset kernel = ChunkedChains.split(logical);

        Table filter = kernel.table(FILTER);
        Chain parent = filter.chain("FW_INBOUND").orElseThrow();
        assertThat(parent.rules()).allMatch(rule -> rule.startsWith("-j FW_INBOUND@"));
        assertThat(parent.rules()).hasSizeBetween(10_000 / ChunkedChains.MAX_CHUNK, 10_000 / 16);
        List<String> walked = new ArrayList<>();
        for (String jump : parent.rules()) {
            Chain chunk = filter.chain(jump.substring(3)).orElseThrow();
            assertThat(chunk.rules()).hasSizeLessThanOrEqualTo(ChunkedChains.MAX_CHUNK);
            assertThat(chunk.name()).hasSizeLessThanOrEqualTo(Chain.MAX_NAME_LENGTH);
            walked.addAll(chunk.rules());
        }
        assertThat(walked).isEqualTo(logical.table(FILTER).chain("FW_INBOUND").orElseThrow().rules());
        assertThat(kernel.requireKnownTargets()).isNotNull();
        assertThat(filter.chain("INPUT")).isEqualTo(logical.table(FILTER).chain("INPUT"));
    }

    @Test
    void joinGivesBackTheRenderedRuleset() {
        Ruleset logical = ruleset(10_000, -1);

        Ruleset kernel = ChunkedChains.split(logical);

        assertThat(ChunkedChains.join(kernel)).isEqualTo(logical);
        assertThat(ChunkedChains.join(Ruleset.parse(kernel.render()))).isEqualTo(logical);
    }

    @Test
    void isDeterministic() {
        assertThat(ChunkedChains.split(ruleset(5_000, -1)).render()).isEqualTo(ChunkedChains.split(ruleset(5_000, -1)).render());
    }

    @Test
    void oneRuleInsertedChangesOneChunkAndTheParent() {
        assertOneChunkReplaced(ruleset(10_000, -1), ruleset(10_000, 4_321), "FW_INBOUND", 10_000 / 16 + 3 * ChunkedChains.MAX_CHUNK);
    }

    /** Only {@code parent} and the chunk holding the new rule change (that chunk is replaced; at most it splits in two). */
    private static void assertOneChunkReplaced(Ruleset logicalBefore, Ruleset logicalAfter, String parent, int maxPayloadLines) {
        Ruleset before = ChunkedChains.split(logicalBefore);
        Ruleset after = ChunkedChains.split(logicalAfter);

        RulesetDiff diff = RulesetDiff.between(before, after);

        assertThat(diff.tables()).singleElement().satisfies(table -> {
            assertThat(table.changed()).containsExactly(parent);
            assertThat(table.removed()).hasSize(1);
            assertThat(table.added()).hasSizeBetween(1, 2);
        });
        assertThat(RestorePayload.between(before, after).lineCount()).isLessThan(maxPayloadLines);
    }

    @Test
    void keepsReturnAndGotoInTheParentWhereTheyMeanTheSame() {
        List<String> rules = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            rules.add(i == 100 ? "-s 192.0.2.1/32 -j RETURN" : i == 300 ? "-s 192.0.2.2/32 -g FW_OTHER" : rule(i));
        }
        Ruleset logical = Ruleset.builder()
                .append(FILTER, "FW_OTHER", "-j ACCEPT")
                .append(FILTER, "INPUT", "-j FW_INBOUND")
                .appendAll(FILTER, "FW_INBOUND", rules)
                .build();

        Ruleset kernel = ChunkedChains.split(logical);

        Chain parent = kernel.table(FILTER).chain("FW_INBOUND").orElseThrow();
        assertThat(parent.rules()).contains("-s 192.0.2.1/32 -j RETURN", "-s 192.0.2.2/32 -g FW_OTHER");
        int returnAt = parent.rules().indexOf("-s 192.0.2.1/32 -j RETURN");
        assertThat(parent.rules().subList(0, returnAt)).allMatch(rule -> rule.startsWith("-j FW_INBOUND@"));
        assertThat(kernel.table(FILTER).userChains()).noneMatch(chain -> !chain.name().equals("FW_INBOUND")
                && chain.rules().stream().anyMatch(rule -> rule.contains("RETURN") || rule.contains("-g ")));
        assertThat(ChunkedChains.join(kernel)).isEqualTo(logical);
    }

    @Test
    void movesALongRunOfReturnsIntoReturnChunksThatMarkThePacket() {
        Ruleset logical = ingressFirewall(2_000, -1);

        Ruleset kernel = ChunkedChains.split(logical);

        Table mangle = kernel.table(MANGLE);
        List<String> parent = mangle.chain("FIREWALL_203.0.113.20").orElseThrow().rules();
        assertThat(parent.get(0)).startsWith("-j FIREWALL_203.0.@");
        assertThat(parent.get(parent.size() - 2)).isEqualTo(ChunkedChains.RETURNED_EXIT);
        assertThat(mangle.chain(parent.get(parent.size() - 1).substring(3)).orElseThrow().rules()).containsExactly("-j DROP");
        assertThat(parent).hasSizeBetween(2_000 / ChunkedChains.RETURN_MAX_CHUNK + 3, 2_000 / 64);
        List<Chain> returnChunks = parent.subList(1, parent.size() - 2).stream()
                .map(jump -> mangle.chain(jump.substring(3)).orElseThrow())
                .toList();
        assertThat(returnChunks).allSatisfy(chunk -> {
            assertThat(chunk.rules().get(0)).isEqualTo(ChunkedChains.RETURNED_GUARD);
            assertThat(chunk.rules().subList(1, chunk.rules().size())).allMatch(rule -> rule.endsWith(" -g VR@RETURN"));
        });
        assertThat(mangle.chain(ChunkedChains.RETURN_CHAIN).orElseThrow().rules())
                .containsExactly("-j MARK --set-xmark 0x80000000/0x80000000");
        assertThat(mangle.chain(ChunkedChains.RETURNED_CHAIN).orElseThrow().rules())
                .containsExactly("-j MARK --set-xmark 0x0/0x80000000");
        assertThat(kernel.requireKnownTargets()).isNotNull();
        assertThat(ChunkedChains.join(kernel)).isEqualTo(logical);
        assertThat(ChunkedChains.join(Ruleset.parse(kernel.render()))).isEqualTo(logical);
    }

    @Test
    void oneReturnAddedToALongRunChangesOneChunkAndTheParent() {
        assertOneChunkReplaced(ingressFirewall(10_000, -1), ingressFirewall(10_000, 7_000), "FIREWALL_203.0.113.20",
                10_000 / 64 + 3 * ChunkedChains.RETURN_MAX_CHUNK);
    }

    @Test
    void shortRunsOfReturnsStayInTheParent() {
        List<String> rules = new ArrayList<>(rules(600, -1));
        for (int i = 0; i < ChunkedChains.RETURN_RUN_MIN - 1; i++) {
            rules.add(300, "-s 192.0.2." + i + "/32 -j RETURN");
        }
        Ruleset logical = Ruleset.builder().appendAll(FILTER, "FW_INBOUND", rules).build();

        Ruleset kernel = ChunkedChains.split(logical);

        assertThat(kernel.table(FILTER).chain("FW_INBOUND").orElseThrow().rules()).contains("-s 192.0.2.0/32 -j RETURN")
                .doesNotContain(ChunkedChains.RETURNED_EXIT);
        assertThat(kernel.table(FILTER).chain(ChunkedChains.RETURN_CHAIN)).isEmpty();
        assertThat(ChunkedChains.join(kernel)).isEqualTo(logical);
    }

    @Test
    void splitsBuiltInChainsKeepingTheirPolicy() {
        List<String> rules = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            rules.add("-d 203.0.113.1/32 -p tcp -m tcp --dport " + (1_000 + i) + " -j DNAT --to-destination 10.1.1.1:" + (1_000 + i));
        }
        Ruleset logical = Ruleset.builder().appendAll(NAT, "PREROUTING", rules).policy(FILTER, "INPUT", Policy.DROP).build();

        Ruleset kernel = ChunkedChains.split(logical);

        assertThat(kernel.table(NAT).chain("PREROUTING").orElseThrow().rules()).allMatch(rule -> rule.startsWith("-j PREROUTING@"));
        assertThat(kernel.table(FILTER).chain("INPUT").orElseThrow().policy()).contains(Policy.DROP);
        assertThat(ChunkedChains.join(kernel)).isEqualTo(logical);
    }

    @Test
    void shortensTheParentNameInChunkNames() {
        Ruleset logical = Ruleset.builder().appendAll(FILTER, "FIREWALL_203.0.113.200_X", rules(1_000, -1)).build();

        Ruleset kernel = ChunkedChains.split(logical);

        assertThat(kernel.table(FILTER).userChains()).allMatch(chain -> chain.name().length() <= Chain.MAX_NAME_LENGTH);
        assertThat(ChunkedChains.join(kernel)).isEqualTo(logical);
    }

    /** An isolated router's ingress firewall of one public address: established, n RETURNs, DROP. */
    static Ruleset ingressFirewall(int n, int insertAt) {
        List<String> rules = new ArrayList<>();
        rules.add("-m state --state RELATED,ESTABLISHED -j ACCEPT");
        for (int i = 0; i < n; i++) {
            if (i == insertAt) {
                rules.add("-s 198.51.100.7/32 -p udp -m udp --dport 53 -j RETURN");
            }
            rules.add("-s 10." + (i >> 8 & 0xff) + "." + (i & 0xff) + ".0/24 -p tcp -m tcp --dport " + (1_000 + i) + " -j RETURN");
        }
        rules.add("-j DROP");
        return Ruleset.builder()
                .append(MANGLE, "PREROUTING", "-d 203.0.113.20/32 -j FIREWALL_203.0.113.20")
                .appendAll(MANGLE, "FIREWALL_203.0.113.20", rules)
                .build();
    }

    static Ruleset ruleset(int n, int insertAt) {
        return Ruleset.builder()
                .policy(FILTER, "INPUT", Policy.DROP)
                .append(FILTER, "INPUT", "-i lo -j ACCEPT")
                .append(FILTER, "INPUT", "-j FW_INBOUND")
                .appendAll(FILTER, "FW_INBOUND", rules(n, insertAt))
                .build();
    }

    static List<String> rules(int n, int insertAt) {
        List<String> rules = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i == insertAt) {
                rules.add("-s 198.51.100.7/32 -p udp -m udp --dport 53 -j ACCEPT");
            }
            rules.add(rule(i));
        }
        return rules;
    }

    private static String rule(int i) {
        return "-s 10." + (i >> 8 & 0xff) + "." + (i & 0xff) + ".0/24 -p tcp -m tcp --dport " + (1_000 + i % 50_000) + " -j ACCEPT";
    }
}
