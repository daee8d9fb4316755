package org.vrouter.router.daemon;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vrouter.router.pipeline.EntryPoints;

/**
 * Settles a router ({@link EntryPoints#settle}: CloudStack's derived files, the databag journals' compaction)
 * once it has been idle for {@link #IDLE}, so that what nothing waits on is written after the reply and, in a
 * stream of updates, once for many of them; a router that never goes idle is settled at least every
 * {@link #MAX_DELAY}, in its turn on the router's lock. A failed settle is logged (there is no caller left to
 * answer) and tried again after the next request. Thread-safe.
 */
final class IdleSettler {
    /** How long a router must have had no request before it is settled. */
    static final Duration IDLE = Duration.ofMillis(50);
    /** How long a busy router's work may wait before it is settled in its turn. */
    static final Duration MAX_DELAY = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(IdleSettler.class);

    private final EntryPoints router;
    private final ReentrantLock lock;
    private final ScheduledExecutorService scheduler;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile long lastEnded;
    /** When the oldest unsettled request ended; 0 when nothing is left. */
    private volatile long unsettledSince;

    /**
     * @param router the router's entry points, which leave work for later
     * @param lock the lock its requests hold while they run
     */
    IdleSettler(EntryPoints router, ReentrantLock lock, ScheduledExecutorService scheduler) {
        this.router = requireNonNull(router, "router is null");
        this.lock = requireNonNull(lock, "lock is null");
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
    }

    /** A request that may have left work ended: settle once the router is idle. */
    void requestEnded() {
        long now = System.nanoTime();
        lastEnded = now;
        if (unsettledSince == 0) {
            unsettledSince = now;
        }
        if (scheduled.compareAndSet(false, true)) {
            schedule(IDLE.toNanos());
        }
    }

    /** Settles now, in the router's turn (the daemon is stopping). */
    void settleNow() {
        lock.lock();
        try {
            settle();
        }
        finally {
            lock.unlock();
        }
    }

    private void schedule(long delayNanos) {
        scheduler.schedule(this::check, Math.max(delayNanos, 1), TimeUnit.NANOSECONDS);
    }

    private void check() {
        long now = System.nanoTime();
        long idleFor = now - lastEnded;
        boolean idle = idleFor >= IDLE.toNanos() && !lock.isLocked() && !lock.hasQueuedThreads();
        boolean overdue = unsettledSince != 0 && now - unsettledSince >= MAX_DELAY.toNanos();
        if (!idle && !overdue) {
            schedule(IDLE.toNanos() - Math.min(idleFor, IDLE.toNanos()));
            return;
        }
        // a request ending from here on schedules the next check; this settle covers what came before it
        scheduled.set(false);
        settleNow();
    }

    private void settle() {
        long since = unsettledSince;
        unsettledSince = 0;
        try {
            router.settle();
        }
        catch (IOException | RuntimeException e) {
            // the background's edge: nobody to answer; what is left stays for the next settle
            log.warn("vrouterd: settling {} failed; tried again after the next request", router.host().resolve("/"), e);
            unsettledSince = since;
        }
    }
}
