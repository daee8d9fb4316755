package org.vrouter.api.element;

import java.util.List;

import org.vrouter.api.vpn.RemoteAccessVpn;
import org.vrouter.api.vpn.VpnUser;

/**
 * An element providing remote-access ({@code Vpn}) servers. Complete or throw, as
 * {@link NetworkElement}: where CloudStack returns one error string per user, this applies all
 * users or throws (the virtual router applies the list as one command anyway).
 */
public interface RemoteAccessVPNServiceProvider {
    /** Adds users in state Add or Active and removes users in state Revoke. */
    void applyVpnUsers(RemoteAccessVpn vpn, List<VpnUser> users);

    /** Starts the server with {@code users}. */
    void startVpn(RemoteAccessVpn vpn, List<VpnUser> users);

    /** Stops the server. */
    void stopVpn(RemoteAccessVpn vpn);
}
