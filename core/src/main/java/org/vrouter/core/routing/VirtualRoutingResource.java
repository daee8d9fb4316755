package org.vrouter.core.routing;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vrouter.api.command.Answer;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.error.VrouterException;
import org.vrouter.commands.AccessDetails;
import org.vrouter.commands.AggregationControlCommand;
import org.vrouter.commands.NetworkElementCommand;
import org.vrouter.commands.wire.CommandCodec;
import org.vrouter.commands.wire.ConfigBatch;
import org.vrouter.commands.wire.ConfigItem;
import org.vrouter.core.channel.RouterChannelFactory;
import org.vrouter.core.channel.RouterEndpoint;

/**
 * Executes router commands on routers: CloudStack's {@code VirtualRoutingResource}, shared by
 * every hypervisor resource. A command becomes config items ({@link CommandCodec}) that run on the
 * router named by its access details ({@code router.name}, {@code router.ip}) through a channel
 * from the {@link RouterChannelFactory}.
 *
 * <p>Per command:
 * <ul>
 *   <li>Commands for one router never interleave: one fair lock per router name, so they also run
 *       in arrival order; different routers run in parallel.
 *   <li>A query ({@code isQuery()}) runs its script at once, even while a batch is open, and
 *       answers with its typed answer ({@code CheckRouterAnswer}, {@code GetDomRVersionAnswer},
 *       ...), failed answers included.
 *   <li>{@link AggregationControlCommand}: Start opens the router's batch (a second Start while
 *       one is open fails and leaves it open); Finish closes it, writes every queued command's
 *       items as one {@code /var/cache/cloud/VR-<uuid>.cfg} and runs
 *       {@code vr_cfg.sh -c} on it within {@link RoutingTimeouts#batch(int)}; Cleanup drops it.
 *       Finish and Cleanup remove the batch whatever happens.
 *   <li>While a batch is open, other commands are converted (so a bad one fails now, not inside
 *       the batch), queued, and answered with success without touching the router.
 *   <li>Otherwise the items run in order until the first failure (see {@link ConfigItemRunner}
 *       for the answer shapes).
 *   <li>A command without a wire mapping answers failure naming its class; invalid input
 *       answers failure with the validation message. Channel failures (unreachable router, wrong
 *       host key, timeout) are failed answers, never exceptions.
 * </ul>
 *
 * <p>Thread-safe. Blocks the calling thread for the router's lock and the remote work.
 */
public final class VirtualRoutingResource {
    private static final Logger log = LoggerFactory.getLogger(VirtualRoutingResource.class);
    static final String BATCH_STARTED = "Command aggregation started";
    static final String BATCH_FINISHED = "Command aggregation finished";
    static final String BATCH_CLEANED_UP = "Command aggregation cleaned up";

    private final CommandCodec codec;
    private final ConfigItemRunner runner;
    private final RoutingTimeouts timeouts;
    private final Supplier<UUID> batchIds;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final RouterBatches batches = new RouterBatches();

    /**
     * @param codec turns commands into config items
     * @param channels opens a channel to a router, once per command
     * @param timeouts bounds per command and per batch
     * @param batchIds ids for {@code VR-<uuid>.cfg} batch files
     */
    public VirtualRoutingResource(CommandCodec codec, RouterChannelFactory channels, RoutingTimeouts timeouts, Supplier<UUID> batchIds) {
        this.codec = requireNonNull(codec, "codec is null");
        this.runner = new ConfigItemRunner(requireNonNull(channels, "channels is null"));
        this.timeouts = requireNonNull(timeouts, "timeouts is null");
        this.batchIds = requireNonNull(batchIds, "batchIds is null");
    }

    /** A resource with random file ids, the system clock and the default timeouts. */
    public static VirtualRoutingResource withDefaults(RouterChannelFactory channels) {
        return new VirtualRoutingResource(CommandCodec.withRandomIds(), channels, RoutingTimeouts.defaults(), UUID::randomUUID);
    }

    /**
     * Executes {@code command} on its router and answers. Never throws for anything the router or
     * the command's content can cause.
     */
    public Answer execute(NetworkElementCommand command) {
        requireNonNull(command, "command is null");
        RouterEndpoint router;
        try {
            router = endpointOf(command.accessDetails());
        }
        catch (InvalidParameterException e) {
            return failure(command, e.getMessage());
        }
        ReentrantLock lock = locks.computeIfAbsent(router.name(), name -> new ReentrantLock(true));
        try {
            lock.lockInterruptibly();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure(command, "interrupted while waiting for router " + router.name());
        }
        try {
            return dispatch(command, router);
        }
        finally {
            lock.unlock();
        }
    }

    private Answer dispatch(NetworkElementCommand command, RouterEndpoint router) {
        if (command instanceof AggregationControlCommand control) {
            return aggregate(control.action(), router);
        }
        List<ConfigItem> items;
        try {
            items = codec.configItems(command);
        }
        catch (VrouterException | IllegalArgumentException e) {
            // UnsupportedCommandException names the class; InvalidParameterException the field
            log.warn("router {}: {} rejected: {}", router, command.getClass().getSimpleName(), e.getMessage());
            return failure(command, e.getMessage());
        }
        if (command.isQuery()) {
            return runner.query(router, command, items, timeoutOf(command));
        }
        if (batches.isOpen(router.name())) {
            batches.add(router.name(), command);
            log.debug("router {}: {} queued in the open batch", router, command.getClass().getSimpleName());
            return Answer.success("");
        }
        log.debug("router {}: {} as {} items", router, command.getClass().getSimpleName(), items.size());
        return runner.apply(router, command, items, timeoutOf(command));
    }

    private Answer aggregate(AggregationControlCommand.Action action, RouterEndpoint router) {
        switch (action) {
            case START:
                if (!batches.open(router.name())) {
                    return Answer.failure("a batch is already open for router " + router.name() + "; send Finish or Cleanup first");
                }
                return Answer.success(BATCH_STARTED);
            case FINISH:
                return batches.close(router.name())
                        .map(queued -> finish(router, queued))
                        .orElseGet(() -> Answer.failure("no batch is open for router " + router.name()));
            case CLEANUP:
                int dropped = batches.close(router.name()).map(List::size).orElse(0);
                return Answer.success(dropped == 0 ? BATCH_CLEANED_UP : BATCH_CLEANED_UP + " (" + dropped + " commands dropped)");
            default:
                throw new IllegalStateException("unknown aggregation action " + action);
        }
    }

    private Answer finish(RouterEndpoint router, List<NetworkElementCommand> queued) {
        if (queued.isEmpty()) {
            return Answer.success(BATCH_FINISHED + " (nothing queued)");
        }
        ConfigBatch batch;
        try {
            batch = codec.batch(queued);
        }
        catch (VrouterException | IllegalArgumentException e) {
            return Answer.failure(e.getMessage());
        }
        int answers = queued.stream().mapToInt(NetworkElementCommand::answersCount).sum();
        Duration timeout = timeouts.batch(answers);
        String fileName = ConfigBatch.fileName(batchIds.get());
        log.debug("router {}: batch {} of {} commands ({} answers, {} items), timeout {} s",
                router, fileName, queued.size(), answers, batch.items().size(), timeout.toSeconds());
        return runner.applyBatch(router, fileName, batch.render(), timeout, BATCH_FINISHED);
    }

    private Duration timeoutOf(NetworkElementCommand command) {
        return command.timeout().orElse(timeouts.script());
    }

    private static Answer failure(NetworkElementCommand command, String details) {
        return command.isQuery() ? QueryAnswers.failure(command, details) : Answer.failure(details);
    }

    private static RouterEndpoint endpointOf(AccessDetails details) {
        String name = details.require(AccessDetails.ROUTER_NAME);
        return new RouterEndpoint(name, details.routerIp().orElseThrow(
                () -> new InvalidParameterException(AccessDetails.ROUTER_IP, "access detail is missing")));
    }
}
