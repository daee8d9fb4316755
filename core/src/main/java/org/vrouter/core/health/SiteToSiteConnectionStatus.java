package org.vrouter.core.health;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.OptionalLong;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.vpn.Site2SiteVpnConnection.State;

/**
 * What the last check learned about one site-to-site connection, for the embedding controller
 * ({@link SiteToSiteVpnMonitor#statuses()}): the state CloudStack keeps on the connection's row,
 * with the time it last changed.
 *
 * @param state {@code CONNECTED}, {@code DISCONNECTED} or {@code ERROR} (the router could not be
 *     asked or failed the check)
 * @param details the router's words for the peer, the failed answer's details, or why no router
 *     was asked
 * @param routerId the router that was asked; empty when the VPC had no Running router
 * @param since when the connection entered {@code state}: the first check that saw it so
 * @param checkedAt the last check; never before {@code since}
 */
public record SiteToSiteConnectionStatus(long connectionId, long vpcId, IpAddress peerGatewayIp, State state, String details,
        OptionalLong routerId, Instant since, Instant checkedAt) {

    public SiteToSiteConnectionStatus {
        requireNonNull(peerGatewayIp, "peerGatewayIp is null");
        requireNonNull(state, "state is null");
        requireNonNull(details, "details is null");
        requireNonNull(routerId, "routerId is null");
        requireNonNull(since, "since is null");
        requireNonNull(checkedAt, "checkedAt is null");
        if (state != State.CONNECTED && state != State.DISCONNECTED && state != State.ERROR) {
            throw new InvalidParameterException("state", "is not a checked state (Connected, Disconnected, Error)", state.wireName());
        }
        if (checkedAt.isBefore(since)) {
            throw new InvalidParameterException("checked_at", "is before since " + since, checkedAt);
        }
    }

    /** Whether the tunnel was up at the last check. */
    public boolean connected() {
        return state == State.CONNECTED;
    }

    /** This connection as seen at {@code now}: {@link #since} moves only when the state changed. */
    SiteToSiteConnectionStatus next(State newState, String newDetails, OptionalLong askedRouter, Instant now) {
        return new SiteToSiteConnectionStatus(connectionId, vpcId, peerGatewayIp, newState, newDetails, askedRouter,
                newState == state && !now.isBefore(since) ? since : now, now);
    }
}
