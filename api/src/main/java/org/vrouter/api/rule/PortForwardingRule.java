package org.vrouter.api.rule;

import static java.util.Objects.requireNonNull;

import java.util.List;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.validation.FieldChecks;

/**
 * Forwards a port range of a public address to a VM's address (DNAT).
 *
 * <p>Validated at construction: the protocol is tcp or udp; both addresses are IPv4; the public
 * and private ranges have the same size, since each public port maps to one private port. An empty
 * source CIDR list means any source.
 *
 * @param publicPorts {@code source_port_range} on the wire
 * @param vmIp {@code destination_ip_address}
 * @param privatePorts {@code destination_port_range}
 */
public record PortForwardingRule(
        long id,
        IpAddress publicIp,
        PortRange publicPorts,
        IpAddress vmIp,
        PortRange privatePorts,
        Protocol protocol,
        List<Cidr> sourceCidrs,
        RuleState state,
        long networkId) {

    public PortForwardingRule {
        FieldChecks.requireNonNegative("id", id);
        requireNonNull(publicIp, "publicIp is null");
        requireNonNull(publicPorts, "publicPorts is null");
        requireNonNull(vmIp, "vmIp is null");
        requireNonNull(privatePorts, "privatePorts is null");
        requireNonNull(protocol, "protocol is null");
        protocol.requireOneOf("protocol", Protocol.TCP, Protocol.UDP);
        sourceCidrs = RuleChecks.copyCidrs("source_cidr_list", sourceCidrs);
        requireNonNull(state, "state is null");
        FieldChecks.requirePositive("network_id", networkId);
        publicIp.requireIpv4("source_ip_address");
        vmIp.requireIpv4("destination_ip_address");
        if (publicPorts.end() - publicPorts.start() != privatePorts.end() - privatePorts.start()) {
            throw new InvalidParameterException("destination_port_range",
                    "must be the same size as source_port_range " + publicPorts, privatePorts);
        }
    }

    /** A rule in state Add forwarding from any source. */
    public static PortForwardingRule of(long id, long networkId, IpAddress publicIp, PortRange publicPorts, IpAddress vmIp,
            PortRange privatePorts, Protocol protocol) {
        return new PortForwardingRule(id, publicIp, publicPorts, vmIp, privatePorts, protocol, List.of(), RuleState.ADD, networkId);
    }

    /** The same rule in another state. */
    public PortForwardingRule withState(RuleState newState) {
        return new PortForwardingRule(id, publicIp, publicPorts, vmIp, privatePorts, protocol, sourceCidrs, newState, networkId);
    }
}
