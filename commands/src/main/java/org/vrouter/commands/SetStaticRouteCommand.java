package org.vrouter.commands;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.commands.to.StaticRouteTO;

/**
 * Adds or revokes VPC static routes: CloudStack's {@code SetStaticRouteCommand}. On the wire one
 * {@code static_routes.json} (type {@code staticroutes}) with one {@code routes} element per
 * {@link StaticRouteTO}. Access details: {@code router.ip}, {@code router.name},
 * {@code zone.network.type}. Two routes that are not revoked never share a network.
 *
 * @param routes never empty
 */
public record SetStaticRouteCommand(AccessDetails accessDetails, List<StaticRouteTO> routes) implements NetworkElementCommand {
    public SetStaticRouteCommand {
        CommandChecks.requireRouter(accessDetails);
        routes = CommandChecks.nonEmpty(routes, "routes");
        Set<Cidr> networks = new HashSet<>();
        CommandChecks.each(routes, "routes", route -> {
            if (!route.revoke() && !networks.add(route.network())) {
                throw new InvalidParameterException("network", "two active routes for one network", route.network());
            }
        });
    }
}
