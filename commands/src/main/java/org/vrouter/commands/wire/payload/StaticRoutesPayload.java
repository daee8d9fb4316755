package org.vrouter.commands.wire.payload;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code static_routes.json} ({@code staticroutes}): VPC static routes through private gateways, from
 * {@code SetStaticRouteCommand}; the router keys them by destination network.
 */
public record StaticRoutesPayload(
        @JsonProperty("routes") List<StaticRoute> routes,
        @JsonProperty("delete_from_processed_cache") boolean deleteFromProcessedCache) implements Payload {

    public StaticRoutesPayload {
        routes = WireChecks.list("routes", routes);
    }

    public static StaticRoutesPayload of(List<StaticRoute> routes) {
        return new StaticRoutesPayload(routes, false);
    }
}
