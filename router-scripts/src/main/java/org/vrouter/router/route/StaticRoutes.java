package org.vrouter.router.route;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The static routes the router programs, and the entries of the {@code staticroutes} bag it left out.
 *
 * @param routes in destination order
 * @param warnings one line per entry left out ({@code staticroutes[192.168.50.0/24]: ...; route skipped})
 */
public record StaticRoutes(List<NextHopRoute> routes, List<String> warnings) {
    public StaticRoutes {
        routes = List.copyOf(requireNonNull(routes, "routes is null"));
        warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
    }
}
