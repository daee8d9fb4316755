package org.vrouter.commands;

import static java.util.Objects.requireNonNull;

import java.util.List;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.rule.Purpose;
import org.vrouter.commands.to.FirewallRuleTO;

/**
 * Applies the IPv6 firewall of an isolated network: CloudStack's {@code SetIpv6FirewallRulesCommand}.
 * On the wire one {@code ipv6_firewall_rules.json} (type {@code ipv6firewallrules}): the rule shape
 * of {@link SetFirewallRulesCommand} with purpose {@code Ipv6Firewall} and {@code guest_ip6_cidr} on
 * every rule.
 *
 * <p>Rules have purpose {@link Purpose#IPV6_FIREWALL}; {@code firewall.egress.default} is
 * derived as for {@link SetFirewallRulesCommand}.
 *
 * @param guestIp6Cidr the guest network's IPv6 prefix, a network address
 */
public record SetIpv6FirewallRulesCommand(
        AccessDetails accessDetails,
        List<FirewallRuleTO> rules,
        Cidr guestIp6Cidr,
        boolean defaultEgressAllow) implements NetworkElementCommand {

    public SetIpv6FirewallRulesCommand {
        CommandChecks.requireRouter(accessDetails);
        rules = CommandChecks.list(rules, "rules");
        CommandChecks.each(rules, "rules", rule -> {
            if (rule.purpose() != Purpose.IPV6_FIREWALL) {
                throw new InvalidParameterException("purpose", "must be Ipv6Firewall", rule.purpose().wireName());
            }
        });
        requireNonNull(guestIp6Cidr, "guestIp6Cidr is null");
        if (guestIp6Cidr.isIpv4() || !guestIp6Cidr.isNetworkAddress()) {
            throw new InvalidParameterException("guest_ip6_cidr", "must be an IPv6 network CIDR", guestIp6Cidr);
        }
        accessDetails = CommandChecks.egressDefault(accessDetails, rules, defaultEgressAllow);
    }
}
