package org.vrouter.router.databag;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.Set;

import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.PortRange;
import org.vrouter.commands.wire.payload.CidrList;
import org.vrouter.commands.wire.payload.ForwardingRule;

/**
 * A port forward in the {@code forwardingrules} bag ({@code type: forward}): {@code protocol} traffic to
 * {@code public_ip:public_ports} goes to {@code internal_ip:internal_ports}. Identified within its address
 * by public ports and protocol.
 *
 * @param sourceCidrList the sources allowed, newer VPC releases only
 */
public record PortForwardEntry(
        IpAddress publicIp,
        IpAddress internalIp,
        PortRange publicPorts,
        PortRange internalPorts,
        String protocol,
        Optional<CidrList> sourceCidrList) implements ForwardingEntry {

    public static final String TYPE = "forward";
    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp");

    public PortForwardEntry {
        requireNonNull(publicIp, "publicIp is null");
        requireNonNull(internalIp, "internalIp is null");
        requireNonNull(publicPorts, "publicPorts is null");
        requireNonNull(internalPorts, "internalPorts is null");
        requireNonNull(protocol, "protocol is null");
        requireNonNull(sourceCidrList, "sourceCidrList is null");
        if (!PROTOCOLS.contains(protocol)) {
            throw new IllegalArgumentException("port forward protocol must be tcp or udp: " + protocol);
        }
    }

    public static PortForwardEntry of(ForwardingRule rule) {
        return new PortForwardEntry(rule.sourceIpAddress(), rule.destinationIpAddress(), rule.sourcePortRange(),
                rule.destinationPortRange(), rule.protocol(), rule.sourceCidrList());
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** CloudStack's identity of a forward within its address: same public ports and protocol. */
    public boolean sameSlot(PortForwardEntry other) {
        return publicIp.equals(other.publicIp) && publicPorts.equals(other.publicPorts) && protocol.equals(other.protocol);
    }
}
