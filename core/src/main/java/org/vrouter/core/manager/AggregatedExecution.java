package org.vrouter.core.manager;

import static java.util.Objects.requireNonNull;

import java.util.List;

import org.vrouter.api.command.Commands;
import org.vrouter.api.dc.DeployDestination;
import org.vrouter.api.error.VrouterException;
import org.vrouter.api.network.Network;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.RouterDao;
import org.vrouter.api.router.UpdateState;
import org.vrouter.commands.AggregationControlCommand;
import org.vrouter.core.setup.CommandSetupHelper;

/**
 * Aggregation start and finish around a series of changes (CloudStack's
 * {@code prepareAggregatedExecution} / {@code completeAggregatedExecution}): sent to the network's
 * Running routers that have an address in it (in a Basic zone, those of the destination's pod).
 * Under an in-sequence update the finish marks the first router UPDATE_COMPLETE, or every router
 * UPDATE_FAILED when it fails.
 */
final class AggregatedExecution {
    private final RouterOperations operations;
    private final RouterDispatch dispatch;
    private final CommandSetupHelper helper;
    private final RouterDao dao;
    private final KeyedLocks routerLocks;

    AggregatedExecution(RouterOperations operations, RouterDispatch dispatch, CommandSetupHelper helper, RouterDao dao, KeyedLocks routerLocks) {
        this.operations = requireNonNull(operations, "operations is null");
        this.dispatch = requireNonNull(dispatch, "dispatch is null");
        this.helper = requireNonNull(helper, "helper is null");
        this.dao = requireNonNull(dao, "dao is null");
        this.routerLocks = requireNonNull(routerLocks, "routerLocks is null");
    }

    void prepare(Network network, DeployDestination destination) {
        send(network, routers(network, destination), AggregationControlCommand.Action.START);
    }

    void complete(Network network, DeployDestination destination) {
        List<DomainRouter> routers = routers(network, destination);
        if (!network.isUpdatingInSequence() || routers.isEmpty()) {
            send(network, routers, AggregationControlCommand.Action.FINISH);
            return;
        }
        try {
            send(network, routers, AggregationControlCommand.Action.FINISH);
        }
        catch (VrouterException e) {
            routers.forEach(router -> setUpdateState(router.id(), UpdateState.UPDATE_FAILED));
            throw e;
        }
        setUpdateState(routers.get(0).id(), UpdateState.UPDATE_COMPLETE);
    }

    private void send(Network network, List<DomainRouter> routers, AggregationControlCommand.Action action) {
        String id = action == AggregationControlCommand.Action.START ? "aggregationStart" : "aggregationFinish";
        dispatch.apply(id, routers, router -> Commands.of(id, helper.createAggregationCommand(router, network, action)));
    }

    private List<DomainRouter> routers(Network network, DeployDestination destination) {
        return operations.routers(network.id()).stream()
                .filter(router -> router.guestIp(network.id()).isPresent())
                .filter(router -> !network.zone().isBasic() || destination.pod().isEmpty() || router.podId().isEmpty()
                        || router.podId().getAsLong() == destination.pod().get().id())
                .toList();
    }

    private void setUpdateState(long routerId, UpdateState state) {
        routerLocks.withLock(routerId, () -> dao.findById(routerId)
                .map(router -> router.updateState() == state ? router : dao.update(router.toBuilder().updateState(state).build())));
    }
}
