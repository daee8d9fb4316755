package org.vrouter.commands.wire.payload;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.vrouter.api.net.IpAddress;

/**
 * One static NAT rule of a {@link StaticNatRulesPayload}: {@code source_ip_address} (public) maps to
 * {@code destination_ip_address}. A one-to-one NAT has no protocol and the port range {@code "0:0"}.
 *
 * @param protocol {@code tcp}, {@code udp}, {@code icmp} or {@code all}; absent for one-to-one NAT
 * @param shouldApplyCrossNetworkSnat newer releases only
 */
public record StaticNatRule(
        @JsonProperty("revoke") boolean revoke,
        @JsonProperty("protocol") Optional<String> protocol,
        @JsonProperty("source_ip_address") IpAddress sourceIpAddress,
        @JsonProperty("source_port_range") WirePortRange sourcePortRange,
        @JsonProperty("destination_ip_address") IpAddress destinationIpAddress,
        @JsonProperty("should_apply_cross_network_snat") Optional<Boolean> shouldApplyCrossNetworkSnat) {

    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "icmp", "all");

    public StaticNatRule {
        requireNonNull(protocol, "protocol is null");
        protocol = protocol.map(value -> WireChecks.protocol("protocol", value, PROTOCOLS));
        WireChecks.required("source_ip_address", sourceIpAddress);
        WireChecks.required("source_port_range", sourcePortRange);
        WireChecks.required("destination_ip_address", destinationIpAddress);
        requireNonNull(shouldApplyCrossNetworkSnat, "shouldApplyCrossNetworkSnat is null");
    }

    /** A one-to-one NAT: every protocol and port, {@code "0:0"}. */
    public static StaticNatRule oneToOne(boolean revoke, IpAddress publicIp, IpAddress internalIp) {
        return new StaticNatRule(revoke, Optional.empty(), publicIp, WirePortRange.ALL, internalIp, Optional.empty());
    }
}
