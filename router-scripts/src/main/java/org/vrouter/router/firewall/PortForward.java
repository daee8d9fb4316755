package org.vrouter.router.firewall;

import static java.util.Objects.requireNonNull;

import java.util.List;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.rule.Protocol;

/**
 * A port forward of an isolated router: connections to a public address and port range are sent to
 * a VM's port range (a {@code forwardingrules} databag entry of type {@code forward}). The public
 * range maps onto the VM range port by port, so both have the same length, or the VM side is one
 * port that takes the whole public range. Input to {@link IsolatedFirewallRenderer}.
 *
 * @param publicIp the public address ({@code public_ip})
 * @param protocol tcp or udp
 * @param publicPorts the public ports ({@code public_ports}, {@code "2222:2222"} on the wire)
 * @param vmIp the VM's guest address ({@code internal_ip})
 * @param vmPorts the VM's ports ({@code internal_ports})
 * @param sourceCidrs who may use the forward ({@code source_cidr_list}, newer releases); empty or
 *     {@code 0.0.0.0/0} = anyone
 */
public record PortForward(IpAddress publicIp, Protocol protocol, PortRange publicPorts, IpAddress vmIp, PortRange vmPorts,
        List<Cidr> sourceCidrs) {
    public PortForward {
        requireNonNull(publicIp, "publicIp is null");
        requireNonNull(protocol, "protocol is null");
        requireNonNull(publicPorts, "publicPorts is null");
        requireNonNull(vmIp, "vmIp is null");
        requireNonNull(vmPorts, "vmPorts is null");
        protocol.requireOneOf("protocol", Protocol.TCP, Protocol.UDP);
        if (!publicIp.isIpv4() || !vmIp.isIpv4()) {
            throw new InvalidParameterException(publicIp.isIpv4() ? "internal_ip" : "public_ip", "must be IPv4",
                    publicIp.isIpv4() ? vmIp : publicIp);
        }
        if (!vmPorts.isSinglePort() && length(vmPorts) != length(publicPorts)) {
            throw new InvalidParameterException("internal_ports", "must be one port or as many ports as public_ports ("
                    + publicPorts.toColonForm() + ")", vmPorts.toColonForm());
        }
        sourceCidrs = CidrLists.canonical("source_cidr_list", sourceCidrs);
    }

    /** A forward open to anyone. */
    public static PortForward of(IpAddress publicIp, Protocol protocol, PortRange publicPorts, IpAddress vmIp,
            PortRange vmPorts) {
        return new PortForward(publicIp, protocol, publicPorts, vmIp, vmPorts, List.of());
    }

    /** Whether this forward takes some port of {@code other}'s range on the same address and protocol. */
    boolean overlaps(PortForward other) {
        return publicIp.equals(other.publicIp) && protocol.equals(other.protocol)
                && publicPorts.start() <= other.publicPorts.end() && other.publicPorts.start() <= publicPorts.end();
    }

    /** Orders forwards by public address, protocol (tcp before udp) and first public port. */
    long sortKey() {
        return SortKeys.ipv4(publicIp) << 17 | (protocol.equals(Protocol.TCP) ? 0L : 1L) << 16 | publicPorts.start();
    }

    private static int length(PortRange range) {
        return range.end() - range.start() + 1;
    }
}
