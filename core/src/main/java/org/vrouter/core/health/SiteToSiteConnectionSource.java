package org.vrouter.core.health;

import java.util.List;

import org.vrouter.api.vpn.Site2SiteVpnConnection;

/**
 * Where the {@link SiteToSiteVpnMonitor} learns which site-to-site connections a VPC has:
 * implemented by the host controller, which owns them (it created each through
 * {@code VpnApplier#startSite2SiteVpn}). vrouter never writes through it.
 *
 * <p>Implementations must be thread-safe; a call may block on the controller's store. A call that
 * throws fails that VPC's check for this round only (counted, logged, statuses kept as they were).
 */
@FunctionalInterface
public interface SiteToSiteConnectionSource {
    /** The connections of VPC {@code vpcId} that are configured on its routers; empty when it has none. */
    List<Site2SiteVpnConnection> connections(long vpcId);
}
