package org.vrouter.router.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vrouter.router.firewall.IsolatedFirewallCases.cidrs;
import static org.vrouter.router.firewall.IsolatedFirewallCases.input;
import static org.vrouter.router.firewall.IsolatedFirewallCases.ip;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.rule.Protocol;
import org.vrouter.router.golden.Golden;

class IsolatedFirewallRendererTest {
    private final IsolatedFirewallRenderer renderer = new IsolatedFirewallRenderer();

    static List<String> cases() {
        return IsolatedFirewallCases.names();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void rendersTheGoldenRuleset(String name) {
        Firewall firewall = renderer.render(input(name));

        Golden.assertMatches("firewall", name, "rules.v4", firewall.ruleset().render());
        Golden.assertMatches("firewall", name, "ipsets", IpsetText.render(firewall.sets()));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void everyJumpTargetsADefinedChainAndEveryUserChainIsJumpedTo(String name) {
        Ruleset ruleset = renderer.render(input(name)).ruleset();

        for (Table table : ruleset.tables().values()) {
            Set<String> jumpedTo = new HashSet<>();
            for (Chain chain : table.chains().values()) {
                for (String rule : chain.rules()) {
                    RuleText.target(rule).ifPresent(target -> {
                        assertThat(table.chains().containsKey(target) && !table.name().isBuiltIn(target)
                                || RuleText.TARGETS.contains(target))
                                .as("%s %s: '%s' jumps to %s", table.name(), chain.name(), rule, target).isTrue();
                        jumpedTo.add(target);
                    });
                }
            }
            for (Chain chain : table.userChains()) {
                assertThat(jumpedTo).as("%s: nothing jumps to user chain %s", table.name(), chain.name()).contains(chain.name());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theRulesetReadsBackAsItselfSoNoRuleIsWrittenInAnUnusualForm(String name) {
        Ruleset ruleset = renderer.render(input(name)).ruleset();

        assertThat(Ruleset.parse(ruleset.render())).isEqualTo(ruleset);
    }

    @Test
    void theOrderOfTheInputListsDoesNotShow() {
        IsolatedFirewallInput ordered = input("everything");
        Random random = new Random(7);
        IsolatedFirewallInput shuffled = new IsolatedFirewallInput(ordered.control(), shuffle(ordered.guests(), random),
                shuffle(ordered.publicAddresses(), random), shuffle(ordered.ingressRules(), random), ordered.egressPolicy(),
                shuffle(ordered.egressRules(), random), shuffle(ordered.portForwards(), random),
                shuffle(ordered.staticNats(), random), shuffle(ordered.loadBalancerOpenings(), random),
                shuffle(ordered.remoteAccessVpns(), random), ordered.redundant());

        assertThat(renderer.render(shuffled)).isEqualTo(renderer.render(ordered));
    }

    @Test
    void revokedRulesLeaveNoTraceAndOnlyTheirChainsChange() {
        Firewall before = renderer.render(input("everything"));
        Firewall after = renderer.render(input("revoked"));

        String rules = after.ruleset().render();
        assertThat(rules).doesNotContain("--dport 80 -j RETURN", "FIREWALL_203.0.113.21 -m set", "destCidrIpset-104",
                "-p udp -m udp --dport 53 -j DNAT", "10.1.1.24", "-d 203.0.113.20/32 -p tcp -m tcp --dport 443");
        assertThat(after.sets()).isEmpty();
        assertThat(before.sets()).extracting(Ipset::name).containsExactly("destCidrIpset-104", "sourceCidrIpset-102");
        assertThat(RulesetDiff.between(before.ruleset(), after.ruleset())).hasToString(
                "filter: ~INPUT ~FORWARD ~FW_EGRESS_RULES; nat: ~PREROUTING ~OUTPUT ~POSTROUTING; "
                        + "mangle: -PREROUTING-eth2-def ~PREROUTING ~FIREWALL_203.0.113.20 ~FIREWALL_203.0.113.21");
    }

    @Test
    void egressRulesInvertThePolicy() {
        Ruleset allow = renderer.render(input("egress-allow")).ruleset();
        Ruleset deny = renderer.render(input("egress-deny")).ruleset();

        assertThat(allow.table(TableName.FILTER).chain("FW_EGRESS_RULES").orElseThrow().rules())
                .allMatch(rule -> rule.endsWith("-j DROP") || rule.equals("-j ACCEPT")).last().isEqualTo("-j ACCEPT");
        assertThat(deny.table(TableName.FILTER).chain("FW_EGRESS_RULES").orElseThrow().rules())
                .allMatch(rule -> rule.endsWith("-j ACCEPT") || rule.equals("-j DROP")).last().isEqualTo("-j DROP");
    }

    @Test
    void aShiftedPortRangeMapsPortByPort() {
        PortForward shifted = PortForward.of(ip("203.0.113.20"), Protocol.TCP, PortRange.of(8000, 8010), ip("10.1.1.5"),
                PortRange.of(9000, 9010));
        PortForward same = PortForward.of(ip("203.0.113.20"), Protocol.TCP, PortRange.of(8000, 8010), ip("10.1.1.5"),
                PortRange.of(8000, 8010));
        PortForward manyToOne = PortForward.of(ip("203.0.113.20"), Protocol.TCP, PortRange.of(8000, 8010), ip("10.1.1.5"),
                PortRange.of(80));

        assertThat(NatRules.vmPorts(shifted)).isEqualTo("9000-9010/8000");
        assertThat(NatRules.vmPorts(same)).isEqualTo("8000-8010");
        assertThat(NatRules.vmPorts(manyToOne)).isEqualTo("80");
    }

    @Test
    void aLongCidrListBecomesOneRuleMatchingAnIpset() {
        Firewall firewall = renderer.render(input("large-cidr-lists"));

        assertThat(firewall.ruleset().table(TableName.MANGLE).chain("FIREWALL_203.0.113.20").orElseThrow().rules())
                .contains("-p tcp -m set --match-set sourceCidrIpset-90 src -m tcp --dport 22 -j RETURN").hasSize(3);
        assertThat(firewall.sets()).extracting(Ipset::name).containsExactly("destCidrIpset-91", "destCidrIpset-92",
                "pfSourceCidrs-cb007114-t2222", "sourceCidrIpset-90", "sourceCidrIpset-92");
        assertThat(firewall.sets().get(0).entries()).hasSize(40);
    }

    @Test
    void aRouterWithoutPublicAddressesKeepsTheChainsAndForwardsNothingOut() {
        IsolatedFirewallInput input = IsolatedFirewallInput.builder(new ControlNic("eth1", ip("169.254.3.44")))
                .guest(new GuestNic("eth0", ip("10.1.1.1"), Cidr.parse("10.1.1.0/24"))).build();

        Ruleset ruleset = renderer.render(input).ruleset();

        assertThat(ruleset.table(TableName.FILTER).chain("FORWARD").orElseThrow().rules())
                .containsExactly("-j NETWORK_STATS", "-i eth0 -o eth0 -m state --state NEW,RELATED,ESTABLISHED -j ACCEPT");
        assertThat(ruleset.table(TableName.FILTER).chain("NETWORK_STATS").orElseThrow().rules()).isEmpty();
        assertThat(ruleset.table(TableName.NAT).isEmpty()).isTrue();
    }

    @Test
    void anyAddressInAListMeansNoAddressMatch() {
        EgressRule rule = new EgressRule(5, ProtocolMatch.all(), cidrs("10.0.0.0/8", "0.0.0.0/0"), cidrs("10.1.2.3/24"));

        assertThat(rule.sourceCidrs()).isEmpty();
        assertThat(rule.destinationCidrs()).containsExactly(Cidr.parse("10.1.2.0/24"));
    }

    private static <T> List<T> shuffle(List<T> items, Random random) {
        List<T> copy = new ArrayList<>(items);
        Collections.shuffle(copy, random);
        return copy;
    }
}
