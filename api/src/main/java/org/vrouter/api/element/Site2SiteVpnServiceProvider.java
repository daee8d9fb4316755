package org.vrouter.api.element;

import org.vrouter.api.vpn.Site2SiteVpnConnection;

/** An element providing site-to-site IPsec connections for VPCs. Complete or throw, as {@link NetworkElement}. */
public interface Site2SiteVpnServiceProvider {
    /** Creates the connection on the VPC's router. */
    void startSite2SiteVpn(Site2SiteVpnConnection connection);

    /** Removes the connection. */
    void stopSite2SiteVpn(Site2SiteVpnConnection connection);
}
