package org.vrouter.commands.wire.payload;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code load_balancer.json} ({@code loadbalancer}): the complete haproxy configuration, rendered on the
 * management side and sent as lines, from {@code LoadBalancerConfigCommand}. Normally one rule; the router
 * replaces its whole {@code loadbalancer} databag each time.
 */
public record LoadBalancerPayload(
        @JsonProperty("rules") List<LoadBalancerRule> rules,
        @JsonProperty("delete_from_processed_cache") boolean deleteFromProcessedCache) implements Payload {

    public LoadBalancerPayload {
        rules = WireChecks.list("rules", rules);
    }

    public static LoadBalancerPayload of(LoadBalancerRule rule) {
        return new LoadBalancerPayload(List.of(rule), false);
    }
}
