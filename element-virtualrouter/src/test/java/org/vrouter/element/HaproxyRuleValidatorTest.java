package org.vrouter.element;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.vrouter.api.Fixtures.assertInvalid;
import static org.vrouter.element.Fixtures.element;
import static org.vrouter.element.Fixtures.ip;
import static org.vrouter.element.Fixtures.network;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vrouter.api.metrics.Metrics;
import org.vrouter.api.network.EgressPolicy;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.Provider;
import org.vrouter.api.network.Service;
import org.vrouter.api.rule.LbProtocol;
import org.vrouter.api.rule.LoadBalancingRule;
import org.vrouter.api.rule.StickinessPolicy;

/** CloudStack's haproxy rule validation, through the element's {@code validateLoadBalancingRule}. */
class HaproxyRuleValidatorTest {
    private final FakeRouterManager manager = new FakeRouterManager();

    private static LoadBalancingRule.Builder rule(int publicPort) {
        return LoadBalancingRule.builder(13, "lb-13", 5, ip("203.0.113.10"), publicPort, 8080);
    }

    @Test
    void rejectsTheHaproxyStatsPortEvenBeforeTheNetworkHasARouter() {
        // CloudStack validates only once a router exists; the rule would fail later, on the router.
        assertInvalid(() -> element(manager).validateLoadBalancingRule(network(), rule(8081).build()), "src_port")
                .hasMessageContaining("network.loadbalancer.haproxy.stats.port")
                .hasMessageEndingWith("'8081'");
    }

    @Test
    void rejectsTheConfiguredStatsPort() {
        VirtualRouterElement element = new VirtualRouterElement(manager, new FakeConfigurations(), new ElementSettings(9000),
                Metrics.NOOP);

        assertInvalid(() -> element.validateLoadBalancingRule(network(), rule(9000).build()), "src_port");
        assertThatCode(() -> element.validateLoadBalancingRule(network(), rule(8081).build())).doesNotThrowAnyException();
    }

    @Test
    void rejectsUdp() {
        assertInvalid(() -> element(manager).validateLoadBalancingRule(network(), rule(53).protocol(LbProtocol.UDP).build()), "protocol")
                .hasMessageEndingWith("'udp'");
    }

    @Test
    void acceptsTcpAndTcpProxyWithEveryStickinessMethod() {
        VirtualRouterElement element = element(manager);
        for (LbProtocol protocol : new LbProtocol[] {LbProtocol.TCP, LbProtocol.TCP_PROXY}) {
            for (StickinessPolicy stickiness : new StickinessPolicy[] {
                    new StickinessPolicy(StickinessPolicy.Method.LB_COOKIE, Map.of("cookie-name", "SRV", "nocache", "")),
                    new StickinessPolicy(StickinessPolicy.Method.APP_COOKIE, Map.of("length", "52", "holdtime", "3h")),
                    new StickinessPolicy(StickinessPolicy.Method.SOURCE, Map.of("tablesize", "200k", "expire", "30m"))}) {
                assertThatCode(() -> element.validateLoadBalancingRule(network(), rule(80).protocol(protocol).stickiness(stickiness).build()))
                        .doesNotThrowAnyException();
            }
        }
    }

    @Test
    void leavesRulesOfAnotherLoadBalancerAlone() {
        Network netscaler = Fixtures.networkBuilder(Fixtures.offering(Map.of(Service.LB, Provider.NETSCALER), false, EgressPolicy.DENY,
                false)).build();

        assertThatCode(() -> element(manager).validateLoadBalancingRule(netscaler, rule(8081).protocol(LbProtocol.UDP).build()))
                .doesNotThrowAnyException();
    }

    /**
     * CloudStack's stickiness format checks (Source expire and tablesize, AppCookie length and
     * holdtime) live in {@link StickinessPolicy}: a malformed policy cannot be built, so no rule the
     * validator sees carries one.
     */
    @ParameterizedTest
    @CsvSource({
        "SOURCE, expire, 30",
        "SOURCE, expire, 30x",
        "SOURCE, tablesize, 200",
        "SOURCE, tablesize, 200kb",
        "APP_COOKIE, length, 5a",
        "APP_COOKIE, holdtime, 3w",
    })
    void malformedStickinessParametersCannotReachTheValidator(StickinessPolicy.Method method, String parameter, String value) {
        assertInvalid(() -> new StickinessPolicy(method, Map.of(parameter, value)), "stickiness.params." + parameter);
    }
}
