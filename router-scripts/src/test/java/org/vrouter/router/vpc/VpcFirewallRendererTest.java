package org.vrouter.router.vpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vrouter.router.firewall.Chain;
import org.vrouter.router.firewall.Firewall;
import org.vrouter.router.firewall.Ruleset;
import org.vrouter.router.firewall.Table;
import org.vrouter.router.golden.Golden;

class VpcFirewallRendererTest {
    private final VpcFirewallRenderer renderer = new VpcFirewallRenderer();

    static List<String> cases() {
        return VpcFirewallCases.names();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void rendersTheGoldenRuleset(String name) {
        List<String> warnings = new java.util.ArrayList<>();
        Firewall firewall = renderer.render(VpcFirewallCases.input(name, warnings::add));

        Golden.assertMatches(VpcFirewallCases.CONCEPT, name, "rules.v4", firewall.ruleset().render());
        Golden.assertMatches(VpcFirewallCases.CONCEPT, name, "ipsets", firewall.renderSets());
        Golden.assertMatches(VpcFirewallCases.CONCEPT, name, "warnings", String.join("\n", warnings) + (warnings.isEmpty() ? "" : "\n"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theRulesetReadsBackAsItself(String name) {
        Ruleset ruleset = renderer.render(VpcFirewallCases.input(name)).ruleset();

        assertThat(Ruleset.parse(ruleset.render())).isEqualTo(ruleset);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void everyUserChainIsJumpedTo(String name) {
        Ruleset ruleset = renderer.render(VpcFirewallCases.input(name)).ruleset();

        for (Table table : ruleset.tables().values()) {
            Set<String> jumpedTo = new HashSet<>();
            table.chains().values().forEach(chain -> chain.rules().forEach(rule -> {
                int jump = rule.indexOf("-j ");
                if (jump >= 0) {
                    jumpedTo.add(rule.substring(jump + 3).split(" ")[0]);
                }
            }));
            for (Chain chain : table.userChains()) {
                assertThat(jumpedTo).as("%s: nothing jumps to %s", table.name(), chain.name()).contains(chain.name());
            }
        }
    }
}
