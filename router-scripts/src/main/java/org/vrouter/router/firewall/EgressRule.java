package org.vrouter.router.firewall;

import static java.util.Objects.requireNonNull;

import java.util.List;

import org.vrouter.api.net.Cidr;
import org.vrouter.api.validation.FieldChecks;

/**
 * An egress firewall rule of an isolated router: traffic from the guests to the public side that
 * is the exception to the {@link EgressPolicy}, dropped under ALLOW and accepted under DENY. A
 * {@code firewall_rules} entry with {@code traffic_type} Egress, other than CloudStack's default
 * rule (protocol {@code all}, no source CIDRs), which sets the policy instead. Input to
 * {@link IsolatedFirewallRenderer}.
 *
 * @param id the rule id ({@code id}), unique among ingress and egress rules; it names the rule's
 *     ipsets when its CIDR lists are long
 * @param match protocol, ports or ICMP type
 * @param sourceCidrs guest addresses the rule applies to ({@code source_cidr_list}); empty, or
 *     holding {@code 0.0.0.0/0}, means any
 * @param destinationCidrs destinations ({@code dest_cidr_list}); empty or {@code 0.0.0.0/0} = any
 */
public record EgressRule(long id, ProtocolMatch match, List<Cidr> sourceCidrs, List<Cidr> destinationCidrs) {
    public EgressRule {
        FieldChecks.requireRange("id", id, 1, IngressRule.MAX_ID);
        requireNonNull(match, "match is null");
        sourceCidrs = CidrLists.canonical("source_cidr_list", sourceCidrs);
        destinationCidrs = CidrLists.canonical("dest_cidr_list", destinationCidrs);
    }
}
