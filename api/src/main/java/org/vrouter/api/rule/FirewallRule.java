package org.vrouter.api.rule;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.validation.FieldChecks;
import org.vrouter.api.validation.WireNames;

/**
 * A firewall rule of an isolated network: ingress rules open a port range on one public address,
 * egress rules allow (or, under an allow-by-default offering, deny) traffic leaving the guest
 * network.
 *
 * <p>Validated at construction: the protocol is tcp, udp, icmp or all; ports only with tcp/udp;
 * ICMP type and code only with icmp; ingress rules name a public IP and egress rules do not. An
 * empty CIDR list means any address. Build one with {@link #ingress} or {@link #egress}.
 *
 * @param id the rule's database id (the router keys its firewall bag by it)
 * @param ports the port range, empty for all ports
 * @param publicIp the public address an ingress rule opens ({@code src_ip})
 * @param type {@link Type#SYSTEM} for the rule the management side synthesises from the offering's default egress policy
 */
public record FirewallRule(
        long id,
        Direction direction,
        Protocol protocol,
        Optional<PortRange> ports,
        Optional<Icmp> icmp,
        List<Cidr> sourceCidrs,
        List<Cidr> destinationCidrs,
        Optional<IpAddress> publicIp,
        RuleState state,
        Purpose purpose,
        Type type,
        long networkId) {

    /** Whether a user created the rule or the system did (CloudStack's {@code FirewallRuleType}); the firewall TO carries it too. */
    public enum Type {
        USER("User"),
        SYSTEM("System");

        private final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }

        /** CloudStack's enum name, as on the wire. */
        public String wireName() {
            return wireName;
        }

        /** Looks up a wire name, ignoring case. */
        public static Type fromWireName(String field, String name) {
            return WireNames.fromWireName(field, name, values(), Type::wireName);
        }
    }

    public FirewallRule {
        FieldChecks.requireNonNegative("id", id);
        requireNonNull(direction, "direction is null");
        requireNonNull(protocol, "protocol is null");
        protocol.requireOneOf("protocol", Protocol.TCP, Protocol.UDP, Protocol.ICMP, Protocol.ALL);
        RuleChecks.requirePortsAndIcmpMatchProtocol(protocol, ports, "src_port_range", icmp);
        sourceCidrs = RuleChecks.copyCidrs("source_cidr_list", sourceCidrs);
        destinationCidrs = RuleChecks.copyCidrs("dest_cidr_list", destinationCidrs);
        requireNonNull(publicIp, "publicIp is null");
        requireNonNull(state, "state is null");
        requireNonNull(purpose, "purpose is null");
        requireNonNull(type, "type is null");
        FieldChecks.requirePositive("network_id", networkId);
        if (direction == Direction.INGRESS && publicIp.isEmpty()) {
            throw new InvalidParameterException("src_ip", "is missing for an ingress rule");
        }
        if (direction == Direction.EGRESS && publicIp.isPresent()) {
            throw new InvalidParameterException("src_ip", "egress rules have no public IP", publicIp.get());
        }
    }

    /** Starts an ingress rule opening {@code protocol} on {@code publicIp}. */
    public static Builder ingress(long id, long networkId, IpAddress publicIp, Protocol protocol) {
        return new Builder(id, networkId, Direction.INGRESS, protocol).publicIp(publicIp);
    }

    /** Starts an egress rule for {@code protocol}. */
    public static Builder egress(long id, long networkId, Protocol protocol) {
        return new Builder(id, networkId, Direction.EGRESS, protocol);
    }

    /** A builder holding every component of this rule, to change some of them. */
    public Builder toBuilder() {
        Builder builder = new Builder(id, networkId, direction, protocol);
        builder.ports = ports;
        builder.icmp = icmp;
        builder.sourceCidrs = sourceCidrs;
        builder.destinationCidrs = destinationCidrs;
        builder.publicIp = publicIp;
        builder.state = state;
        builder.purpose = purpose;
        builder.type = type;
        return builder;
    }

    /** Collects the components of a {@link FirewallRule}; {@link #build()} validates them. Defaults: Add, Firewall, User, any CIDR. */
    public static final class Builder {
        private final long id;
        private final long networkId;
        private final Direction direction;
        private final Protocol protocol;
        private Optional<PortRange> ports = Optional.empty();
        private Optional<Icmp> icmp = Optional.empty();
        private List<Cidr> sourceCidrs = List.of();
        private List<Cidr> destinationCidrs = List.of();
        private Optional<IpAddress> publicIp = Optional.empty();
        private RuleState state = RuleState.ADD;
        private Purpose purpose = Purpose.FIREWALL;
        private Type type = Type.USER;

        private Builder(long id, long networkId, Direction direction, Protocol protocol) {
            this.id = id;
            this.networkId = networkId;
            this.direction = direction;
            this.protocol = protocol;
        }

        public Builder ports(PortRange ports) {
            this.ports = Optional.of(ports);
            return this;
        }

        public Builder icmp(Icmp icmp) {
            this.icmp = Optional.of(icmp);
            return this;
        }

        public Builder sourceCidrs(List<Cidr> cidrs) {
            this.sourceCidrs = cidrs;
            return this;
        }

        public Builder destinationCidrs(List<Cidr> cidrs) {
            this.destinationCidrs = cidrs;
            return this;
        }

        private Builder publicIp(IpAddress address) {
            this.publicIp = Optional.of(address);
            return this;
        }

        public Builder state(RuleState state) {
            this.state = state;
            return this;
        }

        public Builder purpose(Purpose purpose) {
            this.purpose = purpose;
            return this;
        }

        public Builder type(Type type) {
            this.type = type;
            return this;
        }

        public FirewallRule build() {
            return new FirewallRule(id, direction, protocol, ports, icmp, sourceCidrs, destinationCidrs, publicIp, state, purpose, type,
                    networkId);
        }
    }
}
