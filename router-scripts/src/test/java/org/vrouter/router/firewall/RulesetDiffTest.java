package org.vrouter.router.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vrouter.router.firewall.TableName.FILTER;
import static org.vrouter.router.firewall.TableName.MANGLE;

import java.util.List;

import org.junit.jupiter.api.Test;

class RulesetDiffTest {
    @Test
    void isEmptyBetweenEqualRulesets() {
        RulesetDiff diff = RulesetDiff.between(RulesetTest.isolatedRouter(), RulesetTest.isolatedRouter());

        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.chainCount()).isZero();
        assertThat(diff).hasToString("no difference");
    }

    @Test
    void listsAddedRemovedAndChangedChainsPerTable() {
        Ruleset before = Ruleset.builder()
                .append(FILTER, "INPUT", "-j OLD")
                .append(FILTER, "OLD", "-j ACCEPT")
                .append(FILTER, "SAME", "-j ACCEPT")
                .append(MANGLE, "FIREWALL_1", "-j DROP")
                .build();
        Ruleset after = Ruleset.builder()
                .policy(FILTER, "INPUT", Policy.DROP)
                .append(FILTER, "INPUT", "-j NEW")
                .append(FILTER, "NEW", "-j ACCEPT")
                .append(FILTER, "SAME", "-j ACCEPT")
                .append(MANGLE, "FIREWALL_1", "-j DROP")
                .build();

        RulesetDiff diff = RulesetDiff.between(before, after);

        assertThat(diff.tables()).containsExactly(
                new RulesetDiff.TableDiff(FILTER, List.of("NEW"), List.of("OLD"), List.of("INPUT")));
        assertThat(diff.chainCount()).isEqualTo(3);
        assertThat(diff).hasToString("filter: +NEW -OLD ~INPUT");
    }

    @Test
    void seesAPolicyChangeAndARuleOrderChange() {
        Ruleset before = Ruleset.builder().append(FILTER, "FW", "-s 10.0.0.1/32 -j ACCEPT").append(FILTER, "FW", "-j DROP").build();
        Ruleset reordered = Ruleset.builder().append(FILTER, "FW", "-j DROP").append(FILTER, "FW", "-s 10.0.0.1/32 -j ACCEPT").build();
        Ruleset dropping = Ruleset.builder().policy(FILTER, "OUTPUT", Policy.DROP)
                .append(FILTER, "FW", "-s 10.0.0.1/32 -j ACCEPT").append(FILTER, "FW", "-j DROP").build();

        assertThat(RulesetDiff.between(before, reordered)).hasToString("filter: ~FW");
        assertThat(RulesetDiff.between(before, dropping)).hasToString("filter: ~OUTPUT");
    }
}
