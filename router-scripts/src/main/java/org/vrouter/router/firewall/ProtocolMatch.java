package org.vrouter.router.firewall;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.rule.Icmp;
import org.vrouter.api.rule.Protocol;

/**
 * What traffic a firewall rule of an isolated router matches: {@code tcp} or {@code udp} with an
 * optional destination port range ({@code src_port_range} on the wire; no range = every port),
 * {@code icmp} with a type and code ({@code -1} = any), or {@code all}.
 */
public record ProtocolMatch(Protocol protocol, Optional<PortRange> ports, Icmp icmp) {
    private static final ProtocolMatch ALL = new ProtocolMatch(Protocol.ALL, Optional.empty(), Icmp.any());

    public ProtocolMatch {
        requireNonNull(protocol, "protocol is null");
        requireNonNull(ports, "ports is null");
        requireNonNull(icmp, "icmp is null");
        protocol.requireOneOf("protocol", Protocol.TCP, Protocol.UDP, Protocol.ICMP, Protocol.ALL);
        if (ports.isPresent() && !protocol.hasPorts()) {
            throw new InvalidParameterException("src_port_range", "only tcp and udp rules have ports, not " + protocol,
                    ports.get());
        }
        if (!icmp.isAny() && !protocol.equals(Protocol.ICMP)) {
            throw new InvalidParameterException("icmp_type", "only icmp rules have an ICMP type, not " + protocol,
                    icmp.type() + "/" + icmp.code());
        }
    }

    /** A tcp or udp rule for a port range. */
    public static ProtocolMatch ports(Protocol protocol, PortRange ports) {
        return new ProtocolMatch(protocol, Optional.of(requireNonNull(ports, "ports is null")), Icmp.any());
    }

    /** A tcp or udp rule for every port. */
    public static ProtocolMatch allPorts(Protocol protocol) {
        return new ProtocolMatch(protocol, Optional.empty(), Icmp.any());
    }

    public static ProtocolMatch icmp(Icmp icmp) {
        return new ProtocolMatch(Protocol.ICMP, Optional.empty(), icmp);
    }

    /** Every protocol. */
    public static ProtocolMatch all() {
        return ALL;
    }

    /** Adds {@code -p} and the port or ICMP match to a rule, as iptables-save writes them. */
    public void addTo(RuleLine rule) {
        if (protocol.equals(Protocol.ALL)) {
            return;
        }
        if (ports.isPresent()) {
            rule.ports(protocol.name(), ports.get());
            return;
        }
        rule.protocol(protocol.name());
        if (protocol.equals(Protocol.ICMP) && icmp.type() != -1) {
            rule.match("-m icmp --icmp-type " + (icmp.code() == -1 ? icmp.type() : icmp.type() + "/" + icmp.code()));
        }
    }
}
