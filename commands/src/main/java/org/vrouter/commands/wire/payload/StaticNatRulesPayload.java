package org.vrouter.commands.wire.payload;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code staticnat_rules.json} ({@code staticnatrules}): static NAT rules to add or revoke, from
 * {@code SetStaticNatRulesCommand}. Merged into the {@code forwardingrules} databag (shared with port
 * forwarding), keyed by public IP.
 */
public record StaticNatRulesPayload(
        @JsonProperty("rules") List<StaticNatRule> rules,
        @JsonProperty("delete_from_processed_cache") boolean deleteFromProcessedCache) implements Payload {

    public StaticNatRulesPayload {
        rules = WireChecks.list("rules", rules);
    }

    public static StaticNatRulesPayload of(List<StaticNatRule> rules) {
        return new StaticNatRulesPayload(rules, false);
    }
}
