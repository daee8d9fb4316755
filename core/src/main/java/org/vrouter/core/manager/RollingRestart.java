package org.vrouter.core.manager;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vrouter.api.error.InvalidStateException;
import org.vrouter.api.error.OperationTimedOutException;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.RedundantState;

/**
 * Restarts a redundant pair one router at a time, so the network keeps a gateway throughout (CloudStack's
 * "update in sequence", PR #1198): the BACKUP is replaced (stopped and started) and waited for until it
 * answers BACKUP; then the PRIMARY is stopped gracefully, which makes its keepalived give the gateway away
 * at once, and the other is waited for until it answers PRIMARY (the failover); then the old PRIMARY is
 * started and waited for until it answers BACKUP. Each wait polls {@code CheckRouterCommand} and is
 * bounded; a router that does not reach its state in time stops the sequence with an
 * {@link OperationTimedOutException}, the pair left as it is (one router serving). Not thread-safe; the
 * manager's per-router locks serialise each step with other operations.
 */
final class RollingRestart {
    private static final Logger log = LoggerFactory.getLogger(RollingRestart.class);

    private final RouterOperations operations;
    private final String subject;
    private final LongFunction<List<DomainRouter>> poll;
    private final Clock clock;
    private final Duration pollInterval;

    /**
     * @param subject what the pair serves, for messages: {@code network} or {@code VPC}
     * @param poll refreshes and returns the pair's routers, by the network's (or VPC's) id, with their VRRP state
     */
    RollingRestart(RouterOperations operations, String subject, LongFunction<List<DomainRouter>> poll, Clock clock, Duration pollInterval) {
        this.operations = requireNonNull(operations, "operations is null");
        this.subject = requireNonNull(subject, "subject is null");
        this.poll = requireNonNull(poll, "poll is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.pollInterval = requireNonNull(pollInterval, "pollInterval is null");
    }

    /**
     * @param limit how long each router may take to reach its state
     * @return one line per step, with its duration
     * @throws InvalidStateException unless the network (or VPC) has exactly two Running redundant routers, one PRIMARY
     */
    List<String> run(long networkId, Duration limit) {
        List<DomainRouter> routers = poll.apply(networkId).stream().filter(DomainRouter::redundant).toList();
        List<DomainRouter> primaries = routers.stream().filter(router -> router.redundantState() == RedundantState.PRIMARY).toList();
        if (routers.size() != 2 || primaries.size() != 1 || routers.stream().anyMatch(router -> !router.isRunning())) {
            throw InvalidStateException.operation(subject + " " + networkId, routers.stream()
                    .map(router -> router.instanceName() + " " + router.state().wireName() + " " + router.redundantState()).toList(),
                    "restart in sequence (two Running redundant routers, one PRIMARY, are needed)");
        }
        DomainRouter primary = primaries.get(0);
        DomainRouter backup = routers.stream().filter(router -> router.id() != primary.id()).findFirst().orElseThrow();
        List<String> steps = new ArrayList<>();
        steps.add(step("replace BACKUP " + backup.instanceName(), () -> {
            operations.restart(backup.id());
            await(networkId, backup.id(), RedundantState.BACKUP, limit);
        }));
        steps.add(step("fail over: stop PRIMARY " + primary.instanceName(), () -> {
            operations.stop(primary.id(), false);
            await(networkId, backup.id(), RedundantState.PRIMARY, limit);
        }));
        steps.add(step("start the old PRIMARY " + primary.instanceName(), () -> {
            operations.start(primary.id());
            await(networkId, primary.id(), RedundantState.BACKUP, limit);
        }));
        return List.copyOf(steps);
    }

    private String step(String name, Runnable work) {
        Instant start = clock.instant();
        work.run();
        String line = name + ": " + Duration.between(start, clock.instant()).toMillis() + " ms";
        log.info("rolling restart: {}", line);
        return line;
    }

    private void await(long networkId, long routerId, RedundantState wanted, Duration limit) {
        Instant deadline = clock.instant().plus(limit);
        while (true) {
            RedundantState state = poll.apply(networkId).stream().filter(router -> router.id() == routerId).findFirst()
                    .map(DomainRouter::redundantState).orElse(RedundantState.UNKNOWN);
            if (state == wanted) {
                return;
            }
            if (clock.instant().isAfter(deadline)) {
                throw new OperationTimedOutException("router " + routerId + " becoming " + wanted + " (it is " + state + ")", limit);
            }
            try {
                Thread.sleep(pollInterval.toMillis());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OperationTimedOutException("router " + routerId + " becoming " + wanted + " (interrupted)", limit, e);
            }
        }
    }
}
