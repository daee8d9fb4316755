package org.vrouter.api.element;

import java.util.List;

import org.vrouter.api.dc.DeployDestination;
import org.vrouter.api.network.PrivateGateway;
import org.vrouter.api.network.Vpc;
import org.vrouter.api.route.StaticRoute;

/**
 * An element that implements whole VPCs (the VPC virtual router). Follows the
 * {@link NetworkElement} contract; tiers then go through the {@link NetworkElement} methods
 * ({@code implement} plugs a tier into the VPC's routers, {@code shutdown}/{@code destroy} unplug
 * it).
 */
public interface VpcProvider extends NetworkElement {
    /** Brings the VPC's router(s) up. */
    void implementVpc(Vpc vpc, DeployDestination destination);

    /** Takes the VPC's router(s) down and destroys them. */
    void shutdownVpc(Vpc vpc);

    /** Applies static routes: routes in state Add or Active are added, others removed. */
    void applyStaticRoutes(Vpc vpc, List<StaticRoute> routes);

    /** Puts the private gateway (with its ACL) on the VPC's router(s). */
    void createPrivateGateway(PrivateGateway gateway);

    /** Takes the private gateway off the VPC's router(s). */
    void deletePrivateGateway(PrivateGateway gateway);

    /** Replaces the private gateway's ACL with {@code gateway.aclItems()} (CloudStack's {@code applyACLItemsToPrivateGw}). */
    void applyPrivateGatewayAcl(PrivateGateway gateway);
}
