package org.vrouter.api.router;

import java.util.List;

import org.vrouter.api.vpn.RemoteAccessVpn;
import org.vrouter.api.vpn.Site2SiteVpnConnection;
import org.vrouter.api.vpn.VpnUser;

/**
 * Configuring VPNs on routers: the VPN half of a {@link RouterManager}. The routers are those of
 * the VPN's network, or of its VPC. Follows the {@link RuleApplier} contract for failures and
 * threading, except that starting a VPN requires Running routers (any other state is an
 * {@link org.vrouter.api.error.InvalidStateException}).
 */
public interface VpnApplier {
    /** Adds users in state Add or Active and removes users in state Revoke (removals are sent first). */
    void applyVpnUsers(RemoteAccessVpn vpn, List<VpnUser> users);

    /** Sends the users, then starts the L2TP/IPsec server; stops at the first failure. */
    void startRemoteAccessVpn(RemoteAccessVpn vpn, List<VpnUser> users);

    /** Stops the server on Running routers and skips Stopped ones. */
    void stopRemoteAccessVpn(RemoteAccessVpn vpn);

    /** Creates the IPsec connection on the VPC's router (the PRIMARY one of a redundant pair). */
    void startSite2SiteVpn(Site2SiteVpnConnection connection);

    /** Removes the IPsec connection. */
    void stopSite2SiteVpn(Site2SiteVpnConnection connection);
}
