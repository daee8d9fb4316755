package org.vrouter.api.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vrouter.api.Fixtures.assertInvalid;
import static org.vrouter.api.Fixtures.ip;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LoadBalancingRuleTest {
    private static LoadBalancingRule.Builder web() {
        return LoadBalancingRule.builder(3, "lb-3", 5, ip("203.0.113.20"), 80, 8080);
    }

    @Test
    void buildsARuleWithPolicies() {
        LoadBalancingRule rule = web()
                .algorithm(LbAlgorithm.fromWireName("algorithm", "leastconn"))
                .destinations(List.of(LbDestination.of(ip("10.1.1.23"), 8080), new LbDestination(ip("10.1.1.24"), 8080, true)))
                .stickiness(new StickinessPolicy(StickinessPolicy.Method.SOURCE, Map.of("tablesize", "200k", "expire", "3h")))
                .healthCheck(HealthCheckPolicy.defaults())
                .build();
        assertThat(rule.activeDestinations()).extracting(LbDestination::address).containsExactly(ip("10.1.1.23"));
        assertThat(rule.stickiness().orElseThrow().params()).containsExactly(Map.entry("expire", "3h"), Map.entry("tablesize", "200k"));
    }

    @Test
    void rejectsPortZeroAndDuplicateDestinations() {
        assertInvalid(() -> LoadBalancingRule.builder(3, "lb-3", 5, ip("203.0.113.20"), 0, 8080).build(), "src_port");
        assertInvalid(() -> web().destinations(List.of(LbDestination.of(ip("10.1.1.23"), 8080), LbDestination.of(ip("10.1.1.23"), 8080))).build(),
                "destinations[1]");
        assertInvalid(() -> LbDestination.of(ip("10.1.1.23"), 65536), "dest_port");
    }

    @Test
    void algorithmsAndProtocolsAreClosedSets() {
        assertInvalid(() -> LbAlgorithm.fromWireName("algorithm", "random"), "algorithm").hasMessageContaining("[roundrobin, leastconn, source]");
        assertThat(LbProtocol.fromWireName("protocol", "TCP-PROXY")).isEqualTo(LbProtocol.TCP_PROXY);
    }

    @Test
    void stickinessAcceptsOnlyItsMethodsParameters() {
        assertInvalid(() -> new StickinessPolicy(StickinessPolicy.Method.LB_COOKIE, Map.of("expire", "3h")), "stickiness.params")
                .hasMessageContaining("cookie-name");
        assertThat(new StickinessPolicy(StickinessPolicy.Method.APP_COOKIE, Map.of("cookie-name", "JSESSIONID", "holdtime", "3600")).params())
                .containsEntry("holdtime", "3600");
    }

    @Test
    void stickinessChecksValueFormats() {
        assertInvalid(() -> new StickinessPolicy(StickinessPolicy.Method.SOURCE, Map.of("expire", "3")), "stickiness.params.expire")
                .hasMessageContaining("<number><d|h|m|s>");
        assertInvalid(() -> new StickinessPolicy(StickinessPolicy.Method.SOURCE, Map.of("tablesize", "200x")), "stickiness.params.tablesize");
        assertInvalid(() -> new StickinessPolicy(StickinessPolicy.Method.APP_COOKIE, Map.of("length", "4k")), "stickiness.params.length");
        assertInvalid(() -> new StickinessPolicy(StickinessPolicy.Method.LB_COOKIE, Map.of("cookie-name", "a b")),
                "stickiness.params.cookie-name");
        assertInvalid(() -> new StickinessPolicy(StickinessPolicy.Method.LB_COOKIE, Map.of("domain", "x\nbind :22")),
                "stickiness.params.domain");
    }

    @Test
    void healthCheckPathAndTimes() {
        assertInvalid(() -> new HealthCheckPolicy("health", 2, 5, 2, 10), "ping_path");
        assertInvalid(() -> new HealthCheckPolicy("/health check", 2, 5, 2, 10), "ping_path");
        assertInvalid(() -> new HealthCheckPolicy("/health", 5, 5, 2, 10), "interval").hasMessageContaining("longer than response_time");
        assertInvalid(() -> new HealthCheckPolicy("/health", 2, 5, 0, 10), "healthy_threshold");
    }
}
