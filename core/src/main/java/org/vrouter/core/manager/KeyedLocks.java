package org.vrouter.core.manager;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.vrouter.api.error.ConcurrentOperationException;

/**
 * One reentrant lock per id (router or network): operations on one id run one at a time, on
 * different ids in parallel. Reentrant so that a reboot can stop and start under the lock it
 * holds. A waiter gives up after the timeout with a {@link ConcurrentOperationException}.
 *
 * <p>Locks are created on first use and dropped by {@link #forget} once their object is gone
 * (a destroyed router); a caller that still waits on a dropped lock re-reads the router inside it
 * and finds it gone.
 */
final class KeyedLocks {
    private final ConcurrentMap<Long, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final String kind;
    private final Duration timeout;

    KeyedLocks(String kind, Duration timeout) {
        this.kind = requireNonNull(kind, "kind is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
    }

    /** Runs {@code action} holding the lock of {@code id}. */
    <T> T withLock(long id, Supplier<T> action) {
        ReentrantLock lock = lock(id);
        try {
            return action.get();
        }
        finally {
            lock.unlock();
        }
    }

    /**
     * Takes the lock of {@code id}; the caller unlocks it.
     *
     * @throws ConcurrentOperationException when the lock is not granted within the timeout
     */
    ReentrantLock lock(long id) {
        ReentrantLock lock = locks.computeIfAbsent(id, key -> new ReentrantLock());
        try {
            if (!lock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new ConcurrentOperationException("unable to lock " + kind + " " + id + " within " + timeout.toMillis()
                        + " ms: another operation on it is still running");
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConcurrentOperationException("interrupted while waiting for the lock of " + kind + " " + id, e);
        }
        return lock;
    }

    void forget(long id) {
        locks.remove(id);
    }
}
