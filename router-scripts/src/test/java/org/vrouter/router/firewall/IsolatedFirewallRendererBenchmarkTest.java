package org.vrouter.router.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vrouter.router.firewall.IsolatedFirewallCases.cidrs;
import static org.vrouter.router.firewall.IsolatedFirewallCases.router;

import org.junit.jupiter.api.Test;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.rule.Protocol;

/** Prints what a render costs at 100, 1,000 and 10,000 rules; asserts only that every rule was rendered. */
class IsolatedFirewallRendererBenchmarkTest {
    private static final int PUBLIC_IPS = 8;

    @Test
    void printsTheRenderTimeFromOneHundredToTenThousandRules() {
        IsolatedFirewallRenderer renderer = new IsolatedFirewallRenderer();
        for (int rules : new int[] {100, 1_000, 10_000}) {
            IsolatedFirewallInput input = input(rules);
            Firewall firewall = renderer.render(input);
            for (int warmUp = 0; warmUp < 3; warmUp++) {
                renderer.render(input);
            }
            long best = Long.MAX_VALUE;
            for (int run = 0; run < Integer.getInteger("bench.runs", 5); run++) {
                long start = System.nanoTime();
                renderer.render(input);
                best = Math.min(best, System.nanoTime() - start);
            }
            System.out.printf("isolated firewall render: %,d input rules -> %,d kernel rules, %d ipsets, %.2f ms (best of 5)%n",
                    rules, firewall.ruleset().ruleCount(), firewall.sets().size(), best / 1e6);
            // every ingress and egress rule, and three kernel rules (DNAT twice, FORWARD) per port forward
            assertThat(firewall.ruleset().ruleCount()).isGreaterThan(rules / 2 + rules / 4 + 3 * (rules / 4));
        }
    }

    /** Half ingress rules over eight public addresses, a quarter egress rules, a quarter port forwards. */
    private static IsolatedFirewallInput input(int rules) {
        IsolatedFirewallInput.Builder builder = router();
        for (int i = 1; i < PUBLIC_IPS; i++) {
            builder.publicAddress(new PublicAddress("eth2", Cidr.parse("203.0.113." + (20 + i) + "/24"), false));
        }
        for (int i = 0; i < rules / 2; i++) {
            IpAddress publicIp = IpAddress.parse("203.0.113." + (20 + i % PUBLIC_IPS));
            builder.ingress(new IngressRule(i + 1, publicIp, ProtocolMatch.ports(Protocol.TCP, PortRange.of(1 + i % 60_000)),
                    cidrs("192.0." + (i % 250) + ".0/24")));
        }
        for (int i = 0; i < rules / 4; i++) {
            builder.egress(new EgressRule(1_000_000 + i, ProtocolMatch.ports(Protocol.UDP, PortRange.of(1 + i % 60_000)),
                    cidrs("10.1.1.0/24"), i % 10 == 0 ? IsolatedFirewallCases.manyCidrs("198.51.100", 20) : cidrs()));
        }
        for (int i = 0; i < rules / 4; i++) {
            IpAddress publicIp = IpAddress.parse("203.0.113." + (20 + i % PUBLIC_IPS));
            int port = 1 + i / PUBLIC_IPS;
            builder.portForward(PortForward.of(publicIp, Protocol.TCP, PortRange.of(port),
                    IpAddress.parse("10.1.1." + (2 + i % 250)), PortRange.of(port)));
        }
        return builder.build();
    }
}
