package org.vrouter.router.route;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.commands.wire.payload.GuestNetworkPayload;
import org.vrouter.commands.wire.payload.StaticRoute;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.databag.IpEntry;

/**
 * Maps the {@code staticroutes} bag into the {@link StaticRoutes} the router can program: a pure function.
 * The merge keeps only active routes (revoked ones are dropped from the bag, and the {@code addresses}
 * service removes a route it programmed once it is no longer wanted), so each entry here is wanted.
 *
 * <p>Next-hop validation, where CloudStack runs {@code ip route add} and logs the kernel's refusal: the
 * gateway must lie in a network the router is connected to (an {@code ips} entry's network on any device,
 * or a {@code guestnetwork} tier), and must not be one of the router's own addresses; the destination
 * must not be one of those connected networks (that would replace the kernel's route of the link). An
 * entry that fails is left out with a warning naming it, and the other routes still apply.
 */
public final class StaticRouteInputs {
    private StaticRouteInputs() {}

    public static StaticRoutes from(Databags bags) {
        requireNonNull(bags, "bags is null");
        Set<Cidr> connected = new LinkedHashSet<>();
        Set<IpAddress> own = new LinkedHashSet<>();
        for (IpEntry entry : bags.ips().all()) {
            connected.add(entry.network());
            own.add(entry.publicIp());
        }
        for (GuestNetworkPayload tier : bags.guestNetwork().devices().values()) {
            connected.add(Cidr.of(tier.routerGuestIp(), tier.routerGuestNetmask()).network());
            own.add(tier.routerGuestIp());
        }
        List<NextHopRoute> routes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        bags.staticRoutes().routes().forEach((network, route) -> problem(route, connected, own).ifPresentOrElse(
                reason -> warnings.add("staticroutes[" + network + "]: " + reason + "; route skipped"),
                () -> routes.add(new NextHopRoute(route.network(), route.gateway()))));
        return new StaticRoutes(routes, warnings);
    }

    /** Why the route cannot be programmed, or empty when it can. */
    private static Optional<String> problem(StaticRoute route, Set<Cidr> connected, Set<IpAddress> own) {
        IpAddress gateway = route.gateway();
        if (gateway.isIpv4() != route.network().isIpv4()) {
            return Optional.of("gateway " + gateway + " is not of the family of " + route.network());
        }
        if (own.contains(gateway)) {
            return Optional.of("gateway " + gateway + " is an address of this router");
        }
        if (connected.stream().noneMatch(network -> network.contains(gateway))) {
            return Optional.of("gateway " + gateway + " is not on a network of this router (connected: " + connected + ")");
        }
        if (connected.contains(route.network())) {
            return Optional.of(route.network() + " is a network of this router");
        }
        return Optional.empty();
    }
}
