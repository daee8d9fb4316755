package org.vrouter.api.route;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.validation.FieldChecks;
import org.vrouter.api.validation.WireNames;

/**
 * A VPC static route: traffic for {@code network} goes to {@code nextHop} through the private
 * gateway whose address is {@code gatewayIp}.
 *
 * <p>Validated at construction: {@code network} is a network CIDR (no host bits) and all three
 * addresses are of one family.
 *
 * @param network the destination network ({@code network} on the wire)
 * @param nextHop the next-hop router ({@code gateway} on the wire)
 * @param gatewayIp the private gateway's address the route belongs to ({@code ip_address} on the wire)
 */
public record StaticRoute(long id, Cidr network, IpAddress nextHop, IpAddress gatewayIp, State state, long vpcId) {

    /** Where the route is in its life (CloudStack's {@code StaticRoute.State}). */
    public enum State {
        STAGED("Staged"),
        ADD("Add"),
        ACTIVE("Active"),
        REVOKE("Revoke");

        private final String wireName;

        State(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        /** Looks up a wire name, ignoring case. */
        public static State fromWireName(String field, String name) {
            return WireNames.fromWireName(field, name, values(), State::wireName);
        }
    }

    public StaticRoute {
        FieldChecks.requireNonNegative("id", id);
        requireNonNull(network, "network is null");
        requireNonNull(nextHop, "nextHop is null");
        requireNonNull(gatewayIp, "gatewayIp is null");
        requireNonNull(state, "state is null");
        FieldChecks.requirePositive("vpc_id", vpcId);
        network.requireNetworkAddress("network");
        if (nextHop.isIpv4() != network.isIpv4()) {
            throw new InvalidParameterException("gateway", "next hop is not of the family of network " + network, nextHop);
        }
        if (gatewayIp.isIpv4() != network.isIpv4()) {
            throw new InvalidParameterException("ip_address", "private gateway address is not of the family of network " + network, gatewayIp);
        }
    }

    /** Whether routers must remove the route: every state but Add and Active ({@code revoke} on the wire). */
    public boolean isRevoked() {
        return state != State.ADD && state != State.ACTIVE;
    }
}
