package org.vrouter.router.daemon;

import static java.util.Objects.requireNonNull;

import java.util.List;

import org.vrouter.router.converge.ServiceConverger;
import org.vrouter.router.pipeline.EntryPoints;
import org.vrouter.router.redundancy.RedundancyTransition;

/**
 * One router a {@link Vrouterd} serves: its update entry points ({@code update-config}, {@code vr-cfg}) and
 * what its VRRP transitions ({@code redundancy-state}) apply besides the addresses and conntrackd, over the
 * same host.
 *
 * @param entryPoints the router's entry points, whose host is the router
 * @param redundantStateFollowers the services a transition applies again (the router converger's
 *     {@code redundantStateFollowers()}, so that they are the instances its converges use); empty: none
 */
public record DaemonRouter(EntryPoints entryPoints, List<ServiceConverger> redundantStateFollowers) {
    public DaemonRouter {
        requireNonNull(entryPoints, "entryPoints is null");
        redundantStateFollowers = List.copyOf(requireNonNull(redundantStateFollowers, "redundantStateFollowers is null"));
    }

    /** A router whose transitions move the addresses and conntrackd only. */
    public static DaemonRouter of(EntryPoints entryPoints) {
        return new DaemonRouter(entryPoints, List.of());
    }

    /** A transition of this router. */
    RedundancyTransition transition() {
        return new RedundancyTransition(entryPoints.host(), redundantStateFollowers);
    }
}
