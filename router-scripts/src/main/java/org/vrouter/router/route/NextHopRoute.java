package org.vrouter.router.route;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;

/**
 * A static route whose next hop is on a network the router is connected to: what
 * {@link StaticRouteInputs} keeps of a {@code staticroutes} entry.
 *
 * @param destination a network address ({@code 192.168.50.0/24})
 * @param nextHop of the destination's family
 */
public record NextHopRoute(Cidr destination, IpAddress nextHop) {
    public NextHopRoute {
        requireNonNull(destination, "destination is null");
        requireNonNull(nextHop, "nextHop is null");
        destination.requireNetworkAddress("network");
        if (destination.isIpv4() != nextHop.isIpv4()) {
            throw new InvalidParameterException("gateway", "not of the family of " + destination, nextHop);
        }
    }

    @Override
    public String toString() {
        return destination + " via " + nextHop;
    }
}
