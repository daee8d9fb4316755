package org.vrouter.router.firewall;

import static java.util.Objects.requireNonNull;

import java.util.List;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.validation.FieldChecks;

/**
 * An ingress firewall rule of an isolated router: traffic from {@code sourceCidrs} to one public
 * address that is let through (to the router's services, a port forward, a static NAT or a load
 * balancer on that address); everything else sent to a public address is dropped. A
 * {@code firewall_rules} entry with {@code traffic_type} Ingress. Input to
 * {@link IsolatedFirewallRenderer}.
 *
 * @param id the rule id ({@code id}), unique among ingress and egress rules; it names the rule's
 *     ipset when its CIDR list is long
 * @param publicIp the public address the rule opens ({@code src_ip})
 * @param match protocol, ports or ICMP type
 * @param sourceCidrs where the traffic may come from ({@code source_cidr_list}); empty, or holding
 *     {@code 0.0.0.0/0}, means anywhere. Kept canonical (see the class comment of the renderer).
 */
public record IngressRule(long id, IpAddress publicIp, ProtocolMatch match, List<Cidr> sourceCidrs) {
    /** Ids above this would make ipset names longer than ipset allows. */
    public static final long MAX_ID = 999_999_999_999_999L;

    public IngressRule {
        FieldChecks.requireRange("id", id, 1, MAX_ID);
        requireNonNull(publicIp, "publicIp is null");
        requireNonNull(match, "match is null");
        if (!publicIp.isIpv4()) {
            throw new InvalidParameterException("src_ip", "must be an IPv4 public address", publicIp);
        }
        sourceCidrs = CidrLists.canonical("source_cidr_list", sourceCidrs);
    }
}
