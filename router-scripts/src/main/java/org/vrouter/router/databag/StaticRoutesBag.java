package org.vrouter.router.databag;

import java.util.Map;
import java.util.Optional;

import org.vrouter.commands.wire.payload.StaticRoute;

/**
 * The {@code staticroutes} bag: VPC static routes by destination network ({@code "<subnet>/<prefix>"},
 * the on-disk key), none revoked.
 */
public record StaticRoutesBag(Map<String, StaticRoute> routes) implements Databag {
    public StaticRoutesBag {
        routes = BagMaps.sorted(routes, "routes");
        routes.forEach((network, route) -> {
            if (!route.network().toString().equals(network) || route.revoke()) {
                throw new IllegalArgumentException("static route under " + network + " is not an active route to that network");
            }
        });
    }

    public static StaticRoutesBag empty() {
        return new StaticRoutesBag(Map.of());
    }

    @Override
    public BagKey key() {
        return BagKey.STATIC_ROUTES;
    }

    @Override
    public boolean isEmpty() {
        return routes.isEmpty();
    }

    public Optional<StaticRoute> get(String network) {
        return Optional.ofNullable(routes.get(network));
    }
}
