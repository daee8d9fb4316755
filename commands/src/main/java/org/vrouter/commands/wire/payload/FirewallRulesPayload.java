package org.vrouter.commands.wire.payload;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code firewall_rules.json} ({@code firewallrules}): isolated-network ingress and egress firewall rules to
 * add or revoke, from {@code SetFirewallRulesCommand}. Merged into the {@code firewallrules} databag, keyed
 * by rule id. The default egress policy also travels in the access detail {@code firewall.egress.default}.
 */
public record FirewallRulesPayload(
        @JsonProperty("rules") List<FirewallRule> rules,
        @JsonProperty("delete_from_processed_cache") boolean deleteFromProcessedCache) implements Payload {

    public FirewallRulesPayload {
        rules = WireChecks.list("rules", rules);
    }

    public static FirewallRulesPayload of(List<FirewallRule> rules) {
        return new FirewallRulesPayload(rules, false);
    }
}
