package org.vrouter.router.vpn;

import java.util.Locale;

import org.vrouter.api.router.RedundantState;
import org.vrouter.router.databag.Databags;

/**
 * Whether the router serves its VPN now. A router that is not redundant always does; a member of a redundant
 * pair only while it is PRIMARY, since only the PRIMARY holds the public address the tunnels and clients use.
 * CloudStack restarts ipsec and xl2tpd on every transition instead; here the role is part of the rendering
 * ({@link SwanctlRenderer}) and {@link VpnService} acts on a change of it in one converge.
 */
public enum VpnRole {
    /** Connections loaded with their start action (trap), non-passive peers initiated, remote access served. */
    ACTIVE,
    /**
     * A BACKUP or FAULT member (or one whose state is not known yet): connections loaded without a start
     * action, nothing initiated, every IKE SA terminated and the PPP links ended, so that charon never retries
     * from a router without the public address; charon and xl2tpd keep running, ready for a promotion.
     */
    STANDBY;

    /** The role of a router given whether it is redundant and the VRRP state recorded for it. */
    public static VpnRole of(boolean redundant, RedundantState recorded) {
        return redundant && recorded != RedundantState.PRIMARY ? STANDBY : ACTIVE;
    }

    /**
     * The role the bags describe ({@code redundant_router} and {@code redundant_state} of the {@code cmdline}
     * bag): what {@code vrouter render} shows. A converge uses the state the last transition recorded instead
     * ({@link VpnService}); the two differ only while boot arguments merged again on a running PRIMARY say
     * BACKUP, until the redundancy service puts the bag right.
     */
    public static VpnRole ofBags(Databags bags) {
        String state = bags.cmdLine().get("redundant_state").orElse("").toUpperCase(Locale.ROOT);
        boolean primary = state.equals("PRIMARY") || state.equals("MASTER");
        return of(bags.cmdLine().isRedundant(), primary ? RedundantState.PRIMARY : RedundantState.BACKUP);
    }
}
