package org.vrouter.commands.wire.payload;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code ipv6_firewall_rules.json} ({@code ipv6firewallrules}): the IPv6 firewall of an isolated network,
 * from {@code SetIpv6FirewallRulesCommand}. Same rule shape as {@link FirewallRulesPayload}, with purpose
 * {@code Ipv6Firewall} and {@code guest_ip6_cidr} on each rule.
 */
public record Ipv6FirewallRulesPayload(
        @JsonProperty("rules") List<FirewallRule> rules,
        @JsonProperty("delete_from_processed_cache") boolean deleteFromProcessedCache) implements Payload {

    public Ipv6FirewallRulesPayload {
        rules = WireChecks.list("rules", rules);
    }

    public static Ipv6FirewallRulesPayload of(List<FirewallRule> rules) {
        return new Ipv6FirewallRulesPayload(rules, false);
    }
}
