package org.vrouter.core.agent;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrouter.api.agent.AgentManager;
import org.vrouter.api.agent.HypervisorResource;
import org.vrouter.api.command.Answer;
import org.vrouter.api.command.Command;
import org.vrouter.api.command.Commands;
import org.vrouter.api.error.AgentUnavailableException;
import org.vrouter.api.error.OperationTimedOutException;
import org.vrouter.api.error.ResourceUnavailableException;
import org.vrouter.api.metrics.Metrics;
import org.vrouter.api.validation.FieldChecks;

/**
 * vrouter's {@link AgentManager}: a registry from host id to {@link HypervisorResource}, and the
 * dispatch of commands to it with timeouts, batch error policy and metrics.
 *
 * <p><b>Execution.</b> Every command runs on the injected executor (bounded by the caller's choice
 * of pool and queue), never on the caller's thread, so that a resource that hangs cannot hang the
 * caller: {@link #send(long, Command)} waits for the command's {@link Command#timeout()} (else the
 * default timeout) plus a grace period, then throws {@link OperationTimedOutException} and
 * interrupts the worker. The grace lets a resource that honours the timeout itself answer first
 * with its own failed answer. The wait includes time spent queued for a worker. A batch runs its
 * commands one after the other without holding a thread between them, so batches and single
 * commands can share one small pool without starving each other. The executor is not shut down
 * here; its owner does that.
 *
 * <p><b>Failures.</b> A failed answer is returned, not thrown. A resource that throws (which its
 * contract forbids) yields a failed answer carrying the exception's message; it is logged once and
 * counted. An {@link Error} is not converted. A host without a registered resource is an
 * {@link AgentUnavailableException}; an executor that rejects the work is a
 * {@link ResourceUnavailableException}.
 *
 * <p><b>Batches under {@link Commands.OnError#STOP}.</b> After the first failed answer no further
 * command reaches the resource. The answer list still has one answer per command: each skipped
 * command gets a failed answer whose details start with {@value #NOT_EXECUTED}. This makes the
 * skipped commands visible instead of silently shorter lists, and lets callers index answers by
 * command position; the first failed answer is the real failure. This is the api contract of
 * {@code send(long, Commands)} (amended from "the list ends at the failure" for this reason). A timeout ends the whole batch with
 * {@link OperationTimedOutException}, whatever the policy: whether the command took effect is
 * unknown, so later commands are not attempted.
 *
 * <p><b>Metrics.</b> Timer {@value #DURATION_METRIC} per command class (tag {@code command}, simple
 * class name) and result ({@code success}, {@code failure}, {@code timeout}, {@code error});
 * counter {@value #FAILURE_METRIC} per command class and reason ({@code failed}, {@code timeout},
 * {@code exception}, {@code rejected}); counter {@value #SKIPPED_METRIC} per command class.
 *
 * <p>Thread-safe. Commands for different hosts, and different batches for one host, run
 * concurrently; resources serialize per router themselves.
 */
public final class AgentManagerImpl implements AgentManager {
    /** CloudStack's router script timeout (VRScripts), used when a command names none. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    /** How long past a command's timeout the manager still waits for the resource's own answer. */
    public static final Duration DEFAULT_TIMEOUT_GRACE = Duration.ofSeconds(5);
    /** The start of the details of a command skipped after an earlier failure under OnError.STOP. */
    public static final String NOT_EXECUTED = "not executed: an earlier command failed";

    static final String DURATION_METRIC = "vrouter.agent.command.duration";
    static final String FAILURE_METRIC = "vrouter.agent.command.failures";
    static final String SKIPPED_METRIC = "vrouter.agent.command.skipped";

    private static final Logger LOG = LoggerFactory.getLogger(AgentManagerImpl.class);

    private final ConcurrentMap<Long, HypervisorResource> resources = new ConcurrentHashMap<>();
    private final Executor executor;
    private final Metrics metrics;
    private final Duration defaultTimeout;
    private final Duration timeoutGrace;

    /** A manager with {@link #DEFAULT_TIMEOUT} and {@link #DEFAULT_TIMEOUT_GRACE}. */
    public AgentManagerImpl(Executor executor, Metrics metrics) {
        this(executor, metrics, DEFAULT_TIMEOUT, DEFAULT_TIMEOUT_GRACE);
    }

    /**
     * @param executor runs every resource call; bounded or not, as the embedder chooses
     * @param metrics where durations and failures go ({@link Metrics#NOOP} to discard them)
     * @param defaultTimeout for commands without their own timeout; positive
     * @param timeoutGrace added to every timeout before the manager gives up; zero or positive
     */
    public AgentManagerImpl(Executor executor, Metrics metrics, Duration defaultTimeout, Duration timeoutGrace) {
        this.executor = requireNonNull(executor, "executor is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.defaultTimeout = requireNonNull(defaultTimeout, "defaultTimeout is null");
        this.timeoutGrace = requireNonNull(timeoutGrace, "timeoutGrace is null");
        if (defaultTimeout.isNegative() || defaultTimeout.isZero()) {
            throw new IllegalArgumentException("defaultTimeout must be positive: " + defaultTimeout);
        }
        if (timeoutGrace.isNegative()) {
            throw new IllegalArgumentException("timeoutGrace must not be negative: " + timeoutGrace);
        }
    }

    @Override
    public void register(long hostId, HypervisorResource resource) {
        FieldChecks.requirePositive("host_id", hostId);
        resources.put(hostId, requireNonNull(resource, "resource is null"));
    }

    @Override
    public void unregister(long hostId) {
        resources.remove(hostId);
    }

    @Override
    public boolean isRegistered(long hostId) {
        return resources.containsKey(hostId);
    }

    @Override
    public Answer send(long hostId, Command command) {
        requireNonNull(command, "command is null");
        HypervisorResource resource = resource(hostId);
        return await(hostId, dispatch(hostId, resource, command));
    }

    @Override
    public List<Answer> send(long hostId, Commands commands) {
        requireNonNull(commands, "commands is null");
        HypervisorResource resource = resource(hostId);
        return await(hostId, runBatch(hostId, resource, commands));
    }

    @Override
    public CompletableFuture<List<Answer>> sendAsync(long hostId, Commands commands) {
        requireNonNull(commands, "commands is null");
        HypervisorResource resource = resources.get(hostId);
        if (resource == null) {
            return CompletableFuture.failedFuture(unavailable(hostId));
        }
        return runBatch(hostId, resource, commands);
    }

    private HypervisorResource resource(long hostId) {
        HypervisorResource resource = resources.get(hostId);
        if (resource == null) {
            throw unavailable(hostId);
        }
        return resource;
    }

    private static AgentUnavailableException unavailable(long hostId) {
        return new AgentUnavailableException(hostId, "no hypervisor resource is registered for the host");
    }

    /**
     * Chains the batch's commands: each starts when the previous answered, on the executor. The
     * resource is the one registered when the batch began, so a batch is not split between an old
     * and a new resource of a reconnecting host.
     */
    private CompletableFuture<List<Answer>> runBatch(long hostId, HypervisorResource resource, Commands commands) {
        CompletableFuture<List<Answer>> chain = CompletableFuture.completedFuture(new ArrayList<>(commands.size()));
        List<Commands.Entry> entries = commands.entries();
        for (Commands.Entry entry : entries) {
            chain = chain.thenCompose(answers -> {
                int failed = firstFailure(answers);
                if (commands.onError() == Commands.OnError.STOP && failed >= 0) {
                    answers.add(skipped(entry, entries.get(failed)));
                    return CompletableFuture.completedFuture(answers);
                }
                return dispatch(hostId, resource, entry.command()).thenApply(answer -> {
                    answers.add(answer);
                    return answers;
                });
            });
        }
        return chain.thenApply(List::copyOf);
    }

    private static int firstFailure(List<Answer> answers) {
        for (int i = 0; i < answers.size(); i++) {
            if (!answers.get(i).success()) {
                return i;
            }
        }
        return -1;
    }

    private Answer skipped(Commands.Entry entry, Commands.Entry failed) {
        metrics.counter(SKIPPED_METRIC, Map.of("command", name(entry.command()))).increment();
        return Answer.failure(NOT_EXECUTED + " (" + failed.id() + ": " + name(failed.command()) + ")");
    }

    /**
     * Runs one command on the executor. The future completes with the answer (a throwing resource
     * gives a failed one), or exceptionally with {@link OperationTimedOutException} after the
     * timeout plus grace, or with {@link ResourceUnavailableException} when the executor rejects
     * the task. A timed-out task is cancelled with an interrupt.
     */
    private CompletableFuture<Answer> dispatch(long hostId, HypervisorResource resource, Command command) {
        Duration timeout = command.timeout().orElse(defaultTimeout);
        long start = System.nanoTime();
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        FutureTask<Void> task = new FutureTask<>(() -> {
            try {
                outcome.complete(call(hostId, resource, command));
            }
            catch (Throwable e) {
                // only Errors get here (call() turns exceptions into answers); they are not ours to hide
                outcome.completeExceptionally(e);
                throw e;
            }
        }, null);
        try {
            executor.execute(task);
        }
        catch (RejectedExecutionException e) {
            metrics.counter(FAILURE_METRIC, Map.of("command", name(command), "reason", "rejected")).increment();
            return CompletableFuture.failedFuture(new ResourceUnavailableException(
                    "host " + hostId + ": the agent executor rejected " + name(command) + " (saturated or shut down)", e));
        }
        return outcome.orTimeout(timeout.plus(timeoutGrace).toNanos(), TimeUnit.NANOSECONDS)
                .handle((result, failure) -> {
                    if (failure == null) {
                        record(command, start, result);
                        return result.answer();
                    }
                    task.cancel(true);
                    if (unwrap(failure) instanceof TimeoutException) {
                        metrics.timer(DURATION_METRIC, Map.of("command", name(command), "result", "timeout")).recordSince(start);
                        metrics.counter(FAILURE_METRIC, Map.of("command", name(command), "reason", "timeout")).increment();
                        LOG.warn("{} on host {} got no answer within {} ms", name(command), hostId, timeout.toMillis());
                        throw new OperationTimedOutException(name(command) + " on host " + hostId, timeout);
                    }
                    throw failure instanceof CompletionException completion ? completion : new CompletionException(failure);
                });
    }

    /** The resource call itself, on a worker thread: exceptions become failed answers, never escape. */
    private Outcome call(long hostId, HypervisorResource resource, Command command) {
        try {
            Answer answer = resource.execute(command);
            if (answer == null) {
                return new Outcome(Answer.failure(name(command) + ": the hypervisor resource returned no answer"), true);
            }
            return new Outcome(answer, false);
        }
        catch (RuntimeException e) {
            // the resource broke its contract (failures are answers); report it as one, logged once
            LOG.warn("hypervisor resource of host {} threw on {}", hostId, name(command), e);
            return new Outcome(Answer.failure(name(command) + " failed in the hypervisor resource: " + e), true);
        }
    }

    private void record(Command command, long startNanos, Outcome outcome) {
        String result = outcome.brokenContract() ? "error" : outcome.answer().success() ? "success" : "failure";
        metrics.timer(DURATION_METRIC, Map.of("command", name(command), "result", result)).recordSince(startNanos);
        if (!outcome.answer().success()) {
            String reason = outcome.brokenContract() ? "exception" : "failed";
            metrics.counter(FAILURE_METRIC, Map.of("command", name(command), "reason", reason)).increment();
        }
    }

    /** An answer, and whether the resource broke its contract to produce it (threw or returned null). */
    private record Outcome(Answer answer, boolean brokenContract) {}

    /** Waits for a dispatch and rethrows its exception as {@code send} promises. */
    private static <T> T await(long hostId, CompletableFuture<T> future) {
        try {
            return future.get();
        }
        catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
        catch (CancellationException e) {
            throw new ResourceUnavailableException("host " + hostId + ": the dispatch was cancelled", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResourceUnavailableException("host " + hostId + ": interrupted while waiting for an answer", e);
        }
    }

    private static RuntimeException rethrow(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("unexpected checked exception from a dispatch", cause);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String name(Command command) {
        return command.getClass().getSimpleName();
    }
}
