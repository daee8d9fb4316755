package org.vrouter.commands;

import java.util.List;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.rule.Purpose;
import org.vrouter.commands.to.FirewallRuleTO;

/**
 * Applies ingress and egress firewall rules of an isolated network: CloudStack's
 * {@code SetFirewallRulesCommand}. On the wire one {@code firewall_rules.json} (type
 * {@code firewallrules}) with one {@code rules} element per {@link FirewallRuleTO}.
 *
 * <p>The network offering's default egress policy is a typed field; the access detail
 * {@code firewall.egress.default} is derived from it as CloudStack does ({@code System} when the
 * first rule is a System egress rule, else {@code true}/{@code false}), and every egress rule must
 * carry the same policy. All rules have purpose {@link Purpose#FIREWALL}. An empty list is
 * allowed (it pushes only the egress default).
 *
 * @param defaultEgressAllow the offering's default egress policy is allow
 */
public record SetFirewallRulesCommand(AccessDetails accessDetails, List<FirewallRuleTO> rules, boolean defaultEgressAllow)
        implements NetworkElementCommand {

    public SetFirewallRulesCommand {
        CommandChecks.requireRouter(accessDetails);
        rules = CommandChecks.list(rules, "rules");
        CommandChecks.each(rules, "rules", rule -> {
            if (rule.purpose() != Purpose.FIREWALL) {
                throw new InvalidParameterException("purpose", "must be Firewall", rule.purpose().wireName());
            }
        });
        accessDetails = CommandChecks.egressDefault(accessDetails, rules, defaultEgressAllow);
    }
}
