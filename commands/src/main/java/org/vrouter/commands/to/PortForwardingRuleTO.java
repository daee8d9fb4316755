package org.vrouter.commands.to;

import static java.util.Objects.requireNonNull;

import java.util.List;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.rule.Protocol;

/**
 * One port-forwarding rule: CloudStack's {@code PortForwardingRuleTO}, an element of
 * {@code SetPortForwardingRulesCommand}; on the wire one element of {@code rules} in
 * {@code forwarding_rules.json} ({@code revoke}, {@code protocol}, {@code source_ip_address},
 * {@code source_port_range} and {@code destination_port_range} as {@code "start:end"},
 * {@code destination_ip_address}, and for VPC routers {@code source_cidr_list}).
 *
 * <p>Invariants: TCP or UDP only; both addresses of one family; the destination range is as wide
 * as the source range (port {@code n} of one maps to port {@code n} of the other); a rule is not
 * both revoked and already added.
 *
 * @param srcIp the public IP
 * @param dstIp the VM's guest IP
 * @param sourceCidrs who may connect; empty means anyone
 */
public record PortForwardingRuleTO(
        IpAddress srcIp,
        Protocol protocol,
        PortRange srcPortRange,
        IpAddress dstIp,
        PortRange dstPortRange,
        boolean revoked,
        boolean alreadyAdded,
        List<Cidr> sourceCidrs) {

    public PortForwardingRuleTO {
        requireNonNull(srcIp, "srcIp is null");
        requireNonNull(protocol, "protocol is null");
        if (!protocol.hasPorts()) {
            throw new InvalidParameterException("protocol", "port forwarding is for tcp or udp", protocol.name());
        }
        requireNonNull(srcPortRange, "srcPortRange is null");
        requireNonNull(dstIp, "dstIp is null");
        TransferChecks.requireSameFamily("destination_ip_address", dstIp, srcIp, "source_ip_address");
        requireNonNull(dstPortRange, "dstPortRange is null");
        if (dstPortRange.end() - dstPortRange.start() != srcPortRange.end() - srcPortRange.start()) {
            throw new InvalidParameterException("destination_port_range",
                    "must be as wide as source_port_range " + srcPortRange, dstPortRange);
        }
        if (revoked && alreadyAdded) {
            throw new InvalidParameterException("already_added", "a revoked rule cannot also be already added");
        }
        sourceCidrs = TransferChecks.list(sourceCidrs, "sourceCidrs");
    }

    /** A new rule (neither revoked nor already added) open to anyone. */
    public static PortForwardingRuleTO of(IpAddress srcIp, Protocol protocol, PortRange srcPorts, IpAddress dstIp, PortRange dstPorts) {
        return new PortForwardingRuleTO(srcIp, protocol, srcPorts, dstIp, dstPorts, false, false, List.of());
    }

    /** This rule marked for removal. */
    public PortForwardingRuleTO revoke() {
        return new PortForwardingRuleTO(srcIp, protocol, srcPortRange, dstIp, dstPortRange, true, false, sourceCidrs);
    }

    /** This rule restricted to {@code cidrs}. */
    public PortForwardingRuleTO withSourceCidrs(List<Cidr> cidrs) {
        return new PortForwardingRuleTO(srcIp, protocol, srcPortRange, dstIp, dstPortRange, revoked, alreadyAdded, cidrs);
    }
}
