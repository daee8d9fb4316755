package org.vrouter.commands;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.OptionalLong;

import org.vrouter.api.validation.FieldChecks;
import org.vrouter.commands.to.StaticNatRuleTO;

/**
 * Adds or revokes static-NAT rules (one-to-one, or by protocol and ports): CloudStack's
 * {@code SetStaticNatRulesCommand}. On the wire one {@code staticnat_rules.json} (type
 * {@code staticnatrules}) with one {@code rules} element per {@link StaticNatRuleTO}.
 *
 * @param rules never empty
 * @param vpcId the VPC's database id for a VPC router
 */
public record SetStaticNatRulesCommand(AccessDetails accessDetails, List<StaticNatRuleTO> rules, OptionalLong vpcId)
        implements NetworkElementCommand {

    public SetStaticNatRulesCommand {
        CommandChecks.requireRouter(accessDetails);
        rules = CommandChecks.nonEmpty(rules, "rules");
        requireNonNull(vpcId, "vpcId is null").ifPresent(id -> FieldChecks.requireNonNegative("vpc_id", id));
    }

    /** Rules for an isolated network's router. */
    public static SetStaticNatRulesCommand of(AccessDetails accessDetails, List<StaticNatRuleTO> rules) {
        return new SetStaticNatRulesCommand(accessDetails, rules, OptionalLong.empty());
    }
}
