package org.vrouter.router.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.vrouter.router.golden.Golden;

class RestorePayloadTest {
    private static final String CONCEPT = "iptables-restore";

    @ParameterizedTest
    @ValueSource(strings = {"one-rule-added", "built-in-changed", "chain-removed", "several-tables"})
    void rewritesOnlyTheChainsThatChanged(String testCase) {
        Ruleset from = Ruleset.parse(Golden.read(CONCEPT, testCase, "from.rules"));
        Ruleset to = Ruleset.parse(Golden.read(CONCEPT, testCase, "to.rules"));

        Golden.assertMatches(CONCEPT, testCase, "payload", RestorePayload.between(from, to).text());
    }

    @Test
    void declaresEverythingOnAFreshKernel() {
        Golden.assertMatches(CONCEPT, "fresh", "payload",
                RestorePayload.between(Ruleset.empty(), RulesetTest.isolatedRouter()).text());
    }

    @Test
    void isEmptyWhenNothingChanged() {
        RestorePayload payload = RestorePayload.between(RulesetTest.isolatedRouter(), RulesetTest.isolatedRouter());

        assertThat(payload.isEmpty()).isTrue();
        assertThat(payload.text()).isEmpty();
    }

    @Test
    void knowsTheTableAndChainOfEachLineAndShowsContext() {
        Ruleset from = Ruleset.parse(Golden.read(CONCEPT, "one-rule-added", "from.rules"));
        Ruleset to = Ruleset.parse(Golden.read(CONCEPT, "one-rule-added", "to.rules"));
        RestorePayload payload = RestorePayload.between(from, to);

        assertThat(payload.line(3)).hasValueSatisfying(line -> {
            assertThat(line.table()).isEqualTo(TableName.FILTER);
            assertThat(line.chain()).contains("FW_EGRESS_RULES");
            assertThat(line.text()).isEqualTo("-A FW_EGRESS_RULES -s 10.1.1.0/24 -p tcp -m tcp --dport 80 -j ACCEPT");
        });
        assertThat(payload.line(99)).isEmpty();
        assertThat(payload.context(1, 1)).containsExactly(
                ">    1 | *filter",
                "     2 | :FW_EGRESS_RULES - [0:0]");
    }
}
