package org.vrouter.commands.to;

import static java.util.Objects.requireNonNull;
import static org.vrouter.commands.to.TransferChecks.optional;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.rule.Direction;
import org.vrouter.api.rule.Protocol;
import org.vrouter.api.validation.FieldChecks;

/**
 * One rule of a VPC tier's or private gateway's network ACL: CloudStack's {@code NetworkACLTO}, an
 * element of {@code SetNetworkACLCommand}; on the wire one element of {@code ingress_rules} or
 * {@code egress_rules} in {@code network_acl.json} (by {@link #trafficType()}), ordered by
 * {@link #number()}.
 *
 * <p>Invariants: ports only for TCP and UDP (absent = all ports, {@code 0:0} on the wire); ICMP
 * type and code only for ICMP (-1 = any). An empty CIDR list means everyone: the codec writes
 * CloudStack's default {@code 0.0.0.0/0,::/0}.
 *
 * @param number the rule's position in the ACL, at least 1; lower numbers match first
 * @param protocol a name or an IP protocol number 0-255: the second field of the rule string; in
 *     {@code network_acl.json} the rule {@code type} (a number becomes {@code "type":"protocol"}
 *     with {@code "protocol": n})
 * @param revoked the rule is being removed (the rule string becomes {@code <traffic>;reverted;0;0;0;})
 */
public record NetworkACLTO(
        int number,
        Protocol protocol,
        Optional<PortRange> portRange,
        OptionalInt icmpType,
        OptionalInt icmpCode,
        List<Cidr> cidrs,
        Direction trafficType,
        AclAction action,
        boolean revoked) {

    public NetworkACLTO {
        FieldChecks.requireRange("number", number, 1, Integer.MAX_VALUE);
        requireNonNull(protocol, "protocol is null");
        optional(portRange, "portRange").ifPresent(ports -> protocol.requirePortsAllowed("port_range", ports));
        TransferChecks.requireIcmp(protocol, icmpType, icmpCode);
        cidrs = TransferChecks.list(cidrs, "cidrs");
        requireNonNull(trafficType, "trafficType is null");
        requireNonNull(action, "action is null");
    }

    public static Builder builder(int number, Protocol protocol, Direction trafficType, AclAction action) {
        return new Builder(number, protocol, trafficType, action);
    }

    /** Collects a rule's fields; {@link #build()} validates them. */
    public static final class Builder {
        private final int number;
        private final Protocol protocol;
        private final Direction trafficType;
        private final AclAction action;
        private PortRange portRange;
        private OptionalInt icmpType = OptionalInt.empty();
        private OptionalInt icmpCode = OptionalInt.empty();
        private final List<Cidr> cidrs = new ArrayList<>();
        private boolean revoked;

        private Builder(int number, Protocol protocol, Direction trafficType, AclAction action) {
            this.number = number;
            this.protocol = requireNonNull(protocol, "protocol is null");
            this.trafficType = requireNonNull(trafficType, "trafficType is null");
            this.action = requireNonNull(action, "action is null");
        }

        public Builder ports(PortRange ports) {
            this.portRange = requireNonNull(ports, "ports is null");
            return this;
        }

        public Builder icmp(int type, int code) {
            this.icmpType = OptionalInt.of(type);
            this.icmpCode = OptionalInt.of(code);
            return this;
        }

        public Builder cidrs(List<Cidr> values) {
            cidrs.addAll(values);
            return this;
        }

        public Builder revoked(boolean revoked) {
            this.revoked = revoked;
            return this;
        }

        public NetworkACLTO build() {
            return new NetworkACLTO(number, protocol, Optional.ofNullable(portRange), icmpType, icmpCode, cidrs,
                    trafficType, action, revoked);
        }
    }
}
