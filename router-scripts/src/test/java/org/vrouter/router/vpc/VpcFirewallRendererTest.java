package org.vrouter.router.vpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.rule.Protocol;
import org.vrouter.router.firewall.Chain;
import org.vrouter.router.firewall.ControlNic;
import org.vrouter.router.firewall.Firewall;
import org.vrouter.router.firewall.Ipset;
import org.vrouter.router.firewall.PublicAddress;
import org.vrouter.router.firewall.Ruleset;
import org.vrouter.router.firewall.RulesetDiff;
import org.vrouter.router.firewall.Table;
import org.vrouter.router.firewall.TableName;
import org.vrouter.router.golden.Golden;

class VpcFirewallRendererTest {
    private final VpcFirewallRenderer renderer = new VpcFirewallRenderer();

    static List<String> cases() {
        return VpcFirewallCases.names();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void rendersTheGoldenRuleset(String name) {
        List<String> warnings = new ArrayList<>();
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

    private List<String> chain(String name, TableName table, String chain) {
        return renderer.render(VpcFirewallCases.input(name)).ruleset().table(table).chain(chain).orElseThrow().rules();
    }

    @Test
    void aMultiCidrItemBetweenSingleCidrItemsKeepsItsPlace() {
        // CloudStack #12668: the networks of one item ended up around the deny that follows it
        assertThat(chain("multi-cidr-item", TableName.FILTER, "ACL_INBOUND_eth2")).containsExactly(
                "-d 224.0.0.18/32 -j ACCEPT",
                "-d 225.0.0.50/32 -j ACCEPT",
                "-s 10.1.0.0/16 -p tcp -m tcp --dport 22 -j ACCEPT",
                "-s 1.2.3.4/32 -p tcp -m tcp --dport 443 -j ACCEPT",
                "-s 2.3.4.5/32 -p tcp -m tcp --dport 443 -j ACCEPT",
                "-s 3.4.5.6/32 -p tcp -m tcp --dport 443 -j ACCEPT",
                "-p tcp -m tcp --dport 443 -j DROP",
                "-s 10.2.0.0/16 -p udp -m udp --dport 53 -j ACCEPT",
                "-p tcp -m set --match-set acl-eth2-in-225816f2 src -m tcp --dport 8080:8090 -j ACCEPT",
                "-s 10.9.0.0/16 -j DROP",
                "-s 10.0.0.0/8 -j ACCEPT",
                "-j DROP");
    }

    @Test
    void aCustomProtocolKeepsItsPlaceAndTheRulesAfterItStayBeforeTheDefaultDrop() {
        // CloudStack #3602: a protocol-number item was dropped and later items landed after the DROP
        assertThat(chain("custom-protocol", TableName.FILTER, "ACL_INBOUND_eth2")).containsExactly(
                "-d 224.0.0.18/32 -j ACCEPT",
                "-d 225.0.0.50/32 -j ACCEPT",
                "-s 198.51.100.0/24 -p gre -j ACCEPT",
                "-p ipv6 -j DROP",
                "-s 10.0.0.0/8 -p 253 -j ACCEPT",
                "-s 10.0.0.0/8 -p sctp -j ACCEPT",
                "-s 192.168.0.0/16 -p sctp -j ACCEPT",
                "-p tcp -m tcp --dport 22 -j ACCEPT",
                "-j DROP");
        assertThat(chain("custom-protocol", TableName.MANGLE, "ACL_OUTBOUND_eth2")).as("protocol 0 is every protocol, as in iptables")
                .contains("-d 192.0.2.0/24 -j DROP", "-p udp -j ACCEPT");
    }

    @Test
    void anEmptyAclDropsEverythingInboundAndLetsEgressThrough() {
        // CloudStack PR #2367: an empty chain gave an invalid insert position and dropped the traffic it should not
        List<String> fixed = List.of("-d 224.0.0.18/32 -j ACCEPT", "-d 225.0.0.50/32 -j ACCEPT");
        for (String device : List.of("eth2", "eth3")) {
            assertThat(chain("empty-acl", TableName.FILTER, "ACL_INBOUND_" + device)).as("%s (eth3 has no ACL at all)", device)
                    .containsExactlyElementsOf(concat(fixed, "-j DROP"));
            assertThat(chain("empty-acl", TableName.MANGLE, "ACL_OUTBOUND_" + device)).containsExactlyElementsOf(concat(fixed, "-j RETURN"));
        }
    }

    @Test
    void aDenyBeforeAnAllowStaysBeforeIt() {
        assertThat(chain("deny-before-allow", TableName.FILTER, "ACL_INBOUND_eth2")).containsSubsequence(
                "-s 10.0.0.0/8 -p tcp -m tcp --dport 22 -j DROP",
                "-p tcp -m tcp --dport 22 -j ACCEPT",
                "-s 192.0.2.0/24 -j DROP",
                "-j ACCEPT",
                "-j DROP");
        assertThat(chain("deny-before-allow", TableName.MANGLE, "ACL_OUTBOUND_eth2")).containsSubsequence(
                "-d 8.8.8.8/32 -p udp -m udp --dport 53 -j DROP", "-j ACCEPT", "-j RETURN");
    }

    @Test
    void thePrivateGatewaysAclComesBeforeTheVpcsInternetAccept() {
        // CloudStack #9838: -s <vpc> ! -d <vpc> -j ACCEPT matched first, so the gateway's ACL never saw the traffic
        List<String> forward = chain("private-gateway", TableName.FILTER, "FORWARD");

        assertThat(forward).containsSubsequence("-o eth4 -j ACL_INBOUND_eth4", "-s 172.16.0.0/16 ! -d 172.16.0.0/16 -j ACCEPT");
        assertThat(chain("private-gateway", TableName.MANGLE, "PREROUTING"))
                .contains("! -d 10.200.0.2/32 -i eth4 -m state --state NEW -j ACL_OUTBOUND_eth4");
    }

    @Test
    void replacingOneAclChangesOnlyItsChains() {
        Firewall before = renderer.render(VpcFirewallCases.input("two-tiers"));
        VpcFirewallInput input = VpcFirewallCases.input("two-tiers");
        List<NetworkAcl> acls = new ArrayList<>(input.acls());
        acls.replaceAll(acl -> acl.device().equals("eth3")
                ? new NetworkAcl("eth3", List.of(AclItem.all(List.of(), true)), List.of()) : acl);
        VpcFirewallInput replaced = new VpcFirewallInput(input.control(), input.vpcCidr(), input.tiers(), input.privateGateways(),
                input.publicAddresses(), acls, input.routedNetworks(), input.portForwards(), input.staticNats(),
                input.loadBalancerOpenings(), input.redundant(), input.siteToSiteVpns(), input.remoteAccessVpns());

        Firewall after = renderer.render(replaced);

        assertThat(RulesetDiff.between(before.ruleset(), after.ruleset())).hasToString("filter: ~ACL_INBOUND_eth3; mangle: ~ACL_OUTBOUND_eth3");
    }

    @Test
    void aChangedLongCidrListIsANewSetSoTheOldRuleNeverMatchesTheNewList() {
        List<Cidr> six = cidrs("198.51.100.1/32", "198.51.100.2/32", "198.51.100.3/32", "198.51.100.4/32", "198.51.100.5/32",
                "198.51.100.6/32");
        List<Cidr> seven = new ArrayList<>(six);
        seven.add(Cidr.parse("198.51.100.7/32"));

        Firewall first = renderer.render(oneTier(AclItem.all(six, true)));
        Firewall second = renderer.render(oneTier(AclItem.all(seven, true)));

        assertThat(first.sets()).extracting(Ipset::name).singleElement().asString().startsWith("acl-eth2-in-");
        assertThat(second.sets()).extracting(Ipset::name).doesNotContainAnyElementsOf(first.sets().stream().map(Ipset::name).toList());
        assertThat(renderer.render(oneTier(AclItem.all(six, true), AclItem.all(six, false))).sets())
                .as("two items with the same list share its set").hasSize(1);
    }

    @Test
    void aTierWithoutPublicAddressesForwardsNothingOutAndNatsNothing() {
        VpcFirewallInput input = VpcFirewallInput.builder(control(), Cidr.parse("172.16.0.0/16"))
                .tier(new Tier("eth2", ip("172.16.1.1"), ip("172.16.1.1"), Cidr.parse("172.16.1.0/24"))).build();

        Ruleset ruleset = renderer.render(input).ruleset();

        assertThat(ruleset.table(TableName.FILTER).chain("FORWARD").orElseThrow().rules()).containsExactly(
                "-m state --state RELATED,ESTABLISHED -j ACCEPT", "-d 172.16.1.0/24 -o eth2 -j ACL_INBOUND_eth2");
        assertThat(ruleset.table(TableName.NAT).isEmpty()).isTrue();
    }

    @Test
    void aRedundantPairAcceptsVrrpAndConntrackdOnItself() {
        VpcFirewallInput input = VpcFirewallInput.builder(control(), Cidr.parse("172.16.0.0/16")).redundant(true).build();

        assertThat(renderer.render(input).ruleset().table(TableName.FILTER).chain("INPUT").orElseThrow().rules())
                .startsWith("-d 224.0.0.18/32 -j ACCEPT", "-d 225.0.0.50/32 -j ACCEPT", "-p vrrp -j ACCEPT");
    }

    @Test
    void aPortForwardIntoATierMeetsThatTiersIngressAcl() {
        VpcFirewallInput input = VpcFirewallInput.builder(control(), Cidr.parse("172.16.0.0/16"))
                .tier(new Tier("eth2", ip("172.16.1.1"), ip("172.16.1.1"), Cidr.parse("172.16.1.0/24")))
                .publicAddress(new PublicAddress("eth1", Cidr.parse("203.0.113.30/24"), true))
                .publicAddress(new PublicAddress("eth1", Cidr.parse("203.0.113.32/24"), false))
                .portForward(org.vrouter.router.firewall.PortForward.of(ip("203.0.113.32"), Protocol.TCP, PortRange.of(2222),
                        ip("172.16.1.10"), PortRange.of(22)))
                .build();

        Ruleset ruleset = renderer.render(input).ruleset();

        assertThat(ruleset.table(TableName.FILTER).chain("FORWARD").orElseThrow().rules())
                .as("no accept of its own: after DNAT the forward is traffic for the tier").noneMatch(rule -> rule.contains("172.16.1.10"));
        assertThat(ruleset.table(TableName.NAT).chain("PREROUTING").orElseThrow().rules())
                .containsExactly("-d 203.0.113.32/32 -p tcp -m tcp --dport 2222 -j DNAT --to-destination 172.16.1.10:22");
    }

    private static VpcFirewallInput oneTier(AclItem... ingress) {
        return VpcFirewallInput.builder(control(), Cidr.parse("172.16.0.0/16"))
                .tier(new Tier("eth2", ip("172.16.1.1"), ip("172.16.1.1"), Cidr.parse("172.16.1.0/24")))
                .acl(new NetworkAcl("eth2", List.of(ingress), List.of())).build();
    }

    private static ControlNic control() {
        return new ControlNic("eth0", ip("169.254.1.9"));
    }

    static IpAddress ip(String text) {
        return IpAddress.parse(text);
    }

    static List<Cidr> cidrs(String... texts) {
        return java.util.Arrays.stream(texts).map(Cidr::parse).toList();
    }

    private static List<String> concat(List<String> head, String last) {
        List<String> all = new ArrayList<>(head);
        all.add(last);
        return all;
    }
}
