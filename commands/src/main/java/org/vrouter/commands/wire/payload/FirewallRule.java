package org.vrouter.commands.wire.payload;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.validation.FieldChecks;

/**
 * One rule of a {@link FirewallRulesPayload} or {@link Ipv6FirewallRulesPayload} (CloudStack's
 * {@code FirewallRule} model).
 *
 * @param id the rule id; the router keys rules by it
 * @param srcVlanTag the public VLAN tag, when known
 * @param srcIp the public IP for ingress rules; the empty string for egress rules, as CloudStack sends it
 * @param protocol {@code tcp}, {@code udp}, {@code icmp} or {@code all} (any case on input, lower case on the wire)
 * @param srcPortRange 0, 1 or 2 ports: none = all ports, one = a single port, two = start and end;
 *     an empty list is not written (CloudStack omits a null array)
 * @param revoked true: remove the rule
 * @param purpose {@code Firewall} or {@code Ipv6Firewall} (other CloudStack purposes are accepted)
 * @param icmpType ICMP type, -1 = any
 * @param icmpCode ICMP code, -1 = any
 * @param trafficType {@code Ingress} or {@code Egress}; absent from CloudStack's basic constructors
 * @param defaultEgressPolicy the network offering allows egress by default
 * @param type {@code User} or {@code System}
 * @param guestIp6Cidr the guest IPv6 prefix, IPv6 firewall rules only
 */
public record FirewallRule(
        @JsonProperty("id") long id,
        @JsonProperty("src_vlan_tag") Optional<String> srcVlanTag,
        @JsonProperty("src_ip") String srcIp,
        @JsonProperty("protocol") String protocol,
        @JsonProperty("src_port_range") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Integer> srcPortRange,
        @JsonProperty("revoked") boolean revoked,
        @JsonProperty("already_added") boolean alreadyAdded,
        @JsonProperty("source_cidr_list") List<Cidr> sourceCidrList,
        @JsonProperty("dest_cidr_list") List<Cidr> destCidrList,
        @JsonProperty("purpose") String purpose,
        @JsonProperty("icmp_type") Optional<Integer> icmpType,
        @JsonProperty("icmp_code") Optional<Integer> icmpCode,
        @JsonProperty("traffic_type") Optional<String> trafficType,
        @JsonProperty("guest_cidr") Optional<Cidr> guestCidr,
        @JsonProperty("default_egress_policy") boolean defaultEgressPolicy,
        @JsonProperty("type") Optional<String> type,
        @JsonProperty("guest_ip6_cidr") Optional<Cidr> guestIp6Cidr) {

    public static final String INGRESS = "Ingress";
    public static final String EGRESS = "Egress";

    private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "icmp", "all");
    private static final Set<String> PURPOSES = Set.of("Firewall", "Ipv6Firewall", "PortForwarding", "StaticNat",
            "LoadBalancing", "Vpn", "NetworkACL");
    private static final Set<String> TRAFFIC_TYPES = Set.of(INGRESS, EGRESS);
    private static final Set<String> RULE_TYPES = Set.of("User", "System");

    public FirewallRule {
        FieldChecks.requireNonNegative("id", id);
        requireNonNull(srcVlanTag, "srcVlanTag is null");
        srcVlanTag.ifPresent(value -> WireChecks.safeToken("src_vlan_tag", value));
        WireChecks.required("src_ip", srcIp);
        srcIp = srcIp.isEmpty() ? "" : IpAddress.parse("src_ip", srcIp).value();
        protocol = WireChecks.protocol("protocol", protocol, PROTOCOLS);
        srcPortRange = portRange(WireChecks.list("src_port_range", srcPortRange));
        sourceCidrList = WireChecks.list("source_cidr_list", sourceCidrList);
        destCidrList = WireChecks.list("dest_cidr_list", destCidrList);
        WireChecks.oneOf("purpose", purpose, PURPOSES);
        requireNonNull(icmpType, "icmpType is null");
        requireNonNull(icmpCode, "icmpCode is null");
        icmpType.ifPresent(value -> WireChecks.icmp("icmp_type", value));
        icmpCode.ifPresent(value -> WireChecks.icmp("icmp_code", value));
        requireNonNull(trafficType, "trafficType is null");
        trafficType.ifPresent(value -> WireChecks.oneOf("traffic_type", value, TRAFFIC_TYPES));
        requireNonNull(guestCidr, "guestCidr is null");
        requireNonNull(type, "type is null");
        type.ifPresent(value -> WireChecks.oneOf("type", value, RULE_TYPES));
        requireNonNull(guestIp6Cidr, "guestIp6Cidr is null");
    }

    private static List<Integer> portRange(List<Integer> ports) {
        if (ports.size() > 2) {
            throw new InvalidParameterException("src_port_range", "has more than 2 ports", ports);
        }
        for (int port : ports) {
            FieldChecks.requirePort("src_port_range", port);
        }
        if (ports.size() == 2 && ports.get(0) > ports.get(1)) {
            throw new InvalidParameterException("src_port_range", "start port is after end port", ports);
        }
        return ports;
    }

    /** The public IP of an ingress rule; empty for egress rules. */
    public Optional<IpAddress> sourceIp() {
        return srcIp.isEmpty() ? Optional.empty() : Optional.of(IpAddress.parse("src_ip", srcIp));
    }

    /** The matched ports; empty means all ports. */
    public Optional<PortRange> ports() {
        return switch (srcPortRange.size()) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(PortRange.of(srcPortRange.get(0)));
            default -> Optional.of(PortRange.of(srcPortRange.get(0), srcPortRange.get(1)));
        };
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link FirewallRule}; {@link #build()} runs the record's validation. */
    public static final class Builder {
        private long id;
        private String srcVlanTag;
        private String srcIp = "";
        private String protocol;
        private List<Integer> srcPortRange = List.of();
        private boolean revoked;
        private boolean alreadyAdded;
        private List<Cidr> sourceCidrList = List.of();
        private List<Cidr> destCidrList = List.of();
        private String purpose = "Firewall";
        private Integer icmpType;
        private Integer icmpCode;
        private String trafficType;
        private Cidr guestCidr;
        private boolean defaultEgressPolicy;
        private String type;
        private Cidr guestIp6Cidr;

        private Builder() {}

        public Builder id(long id) {
            this.id = id;
            return this;
        }

        public Builder srcVlanTag(String srcVlanTag) {
            this.srcVlanTag = srcVlanTag;
            return this;
        }

        /** The public IP of an ingress rule (egress rules leave it empty). */
        public Builder srcIp(IpAddress srcIp) {
            this.srcIp = srcIp.value();
            return this;
        }

        public Builder protocol(String protocol) {
            this.protocol = protocol;
            return this;
        }

        /** One port ({@code [22]}) or a start and end ({@code [22, 23]}). */
        public Builder srcPortRange(Integer... ports) {
            this.srcPortRange = new ArrayList<>(List.of(ports));
            return this;
        }

        public Builder revoked(boolean revoked) {
            this.revoked = revoked;
            return this;
        }

        public Builder alreadyAdded(boolean alreadyAdded) {
            this.alreadyAdded = alreadyAdded;
            return this;
        }

        public Builder sourceCidrList(List<Cidr> sourceCidrList) {
            this.sourceCidrList = sourceCidrList;
            return this;
        }

        public Builder destCidrList(List<Cidr> destCidrList) {
            this.destCidrList = destCidrList;
            return this;
        }

        public Builder purpose(String purpose) {
            this.purpose = purpose;
            return this;
        }

        public Builder icmp(int icmpType, int icmpCode) {
            this.icmpType = icmpType;
            this.icmpCode = icmpCode;
            return this;
        }

        /** {@link FirewallRule#INGRESS} or {@link FirewallRule#EGRESS}. */
        public Builder trafficType(String trafficType) {
            this.trafficType = trafficType;
            return this;
        }

        public Builder guestCidr(Cidr guestCidr) {
            this.guestCidr = guestCidr;
            return this;
        }

        public Builder defaultEgressPolicy(boolean defaultEgressPolicy) {
            this.defaultEgressPolicy = defaultEgressPolicy;
            return this;
        }

        public Builder type(String type) {
            this.type = type;
            return this;
        }

        public Builder guestIp6Cidr(Cidr guestIp6Cidr) {
            this.guestIp6Cidr = guestIp6Cidr;
            return this;
        }

        public FirewallRule build() {
            return new FirewallRule(id, Optional.ofNullable(srcVlanTag), srcIp, protocol, srcPortRange, revoked, alreadyAdded,
                    sourceCidrList, destCidrList, purpose, Optional.ofNullable(icmpType), Optional.ofNullable(icmpCode),
                    Optional.ofNullable(trafficType), Optional.ofNullable(guestCidr), defaultEgressPolicy, Optional.ofNullable(type),
                    Optional.ofNullable(guestIp6Cidr));
        }
    }
}
