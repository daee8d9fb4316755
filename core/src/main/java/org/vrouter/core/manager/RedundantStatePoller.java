package org.vrouter.core.manager;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrouter.api.agent.AgentManager;
import org.vrouter.api.command.Answer;
import org.vrouter.api.error.OperationTimedOutException;
import org.vrouter.api.error.ResourceUnavailableException;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.RedundantState;
import org.vrouter.api.router.RouterDao;
import org.vrouter.commands.CheckRouterAnswer;
import org.vrouter.core.setup.CommandSetupHelper;

/**
 * Asks redundant routers for their VRRP state (CloudStack's {@code updateRoutersRedundantState},
 * management-side §10): a router that is not Running, whose host has no agent, or that cannot
 * answer is UNKNOWN; otherwise {@code CheckRouterCommand} tells PRIMARY, BACKUP or FAULT.
 * Non-redundant routers are left as they are. The new state is stored under the router's lock.
 * More than one PRIMARY in a network is logged as an error (an operator must act: both routers
 * answer for the gateway address); {@link #multiplePrimaries} lets callers report it.
 */
final class RedundantStatePoller {
    private static final Logger log = LoggerFactory.getLogger(RedundantStatePoller.class);

    private final RouterDao dao;
    private final AgentManager agents;
    private final CommandSetupHelper helper;
    private final KeyedLocks routerLocks;

    RedundantStatePoller(RouterDao dao, AgentManager agents, CommandSetupHelper helper, KeyedLocks routerLocks) {
        this.dao = requireNonNull(dao, "dao is null");
        this.agents = requireNonNull(agents, "agents is null");
        this.helper = requireNonNull(helper, "helper is null");
        this.routerLocks = requireNonNull(routerLocks, "routerLocks is null");
    }

    /** Refreshes each of {@code routers} and returns them as stored afterwards, in the same order. */
    List<DomainRouter> refresh(long networkId, List<DomainRouter> routers) {
        List<DomainRouter> refreshed = new ArrayList<>(routers.size());
        for (DomainRouter router : routers) {
            refreshed.add(router.redundant() ? routerLocks.withLock(router.id(), () -> refreshOne(router.id()).orElse(router)) : router);
        }
        if (multiplePrimaries(refreshed)) {
            log.error("More than one redundant virtual router is in PRIMARY state in network {}: {}", networkId,
                    refreshed.stream().filter(router -> router.redundantState() == RedundantState.PRIMARY).map(DomainRouter::instanceName).toList());
        }
        return List.copyOf(refreshed);
    }

    /** Whether more than one of {@code routers} is PRIMARY. */
    static boolean multiplePrimaries(List<DomainRouter> routers) {
        return routers.stream().filter(router -> router.redundantState() == RedundantState.PRIMARY).count() > 1;
    }

    private Optional<DomainRouter> refreshOne(long routerId) {
        return dao.findById(routerId).map(router -> {
            RedundantState state = query(router);
            if (state == router.redundantState()) {
                return router;
            }
            if (state == RedundantState.PRIMARY) {
                log.info("{} became PRIMARY (was {})", router.displayName(), router.redundantState());
            }
            return dao.update(router.toBuilder().redundantState(state).build());
        });
    }

    private RedundantState query(DomainRouter router) {
        if (!router.isRunning() || router.hostId().isEmpty() || router.controlIp().isEmpty()
                || !agents.isRegistered(router.hostId().getAsLong())) {
            return RedundantState.UNKNOWN;
        }
        try {
            Answer answer = agents.send(router.hostId().getAsLong(), helper.createCheckRouterCommand(router));
            if (answer instanceof CheckRouterAnswer check && check.success()) {
                return check.state();
            }
            log.warn("{}: VRRP state check failed: {}", router.displayName(), answer.details());
            return RedundantState.UNKNOWN;
        }
        catch (ResourceUnavailableException | OperationTimedOutException e) {
            // a router that cannot answer is UNKNOWN, as in CloudStack
            log.warn("{}: VRRP state check got no answer: {}", router.displayName(), e.getMessage());
            return RedundantState.UNKNOWN;
        }
    }
}
