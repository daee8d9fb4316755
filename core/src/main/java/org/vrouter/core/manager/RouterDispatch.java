package org.vrouter.core.manager;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrouter.api.agent.AgentManager;
import org.vrouter.api.command.Answer;
import org.vrouter.api.command.Commands;
import org.vrouter.api.error.AgentUnavailableException;
import org.vrouter.api.error.InvalidStateException;
import org.vrouter.api.error.ResourceUnavailableException;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.RouterDao;
import org.vrouter.api.router.RouterState;

/**
 * Sends configuration to a network's routers by their state (management-side §5.1, the api's
 * {@code RuleApplier} contract): Running routers get the batch, Stopped and Stopping ones are
 * skipped (a start replays everything), any other state is an {@link InvalidStateException}; a
 * stop-pending router is refused. Each router is handled under its lock, re-read inside it; a
 * failed answer becomes a {@code CommandFailedException} naming router, command id and details.
 *
 * <p>Every router is tried, even after one failed (CloudStack stops at the first failing router,
 * leaving its peers without the change); the first failure is thrown at the end, the others
 * suppressed in it. Disconnected hosts: when some router took the batch and the ones whose host
 * was unreachable are all redundant, those are marked stop-pending (the health checker restarts
 * them once their host is back; they get nothing meanwhile); otherwise their
 * {@link AgentUnavailableException} counts as a failure.
 */
final class RouterDispatch {
    private static final Logger log = LoggerFactory.getLogger(RouterDispatch.class);

    private final RouterDao dao;
    private final AgentManager agents;
    private final KeyedLocks routerLocks;

    RouterDispatch(RouterDao dao, AgentManager agents, KeyedLocks routerLocks) {
        this.dao = requireNonNull(dao, "dao is null");
        this.agents = requireNonNull(agents, "agents is null");
        this.routerLocks = requireNonNull(routerLocks, "routerLocks is null");
    }

    /**
     * Sends {@code build(router)} to each Running router of {@code routers}; an empty batch sends
     * nothing.
     *
     * @param what what is applied, for messages ({@code firewall rules})
     */
    void apply(String what, List<DomainRouter> routers, Function<DomainRouter, Commands> build) {
        dispatch(what, routers, build, true);
    }

    /** As {@link #apply}, but a Stopped or Stopping router is an {@link InvalidStateException} too (starting a VPN). */
    void applyRunningOnly(String what, List<DomainRouter> routers, Function<DomainRouter, Commands> build) {
        dispatch(what, routers, build, false);
    }

    private void dispatch(String what, List<DomainRouter> routers, Function<DomainRouter, Commands> build, boolean skipStopped) {
        List<DomainRouter> disconnected = new ArrayList<>();
        List<AgentUnavailableException> disconnects = new ArrayList<>();
        List<RuntimeException> failures = new ArrayList<>();
        boolean anyApplied = false;
        for (DomainRouter router : routers) {
            try {
                anyApplied |= applyTo(router.id(), what, build, skipStopped);
            }
            catch (AgentUnavailableException e) {
                // decided below, once it is known whether a peer took the change
                disconnected.add(router);
                disconnects.add(e);
            }
            catch (RuntimeException e) {
                // the other routers still get the change (CloudStack stops at the first failing router); raised below
                failures.add(e);
            }
        }
        if (!disconnects.isEmpty() && (!anyApplied || disconnected.stream().anyMatch(router -> !router.redundant()))) {
            failures.addAll(disconnects);
        }
        else {
            disconnected.forEach(router -> markStopPending(router.id(), what, disconnects.get(0)));
        }
        if (!failures.isEmpty()) {
            failures.subList(1, failures.size()).forEach(failures.get(0)::addSuppressed);
            throw failures.get(0);
        }
    }

    /** Returns whether the router took a batch. */
    private boolean applyTo(long routerId, String what, Function<DomainRouter, Commands> build, boolean skipStopped) {
        return routerLocks.withLock(routerId, () -> {
            Optional<DomainRouter> found = dao.findById(routerId);
            if (found.isEmpty()) {
                return false; // destroyed meanwhile
            }
            DomainRouter router = found.get();
            RouterState state = router.state();
            if (skipStopped && (state == RouterState.STOPPED || state == RouterState.STOPPING)) {
                log.debug("{}: {} skipped in state {}; its next start replays them", router.displayName(), what, state);
                return false;
            }
            if (state != RouterState.RUNNING) {
                throw InvalidStateException.operation(router.displayName(), state, "apply " + what);
            }
            if (router.stopPending()) {
                throw ResourceUnavailableException.forRouter(router.instanceName(), "is stop-pending (it missed an update while its host was "
                        + "disconnected) and gets no " + what + " until it has been stopped");
            }
            Commands commands = build.apply(router);
            if (commands.size() == 0) {
                return false;
            }
            send(router, commands);
            return true;
        });
    }

    /**
     * Sends {@code commands} to the router's host and requires every answer to succeed. The
     * caller holds the router's lock.
     */
    List<Answer> send(DomainRouter router, Commands commands) {
        long hostId = router.hostId().orElseThrow(() -> new IllegalStateException(router.displayName() + " has no host"));
        List<Answer> answers = agents.send(hostId, commands);
        Batches.requireSuccess(router.instanceName(), commands, answers);
        return answers;
    }

    private void markStopPending(long routerId, String what, AgentUnavailableException cause) {
        routerLocks.withLock(routerId, () -> {
            dao.findById(routerId).filter(router -> !router.stopPending()).ifPresent(router -> {
                dao.update(router.toBuilder().stopPending(true).build());
                log.warn("{} missed {} ({}); marked stop-pending: it is stopped when its host returns", router.displayName(), what,
                        cause.getMessage());
            });
            return null;
        });
    }
}
