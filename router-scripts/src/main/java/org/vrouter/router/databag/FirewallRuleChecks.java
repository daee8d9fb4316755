package org.vrouter.router.databag;

import java.util.Map;

import org.vrouter.commands.wire.payload.FirewallRule;

/** The invariants both firewall bags share. */
final class FirewallRuleChecks {
    private FirewallRuleChecks() {}

    /** A sorted copy, each rule under its own id and none revoked. */
    static Map<Long, FirewallRule> byId(Map<Long, FirewallRule> rules) {
        Map<Long, FirewallRule> sorted = BagMaps.sorted(rules, "rules");
        sorted.forEach((id, rule) -> {
            if (rule.id() != id) {
                throw new IllegalArgumentException("firewall rule " + rule.id() + " listed under id " + id);
            }
            if (rule.revoked()) {
                throw new IllegalArgumentException("firewall rule " + id + " is revoked");
            }
        });
        return sorted;
    }
}
