package org.vrouter.commands;

import java.util.List;

import org.vrouter.commands.to.PortForwardingRuleTO;

/**
 * Adds or revokes port-forwarding rules: CloudStack's {@code SetPortForwardingRulesCommand}, or
 * {@code SetPortForwardingRulesVpcCommand} when {@link #vpc()} is true. CloudStack's two classes
 * carry the same fields and map to the same file, so one record with a flag stands for both. On
 * the wire one {@code forwarding_rules.json} (type {@code forwardrules}) with one {@code rules}
 * element per {@link PortForwardingRuleTO}; VPC routers also receive each rule's
 * {@code source_cidr_list}.
 *
 * @param rules never empty
 * @param vpc the router is a VPC router (CloudStack's {@code SetPortForwardingRulesVpcCommand})
 */
public record SetPortForwardingRulesCommand(AccessDetails accessDetails, List<PortForwardingRuleTO> rules, boolean vpc)
        implements NetworkElementCommand {

    public SetPortForwardingRulesCommand {
        CommandChecks.requireRouter(accessDetails);
        rules = CommandChecks.nonEmpty(rules, "rules");
    }
}
