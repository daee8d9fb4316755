package org.vrouter.router.databag;

import java.util.Map;
import java.util.Optional;

import org.vrouter.commands.wire.payload.FirewallRule;

/**
 * The {@code ipv6firewallrules} bag: the isolated network's IPv6 firewall rules by rule id, merged like
 * {@link FirewallRulesBag} (CloudStack's bag key and merge for this type are unverified; this is the
 * presumed one).
 */
public record Ipv6FirewallRulesBag(Map<Long, FirewallRule> rules) implements Databag {
    public Ipv6FirewallRulesBag {
        rules = FirewallRuleChecks.byId(rules);
    }

    public static Ipv6FirewallRulesBag empty() {
        return new Ipv6FirewallRulesBag(Map.of());
    }

    @Override
    public BagKey key() {
        return BagKey.IPV6_FIREWALL_RULES;
    }

    @Override
    public boolean isEmpty() {
        return rules.isEmpty();
    }

    public Optional<FirewallRule> get(long id) {
        return Optional.ofNullable(rules.get(id));
    }
}
