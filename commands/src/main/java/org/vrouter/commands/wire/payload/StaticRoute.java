package org.vrouter.commands.wire.payload;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;

/**
 * One route of a {@link StaticRoutesPayload}.
 *
 * @param revoke true unless the route is active or being added
 * @param ipAddress the private-gateway address the route belongs to
 * @param gateway the next hop
 * @param network the destination, a network address ({@code 192.168.50.0/24}; host bits are rejected)
 */
public record StaticRoute(
        @JsonProperty("revoke") boolean revoke,
        @JsonProperty("ip_address") IpAddress ipAddress,
        @JsonProperty("gateway") IpAddress gateway,
        @JsonProperty("network") Cidr network) {

    public StaticRoute {
        WireChecks.required("ip_address", ipAddress);
        WireChecks.required("gateway", gateway);
        WireChecks.required("network", network);
        network.requireNetworkAddress("network");
    }
}
