package org.vrouter.core.routing;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One fair lock per router name, for a {@link RouterVmDriver} that serializes the lifecycle
 * commands of one router (in arrival order) while different routers run in parallel. Locks are
 * never removed: one small object per router name ever seen. Thread-safe.
 */
public final class RouterLocks {
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    /** Runs {@code action} holding {@code router}'s lock (reentrant) and returns what it returns. */
    public <T> T locked(String router, Supplier<T> action) {
        requireNonNull(action, "action is null");
        ReentrantLock lock = locks.computeIfAbsent(requireNonNull(router, "router is null"), name -> new ReentrantLock(true));
        lock.lock();
        try {
            return action.get();
        }
        finally {
            lock.unlock();
        }
    }
}
