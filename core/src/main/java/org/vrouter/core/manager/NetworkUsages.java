package org.vrouter.core.manager;

import static java.util.Objects.requireNonNull;

import java.util.List;

import org.vrouter.api.command.Answer;
import org.vrouter.api.command.Commands;
import org.vrouter.api.error.InvalidStateException;
import org.vrouter.api.error.ResourceUnavailableException;
import org.vrouter.api.network.Vpc;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.NetworkUsage;
import org.vrouter.commands.CommandIds;
import org.vrouter.commands.NetworkUsageAnswer;
import org.vrouter.commands.NetworkUsageCommand;
import org.vrouter.commands.NetworkUsageCommand.Option;

/**
 * Reads a router's byte counters (CloudStack's {@code NetworkUsageTask} for one router): one batch
 * under {@link Commands.OnError#STOP}, {@code networkUsage} (get) and, when asked, {@code networkUsage:reset}.
 * A VPC router counts on the interface of its source NAT address. Runs under the router's lock.
 */
final class NetworkUsages {
    private final ManagerParts parts;
    private final RouterOperations operations;
    private final KeyedLocks routerLocks;

    NetworkUsages(ManagerParts parts, RouterOperations operations, KeyedLocks routerLocks) {
        this.parts = requireNonNull(parts, "parts is null");
        this.operations = requireNonNull(operations, "operations is null");
        this.routerLocks = requireNonNull(routerLocks, "routerLocks is null");
    }

    NetworkUsage read(long routerId, boolean reset) {
        return routerLocks.withLock(routerId, () -> {
            DomainRouter router = operations.require(routerId);
            if (!router.isRunning()) {
                throw InvalidStateException.operation(router.displayName(), router.state(), "read network usage");
            }
            Commands.Builder batch = Commands.builder(Commands.OnError.STOP).add(CommandIds.NETWORK_USAGE, command(router, Option.GET));
            if (reset) {
                batch.add(CommandIds.NETWORK_USAGE + ":reset", command(router, Option.RESET));
            }
            Commands commands = batch.build();
            List<Answer> answers = parts.agents().send(router.hostId().orElseThrow(), commands);
            Batches.requireSuccess(router.instanceName(), commands, answers);
            Answer get = answers.get(0);
            if (!(get instanceof NetworkUsageAnswer usage)) {
                throw new IllegalStateException(router.displayName() + ": the agent answered networkUsage with a " + get.getClass().getName());
            }
            return new NetworkUsage(routerId, usage.bytesSent(), usage.bytesReceived());
        });
    }

    private NetworkUsageCommand command(DomainRouter router, Option option) {
        if (router.vpcId().isEmpty()) {
            return parts.helper().createNetworkUsageCommand(router, option);
        }
        Vpc vpc = parts.source().vpc(router.vpcId().getAsLong());
        return parts.helper().createVpcNetworkUsageCommand(router, vpc, router.publicIp().orElseThrow(() -> ResourceUnavailableException
                .forRouter(router.instanceName(), "has no public address to count traffic on")), option);
    }
}
