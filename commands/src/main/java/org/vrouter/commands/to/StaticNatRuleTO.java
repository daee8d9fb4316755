package org.vrouter.commands.to;

import static java.util.Objects.requireNonNull;
import static org.vrouter.commands.to.TransferChecks.optional;

import java.util.Optional;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.rule.Protocol;

/**
 * One static-NAT rule: CloudStack's {@code StaticNatRuleTO}, an element of
 * {@code SetStaticNatRulesCommand}; on the wire one element of {@code rules} in
 * {@code staticnat_rules.json} ({@code revoke}, {@code protocol} (absent for one-to-one NAT),
 * {@code source_ip_address}, {@code source_port_range} ({@code "0:0"} for one-to-one NAT),
 * {@code destination_ip_address}, {@code should_apply_cross_network_snat}).
 *
 * <p>A one-to-one rule maps every port of the public IP to the VM; a protocol rule maps one TCP or
 * UDP port range. Protocol and ports come together.
 *
 * @param publicIp the public IP ({@code source_ip_address})
 * @param vmIp the VM's guest IP ({@code destination_ip_address})
 * @param crossNetworkSnat also source-NAT the VM's traffic to other networks of the VPC
 */
public record StaticNatRuleTO(
        IpAddress publicIp,
        IpAddress vmIp,
        Optional<Protocol> protocol,
        Optional<PortRange> ports,
        boolean revoked,
        boolean crossNetworkSnat) {

    public StaticNatRuleTO {
        requireNonNull(publicIp, "publicIp is null");
        requireNonNull(vmIp, "vmIp is null");
        TransferChecks.requireSameFamily("destination_ip_address", vmIp, publicIp, "source_ip_address");
        optional(protocol, "protocol");
        optional(ports, "ports");
        if (protocol.isPresent() != ports.isPresent()) {
            throw new InvalidParameterException(protocol.isPresent() ? "source_port_range" : "protocol",
                    "a protocol static NAT rule needs both a protocol and a port range");
        }
        protocol.filter(value -> !value.hasPorts()).ifPresent(value -> {
            throw new InvalidParameterException("protocol", "static NAT by protocol is for tcp or udp", value.name());
        });
    }

    /** Every port of {@code publicIp} to {@code vmIp}. */
    public static StaticNatRuleTO oneToOne(IpAddress publicIp, IpAddress vmIp) {
        return new StaticNatRuleTO(publicIp, vmIp, Optional.empty(), Optional.empty(), false, false);
    }

    /** Ports {@code ports} of {@code protocol} on {@code publicIp} to the same ports of {@code vmIp}. */
    public static StaticNatRuleTO forPorts(IpAddress publicIp, IpAddress vmIp, Protocol protocol, PortRange ports) {
        return new StaticNatRuleTO(publicIp, vmIp, Optional.of(protocol), Optional.of(ports), false, false);
    }

    public boolean isOneToOne() {
        return protocol.isEmpty();
    }

    /** This rule marked for removal. */
    public StaticNatRuleTO revoke() {
        return new StaticNatRuleTO(publicIp, vmIp, protocol, ports, true, crossNetworkSnat);
    }

    public StaticNatRuleTO withCrossNetworkSnat(boolean apply) {
        return new StaticNatRuleTO(publicIp, vmIp, protocol, ports, revoked, apply);
    }

    /** The wire's {@code source_port_range}: {@code start:end}, {@code 0:0} for one-to-one NAT. */
    public String portRangeColonForm() {
        return ports.map(PortRange::toColonForm).orElse("0:0");
    }
}
