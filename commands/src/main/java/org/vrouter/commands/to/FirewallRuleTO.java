package org.vrouter.commands.to;

import static java.util.Objects.requireNonNull;
import static org.vrouter.commands.to.TransferChecks.optional;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.rule.Direction;
import org.vrouter.api.rule.FirewallRule;
import org.vrouter.api.rule.Protocol;
import org.vrouter.api.rule.Purpose;
import org.vrouter.api.validation.FieldChecks;

/**
 * One firewall rule of an isolated network: CloudStack's {@code FirewallRuleTO}, an element of
 * {@code SetFirewallRulesCommand} / {@code SetIpv6FirewallRulesCommand}; on the wire one element of
 * {@code rules} in {@code firewall_rules.json} ({@code id}, {@code src_vlan_tag}, {@code src_ip},
 * {@code protocol}, {@code src_port_range}, {@code revoked}, {@code already_added},
 * {@code source_cidr_list}, {@code dest_cidr_list}, {@code purpose}, {@code icmp_type},
 * {@code icmp_code}, {@code traffic_type}, {@code guest_cidr}, {@code default_egress_policy},
 * {@code type}).
 *
 * <p>Invariants: the protocol is tcp, udp, icmp or all (no protocol numbers); ports only for TCP
 * and UDP; ICMP type and code only for ICMP (-1 = any); an ingress {@link Purpose#FIREWALL} rule
 * names the public IP it guards, an egress rule has no source IP (the wire carries {@code ""}); a
 * rule is not both revoked and already added.
 *
 * @param id the rule's database id; the router keys its bag by it
 * @param revoked the rule is being removed (CloudStack state Revoke)
 * @param alreadyAdded the rule is already on the router (state Active)
 * @param defaultEgressPolicy the network offering's default egress policy is allow
 */
public record FirewallRuleTO(
        long id,
        Optional<String> srcVlanTag,
        Optional<IpAddress> srcIp,
        Protocol protocol,
        Optional<PortRange> srcPortRange,
        boolean revoked,
        boolean alreadyAdded,
        List<Cidr> sourceCidrs,
        List<Cidr> destCidrs,
        Purpose purpose,
        OptionalInt icmpType,
        OptionalInt icmpCode,
        Direction trafficType,
        Optional<Cidr> guestCidr,
        boolean defaultEgressPolicy,
        FirewallRule.Type type) {

    public FirewallRuleTO {
        FieldChecks.requireNonNegative("id", id);
        optional(srcVlanTag, "srcVlanTag").ifPresent(tag -> FieldChecks.requireIdentifier("src_vlan_tag", tag));
        optional(srcIp, "srcIp");
        requireNonNull(protocol, "protocol is null").requireOneOf("protocol", Protocol.TCP, Protocol.UDP, Protocol.ICMP, Protocol.ALL);
        optional(srcPortRange, "srcPortRange").ifPresent(ports -> protocol.requirePortsAllowed("src_port_range", ports));
        if (revoked && alreadyAdded) {
            throw new InvalidParameterException("already_added", "a revoked rule cannot also be already added");
        }
        sourceCidrs = TransferChecks.list(sourceCidrs, "sourceCidrs");
        destCidrs = TransferChecks.list(destCidrs, "destCidrs");
        requireNonNull(purpose, "purpose is null");
        TransferChecks.requireIcmp(protocol, icmpType, icmpCode);
        requireNonNull(trafficType, "trafficType is null");
        optional(guestCidr, "guestCidr").ifPresent(cidr -> cidr.requireNetworkAddress("guest_cidr"));
        requireNonNull(type, "type is null");
        if (trafficType == Direction.EGRESS && srcIp.isPresent()) {
            throw new InvalidParameterException("src_ip", "an egress rule has no source IP", srcIp.get());
        }
        if (trafficType == Direction.INGRESS && purpose == Purpose.FIREWALL && srcIp.isEmpty()) {
            throw new InvalidParameterException("src_ip", "an ingress firewall rule needs the public IP it applies to");
        }
    }

    /** Starts an ingress rule on public IP {@code srcIp}, purpose {@link Purpose#FIREWALL}. */
    public static Builder ingress(long id, IpAddress srcIp, Protocol protocol) {
        Builder builder = new Builder(id, protocol, Direction.INGRESS);
        builder.srcIp = requireNonNull(srcIp, "srcIp is null");
        return builder;
    }

    /** Starts an egress rule (no source IP), purpose {@link Purpose#FIREWALL}. */
    public static Builder egress(long id, Protocol protocol) {
        return new Builder(id, protocol, Direction.EGRESS);
    }

    /**
     * CloudStack's {@code getStringSrcPortRange()}: {@code start:end}, or {@code 0:0} for a rule
     * without ports.
     */
    public String srcPortRangeColonForm() {
        return srcPortRange.map(PortRange::toColonForm).orElse("0:0");
    }

    /** Collects a rule's fields; {@link #build()} validates them. */
    public static final class Builder {
        private final long id;
        private final Protocol protocol;
        private final Direction trafficType;
        private IpAddress srcIp;
        private String srcVlanTag;
        private PortRange srcPortRange;
        private boolean revoked;
        private boolean alreadyAdded;
        private final List<Cidr> sourceCidrs = new ArrayList<>();
        private final List<Cidr> destCidrs = new ArrayList<>();
        private Purpose purpose = Purpose.FIREWALL;
        private OptionalInt icmpType = OptionalInt.empty();
        private OptionalInt icmpCode = OptionalInt.empty();
        private Cidr guestCidr;
        private boolean defaultEgressPolicy;
        private FirewallRule.Type type = FirewallRule.Type.USER;

        private Builder(long id, Protocol protocol, Direction trafficType) {
            this.id = id;
            this.protocol = requireNonNull(protocol, "protocol is null");
            this.trafficType = trafficType;
        }

        public Builder srcVlanTag(String tag) {
            this.srcVlanTag = requireNonNull(tag, "tag is null");
            return this;
        }

        public Builder ports(PortRange ports) {
            this.srcPortRange = requireNonNull(ports, "ports is null");
            return this;
        }

        public Builder icmp(int type, int code) {
            this.icmpType = OptionalInt.of(type);
            this.icmpCode = OptionalInt.of(code);
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

        public Builder sourceCidrs(List<Cidr> cidrs) {
            sourceCidrs.addAll(cidrs);
            return this;
        }

        public Builder destCidrs(List<Cidr> cidrs) {
            destCidrs.addAll(cidrs);
            return this;
        }

        public Builder purpose(Purpose purpose) {
            this.purpose = requireNonNull(purpose, "purpose is null");
            return this;
        }

        public Builder guestCidr(Cidr cidr) {
            this.guestCidr = requireNonNull(cidr, "cidr is null");
            return this;
        }

        public Builder defaultEgressPolicy(boolean allow) {
            this.defaultEgressPolicy = allow;
            return this;
        }

        public Builder type(FirewallRule.Type type) {
            this.type = requireNonNull(type, "type is null");
            return this;
        }

        public FirewallRuleTO build() {
            return new FirewallRuleTO(id, Optional.ofNullable(srcVlanTag), Optional.ofNullable(srcIp), protocol,
                    Optional.ofNullable(srcPortRange), revoked, alreadyAdded, sourceCidrs, destCidrs, purpose, icmpType,
                    icmpCode, trafficType, Optional.ofNullable(guestCidr), defaultEgressPolicy, type);
        }
    }
}
