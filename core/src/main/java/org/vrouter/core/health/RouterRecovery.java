package org.vrouter.core.health;

import java.util.List;

import org.vrouter.api.router.DomainRouter;

/**
 * What the {@link RouterHealthChecker} asks of the router manager to repair routers; core's
 * {@code RouterManagerImpl} implements it. Same threading and locking contract as
 * {@link org.vrouter.api.router.RouterLifecycle}: every call blocks, serializes with other
 * operations on the router, and completes or throws.
 */
public interface RouterRecovery {
    /**
     * Brings a router back: a Running router is stopped forcibly (its VM is gone or broken) and
     * started; a Stopped router is started.
     *
     * @return the router as stored after the start
     * @throws org.vrouter.api.error.InvalidStateException in any other state
     * @throws org.vrouter.api.error.VrouterException what the start throws; the router is then Stopped
     */
    DomainRouter restart(long routerId);

    /** Gives up on a router: state Error, {@code reason} recorded as its last failure. An Error router is returned as it is. */
    DomainRouter markError(long routerId, String reason);

    /** As {@link org.vrouter.api.router.RouterLifecycle#refreshRedundantState}. */
    List<DomainRouter> refreshRedundantState(long networkId);
}
