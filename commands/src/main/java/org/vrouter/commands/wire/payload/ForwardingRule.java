package org.vrouter.commands.wire.payload;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.PortRange;

/**
 * One port-forwarding rule of a {@link ForwardingRulesPayload}: traffic to
 * {@code source_ip_address:source_port_range} goes to {@code destination_ip_address:destination_port_range}.
 * Port ranges travel as {@code "start:end"}.
 *
 * @param revoke true: remove the rule
 * @param protocol {@code tcp} or {@code udp} (any case on input, lower case on the wire)
 * @param sourceCidrList allowed source CIDRs, newer VPC releases only
 */
public record ForwardingRule(
        @JsonProperty("revoke") boolean revoke,
        @JsonProperty("protocol") String protocol,
        @JsonProperty("source_ip_address") IpAddress sourceIpAddress,
        @JsonProperty("source_port_range") PortRange sourcePortRange,
        @JsonProperty("destination_ip_address") IpAddress destinationIpAddress,
        @JsonProperty("destination_port_range") PortRange destinationPortRange,
        @JsonProperty("source_cidr_list") Optional<CidrList> sourceCidrList) {

    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp");

    public ForwardingRule {
        protocol = WireChecks.protocol("protocol", protocol, PROTOCOLS);
        WireChecks.required("source_ip_address", sourceIpAddress);
        WireChecks.required("source_port_range", sourcePortRange);
        WireChecks.required("destination_ip_address", destinationIpAddress);
        WireChecks.required("destination_port_range", destinationPortRange);
        requireNonNull(sourceCidrList, "sourceCidrList is null");
    }

    /** A rule without a source CIDR restriction. */
    public static ForwardingRule of(boolean revoke, String protocol, IpAddress sourceIpAddress, PortRange sourcePortRange,
            IpAddress destinationIpAddress, PortRange destinationPortRange) {
        return new ForwardingRule(revoke, protocol, sourceIpAddress, sourcePortRange, destinationIpAddress, destinationPortRange,
                Optional.empty());
    }
}
