package org.vrouter.commands.wire.payload;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code forwarding_rules.json} ({@code forwardrules}): port-forwarding rules to add or revoke, from
 * {@code SetPortForwardingRulesCommand} and its VPC variant. Merged into the {@code forwardingrules}
 * databag, keyed by public IP.
 */
public record ForwardingRulesPayload(
        @JsonProperty("rules") List<ForwardingRule> rules,
        @JsonProperty("delete_from_processed_cache") boolean deleteFromProcessedCache) implements Payload {

    public ForwardingRulesPayload {
        rules = WireChecks.list("rules", rules);
    }

    public static ForwardingRulesPayload of(List<ForwardingRule> rules) {
        return new ForwardingRulesPayload(rules, false);
    }
}
