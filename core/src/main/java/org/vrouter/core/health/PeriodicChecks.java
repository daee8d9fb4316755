package org.vrouter.core.health;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;

/**
 * The scheduling both monitors of this package share: a round every period on the caller's
 * executor, each check of a round a task keyed by what it checks and never queued twice (a check
 * still queued or running from the last round is skipped), and one edge for every task: what
 * escapes is logged once with the exception, counted, and the next round runs as usual. The
 * executor belongs to the caller: {@link #close()} cancels the schedule only. Thread-safe.
 */
final class PeriodicChecks implements AutoCloseable {
    private final String name;
    private final Logger log;
    private final ScheduledExecutorService executor;
    private final Duration period;
    private final Runnable onFailure;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicLong failures = new AtomicLong();
    private ScheduledFuture<?> schedule;

    /**
     * @param name how log lines name the checks ({@code health check})
     * @param log the owner's logger
     * @param onFailure counts a failed task beyond {@link #failures()} (a metric), or does nothing
     */
    PeriodicChecks(String name, Logger log, ScheduledExecutorService executor, Duration period, Runnable onFailure) {
        this.name = requireNonNull(name, "name is null");
        this.log = requireNonNull(log, "log is null");
        this.executor = requireNonNull(executor, "executor is null");
        this.period = requireNonNull(period, "period is null");
        this.onFailure = requireNonNull(onFailure, "onFailure is null");
    }

    /** Schedules {@code round} every period, the first one period from now. Calling it again does nothing. */
    synchronized void start(Runnable round) {
        if (schedule == null) {
            long millis = period.toMillis();
            schedule = executor.scheduleWithFixedDelay(() -> guarded("round", round), millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    /** Cancels the schedule; checks already running finish. */
    @Override
    public synchronized void close() {
        if (schedule != null) {
            schedule.cancel(false);
            schedule = null;
        }
    }

    /** Hands the task to the executor unless the task of that key is still queued or running. */
    void submit(String key, Runnable task) {
        if (!inFlight.add(key)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    guarded(key, task);
                }
                finally {
                    inFlight.remove(key);
                }
            });
        }
        catch (RejectedExecutionException e) {
            inFlight.remove(key);
            throw e;
        }
    }

    /** Runs the task on the caller's thread unless the task of that key is queued or running elsewhere. */
    void runNow(String key, Runnable task) {
        if (inFlight.add(key)) {
            try {
                guarded(key, task);
            }
            finally {
                inFlight.remove(key);
            }
        }
    }

    /** How many tasks failed with an exception. */
    long failures() {
        return failures.get();
    }

    /** The edge of every task, also of one run on the caller's thread: nothing escapes, so the schedule and the other checks go on. */
    void guarded(String what, Runnable task) {
        try {
            task.run();
        }
        catch (Exception e) {
            // thread edge (style rule 10): a periodic task that throws is never run again
            failures.incrementAndGet();
            onFailure.run();
            log.error("{} task {} failed; it runs again next round", name, what, e);
        }
    }
}
