package org.vrouter.router.address;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;

/**
 * A route the kernel holds outside its local table, of a type the router programs. A multipath
 * route shows neither gateway nor device.
 *
 * @param protocol who added it ({@code proto}): 2 is the kernel's own, {@link AddressApplier#PROTOCOL}
 *     the applier's
 */
public record KernelRoute(Cidr destination, RouteType type, Optional<IpAddress> gateway, Optional<String> device, int table,
        long metric, int protocol) {
    public KernelRoute {
        requireNonNull(destination, "destination is null");
        requireNonNull(type, "type is null");
        requireNonNull(gateway, "gateway is null");
        requireNonNull(device, "device is null");
    }

    /** The kernel's view of a desired route, as the applier adds it. */
    public static KernelRoute of(Route route) {
        return new KernelRoute(route.destination(), route.type(), route.gateway(), route.device(), route.table(),
                route.effectiveMetric(), AddressApplier.PROTOCOL);
    }

    /** Whether the applier added it, and may therefore delete it. */
    public boolean owned() {
        return protocol == AddressApplier.PROTOCOL;
    }

    RouteKey key() {
        return new RouteKey(destination, table, metric);
    }

    /** Whether this route is {@code desired} as it stands (whoever added it); a desired route without device accepts any. */
    boolean satisfies(Route desired) {
        return key().equals(desired.key()) && type == desired.type() && gateway.equals(desired.gateway())
                && (desired.device().isEmpty() || desired.device().equals(device));
    }

    @Override
    public String toString() {
        return (type == RouteType.UNICAST ? "" : type.keyword() + " ") + destination + gateway.map(address -> " via " + address).orElse("")
                + device.map(name -> " dev " + name).orElse("") + " table " + table + " metric " + metric + " proto " + protocol;
    }
}
