package org.vrouter.router.databag;

import java.util.Map;
import java.util.Optional;

import org.vrouter.commands.wire.payload.FirewallRule;

/**
 * The {@code firewallrules} bag: the isolated network's IPv4 firewall rules by rule id, in id order. A
 * rule is kept as received; a later rule with the same id replaces it, a revoked one deletes it.
 */
public record FirewallRulesBag(Map<Long, FirewallRule> rules) implements Databag {
    public FirewallRulesBag {
        rules = FirewallRuleChecks.byId(rules);
    }

    public static FirewallRulesBag empty() {
        return new FirewallRulesBag(Map.of());
    }

    @Override
    public BagKey key() {
        return BagKey.FIREWALL_RULES;
    }

    @Override
    public boolean isEmpty() {
        return rules.isEmpty();
    }

    public Optional<FirewallRule> get(long id) {
        return Optional.ofNullable(rules.get(id));
    }
}
