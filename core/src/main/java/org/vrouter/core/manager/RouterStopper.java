package org.vrouter.core.manager;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrouter.api.agent.AgentManager;
import org.vrouter.api.command.Answer;
import org.vrouter.api.error.CommandFailedException;
import org.vrouter.api.error.InvalidStateException;
import org.vrouter.api.error.OperationTimedOutException;
import org.vrouter.api.error.ResourceUnavailableException;
import org.vrouter.api.error.VrouterException;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.RedundantState;
import org.vrouter.api.router.RouterDao;
import org.vrouter.api.router.RouterState;
import org.vrouter.api.router.VirtualRouterGuru;
import org.vrouter.commands.StopCommand;

/**
 * Stops router VMs and records them Stopped. The caller holds the router's lock.
 *
 * <p>Graceful stop: Running, Stopping, then the host's confirmation makes it Stopped; without one
 * (failed answer, host unreachable, timeout) the VM still runs, so the router goes back to Running
 * and the failure is thrown. Forced stop: Stopped whatever the host answers (the api's "stop even if
 * the hypervisor does not confirm"), the unconfirmed case logged. A router that was Starting or in
 * Error is always stopped forcibly. Once Stopped the router loses its host, redundant role and
 * stop-pending flag, and the guru gets {@code finalizeStop}.
 */
final class RouterStopper {
    private static final Logger log = LoggerFactory.getLogger(RouterStopper.class);

    private final RouterDao dao;
    private final AgentManager agents;
    private final VirtualRouterGuru guru;
    private final RouterRuntime runtime;
    private final RouterManagerSettings settings;

    RouterStopper(RouterDao dao, AgentManager agents, VirtualRouterGuru guru, RouterRuntime runtime, RouterManagerSettings settings) {
        this.dao = requireNonNull(dao, "dao is null");
        this.agents = requireNonNull(agents, "agents is null");
        this.guru = requireNonNull(guru, "guru is null");
        this.runtime = requireNonNull(runtime, "runtime is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    /**
     * Stops {@code router} (the stored version) and returns it as stored, Stopped. A graceful stop
     * the host does not confirm throws what kept it from confirming ({@link CommandFailedException},
     * {@link ResourceUnavailableException}, {@link OperationTimedOutException}); the router is then
     * Running again.
     */
    DomainRouter stop(DomainRouter router, boolean forced) {
        return switch (router.state()) {
            case STOPPED -> router;
            case RUNNING -> stopVm(dao.update(router.withState(RouterState.STOPPING)), forced);
            case STOPPING -> stopVm(router, forced);
            case STARTING, ERROR -> stopVm(router, true);
            case DESTROYED -> throw InvalidStateException.operation(router.displayName(), router.state(), "stop");
        };
    }

    private DomainRouter stopVm(DomainRouter router, boolean forced) {
        Optional<VrouterException> unconfirmed = sendStop(router, forced);
        if (unconfirmed.isPresent()) {
            if (!forced) {
                // the VM still runs: CloudStack's Stopping -OperationFailed-> Running
                dao.update(router.withState(RouterState.RUNNING));
                throw unconfirmed.get();
            }
            log.warn("{}: forced stop not confirmed by host {}, recorded as stopped: {}", router.displayName(),
                    router.hostId().orElse(0), unconfirmed.get().getMessage());
        }
        return markStopped(router);
    }

    /**
     * Sends {@code StopCommand} to the router's host, forced. Returns what kept the host from
     * confirming, empty when it confirmed or the router has no host.
     */
    Optional<VrouterException> sendForcedStop(DomainRouter router) {
        return sendStop(router, true);
    }

    private Optional<VrouterException> sendStop(DomainRouter router, boolean forced) {
        if (router.hostId().isEmpty()) {
            return Optional.empty();
        }
        String name = router.instanceName();
        StopCommand command = forced ? StopCommand.forced(name)
                : settings.gracefulStopTimeout().map(timeout -> StopCommand.graceful(name, timeout)).orElseGet(() -> StopCommand.graceful(name));
        try {
            Answer answer = agents.send(router.hostId().getAsLong(), command);
            return answer.success() ? Optional.empty() : Optional.of(new CommandFailedException(name, command, answer));
        }
        catch (ResourceUnavailableException | OperationTimedOutException e) {
            // the host did not confirm: the caller decides between "still running" and "forced anyway"
            return Optional.of(e);
        }
    }

    /** Records {@code router} Stopped without a host, and gives the guru back what it held while running. */
    DomainRouter markStopped(DomainRouter router) {
        DomainRouter stopped = dao.update(router.withState(RouterState.STOPPED).toBuilder()
                .noHost()
                .redundantState(RedundantState.UNKNOWN)
                .stopPending(false)
                .build());
        runtime.stopped(router.id());
        guru.finalizeStop(stopped);
        log.info("{} stopped", router.displayName());
        return stopped;
    }
}
