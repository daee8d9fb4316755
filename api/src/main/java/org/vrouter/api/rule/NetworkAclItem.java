package org.vrouter.api.rule;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.validation.FieldChecks;
import org.vrouter.api.validation.WireNames;

/**
 * One entry of a VPC network ACL, applied to a tier or private gateway in ascending
 * {@code number} order.
 *
 * <p>Validated at construction: any named protocol or protocol number; ports only with tcp/udp;
 * ICMP type and code only with icmp. An empty CIDR list means any address ({@code 0.0.0.0/0,::/0}
 * on the wire).
 *
 * @param number the item's position in the ACL, 1 or more
 * @param ports the port range, empty for all ports
 */
public record NetworkAclItem(
        long id,
        int number,
        Action action,
        Direction direction,
        Protocol protocol,
        Optional<PortRange> ports,
        Optional<Icmp> icmp,
        List<Cidr> cidrs,
        RuleState state) {

    /** What the item does with matching traffic ({@code ACCEPT}/{@code DROP} on the router). */
    public enum Action {
        ALLOW("Allow"),
        DENY("Deny");

        private final String wireName;

        Action(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        /** Looks up a wire name, ignoring case. */
        public static Action fromWireName(String field, String name) {
            return WireNames.fromWireName(field, name, values(), Action::wireName);
        }
    }

    public NetworkAclItem {
        FieldChecks.requireNonNegative("id", id);
        FieldChecks.requireRange("number", number, 1, Integer.MAX_VALUE);
        requireNonNull(action, "action is null");
        requireNonNull(direction, "direction is null");
        requireNonNull(protocol, "protocol is null");
        RuleChecks.requirePortsAndIcmpMatchProtocol(protocol, ports, "port_range", icmp);
        cidrs = RuleChecks.copyCidrs("cidr_list", cidrs);
        requireNonNull(state, "state is null");
    }

    /** An item in state Add with no ports, ICMP filter or CIDRs (matches any address). */
    public static NetworkAclItem of(long id, int number, Action action, Direction direction, Protocol protocol) {
        return new NetworkAclItem(id, number, action, direction, protocol, Optional.empty(), Optional.empty(), List.of(), RuleState.ADD);
    }

    /** The same item matching {@code newPorts}. */
    public NetworkAclItem withPorts(PortRange newPorts) {
        return new NetworkAclItem(id, number, action, direction, protocol, Optional.of(newPorts), icmp, cidrs, state);
    }

    /** The same item matching {@code newCidrs}. */
    public NetworkAclItem withCidrs(List<Cidr> newCidrs) {
        return new NetworkAclItem(id, number, action, direction, protocol, ports, icmp, newCidrs, state);
    }

    /** The same item in another state. */
    public NetworkAclItem withState(RuleState newState) {
        return new NetworkAclItem(id, number, action, direction, protocol, ports, icmp, cidrs, newState);
    }
}
