package org.vrouter.router.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuleTextTest {
    @ParameterizedTest
    @ValueSource(strings = {"-s 10.0.0.0/8 -j ACCEPT", "-j FW_X", "-p tcp  -m tcp --dport 22 --jump DROP", "-g FW_OTHER",
        "-s 10.0.0.1/32 --goto FW_OTHER -m limit", "-p tcp -m tcp --dport 22", "-m jump -j RETURN", "-A",
        "-m set --match-set -jset src -j DROP", "-m mark --mark 0x1 -g  FW_OTHER -j ACCEPT"})
    void findsTheSameTargetWithAndWithoutTheQuoteAwareTokenizer(String rule) {
        String quoted = rule + " -m comment --comment \"a \\\"quoted\\\" -j NOT_A_TARGET\"";

        assertThat(RuleText.target(rule)).isEqualTo(RuleText.target(quoted));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-A FW -j ACCEPT", "s 10.0.0.1 -j ACCEPT", "--append FW -j DROP"})
    void refusesTheSameRulesWithAndWithoutQuotes(String rule) {
        assertThat(RuleText.problem(rule)).isPresent();
        assertThat(RuleText.problem(rule + " -m comment --comment \"x y\"")).isPresent();
        assertThat(RuleText.problem("-j ACCEPT -m comment --comment \"x y\"")).isEmpty();
    }
}
