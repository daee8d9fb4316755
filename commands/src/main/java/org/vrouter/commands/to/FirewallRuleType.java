package org.vrouter.commands.to;

/**
 * Who created a firewall rule: a user, or the system (CloudStack's {@code FirewallRuleType}). A
 * System egress rule first in a {@code SetFirewallRulesCommand} turns the access detail
 * {@code firewall.egress.default} into {@code System}.
 */
public enum FirewallRuleType {
    USER("User"),
    SYSTEM("System");

    private final String wireName;

    FirewallRuleType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
