package org.vrouter.element;

import static java.util.Objects.requireNonNull;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrouter.api.error.InvalidStateException;
import org.vrouter.api.error.ResourceUnavailableException;
import org.vrouter.api.network.Network;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.RouterLifecycle;
import org.vrouter.api.router.RouterState;

/**
 * Decides from the states of a network's routers whether a change goes to the router manager
 * (CloudStack's {@code applyRules} state handling): Running routers take it; Stopped and Stopping
 * routers are skipped, because a start replays the whole configuration; any other state (Starting,
 * Error, Destroyed) refuses the change.
 *
 * <p>The manager applies the same rule per router when it sends. The element checks first so that
 * a router in a wrong state fails the call before any router is changed (CloudStack applies to the
 * routers before it in the list, then fails), and so that nothing is dispatched when no router
 * runs.
 */
final class RouterGate {
    private static final Logger log = LoggerFactory.getLogger(RouterGate.class);

    /** What a network without routers means for an operation. */
    enum WithoutRouters {
        /** Nothing to do: the first router's start will carry the change (rules, addresses, VPN). */
        NOTHING_TO_DO,
        /** The change has nowhere to go (DHCP entries, user data): {@link ResourceUnavailableException}. */
        UNAVAILABLE
    }

    private final RouterLifecycle routers;

    RouterGate(RouterLifecycle routers) {
        this.routers = requireNonNull(routers, "routers is null");
    }

    /**
     * Whether {@code operation} should be sent to the network's routers.
     *
     * @return true when at least one router is Running and every other one is Stopped or Stopping;
     *     false when there is nothing to send to (no routers under {@link WithoutRouters#NOTHING_TO_DO},
     *     or none Running)
     * @throws InvalidStateException naming the first router in another state
     * @throws ResourceUnavailableException when the network has no routers under {@link WithoutRouters#UNAVAILABLE}
     */
    boolean admit(Network network, Operation operation, WithoutRouters withoutRouters) {
        List<DomainRouter> current = routersOf(network, operation, withoutRouters);
        int running = 0;
        for (DomainRouter router : current) {
            switch (router.state()) {
                case RUNNING -> running++;
                case STOPPED, STOPPING -> log.debug("network {}: {} is {}, skipped for {}; its next start replays the configuration",
                        network.id(), router.instanceName(), router.state(), operation.verb());
                default -> throw InvalidStateException.operation(router.displayName(), router.state(), operation.verb());
            }
        }
        if (running == 0 && !current.isEmpty()) {
            log.debug("network {}: no Running router for {}; nothing sent", network.id(), operation.verb());
        }
        return running > 0;
    }

    /**
     * Whether {@code operation} should be sent, for operations that need every router Running
     * (starting a remote-access VPN).
     *
     * @return false when the network has no routers
     * @throws InvalidStateException naming the first router that is not Running
     */
    boolean admitAllRunning(Network network, Operation operation) {
        List<DomainRouter> current = routersOf(network, operation, WithoutRouters.NOTHING_TO_DO);
        for (DomainRouter router : current) {
            if (router.state() != RouterState.RUNNING) {
                throw InvalidStateException.operation(router.displayName(), router.state(), operation.verb());
            }
        }
        return !current.isEmpty();
    }

    /** Whether any router of the network is Running; routers in other states are ignored. */
    boolean anyRunning(Network network) {
        return routers.routers(network.id()).stream().anyMatch(DomainRouter::isRunning);
    }

    /**
     * The network's routers.
     *
     * @throws ResourceUnavailableException when there are none under {@link WithoutRouters#UNAVAILABLE}
     */
    List<DomainRouter> routersOf(Network network, Operation operation, WithoutRouters withoutRouters) {
        List<DomainRouter> current = routers.routers(network.id());
        if (current.isEmpty()) {
            if (withoutRouters == WithoutRouters.UNAVAILABLE) {
                throw new ResourceUnavailableException("network " + network.id() + ": cannot " + operation.verb()
                        + ": Can't find at least one router!");
            }
            log.debug("network {}: no virtual router yet; nothing to {}", network.id(), operation.verb());
        }
        return current;
    }
}
