package org.vrouter.hypervisor.xen.session;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.xensource.xenapi.Task;
import com.xensource.xenapi.Types;

/**
 * Waits for a XenAPI task ({@code Async.*} calls) within a bound, polling {@code task.get_status}:
 * success returns the task's result, failure raises the task's error info as a
 * {@link XenCallException} of the asynchronous call, and a task still pending at the deadline is
 * cancelled and raises {@link XenCallException#TIMEOUT}. The task record is destroyed in every case.
 * Stateless; the calling thread sleeps between polls.
 */
public final class XenTasks {
    private static final Logger log = LoggerFactory.getLogger(XenTasks.class);

    private final XenSession session;
    private final Duration pollInterval;

    public XenTasks(XenSession session, Duration pollInterval) {
        this.session = requireNonNull(session, "session is null");
        this.pollInterval = requireNonNull(pollInterval, "pollInterval is null");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("poll interval must be positive: " + pollInterval);
        }
    }

    /**
     * Waits for {@code task}, started by the call named {@code name} ({@code Async.VM.start_on}).
     *
     * @return the task's result (a reference or a value, XML-encoded as the host returns it; often empty)
     * @throws XenCallException naming {@code name}: the task's error, {@code TASK_CANCELLED}, or
     *     {@link XenCallException#TIMEOUT} after {@code timeout}
     */
    public String await(String name, Task task, Duration timeout) throws XenCallException {
        try {
            return poll(name, task, timeout);
        }
        finally {
            destroy(task);
        }
    }

    private String poll(String name, Task task, Duration timeout) throws XenCallException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Types.TaskStatusType status = session.call("task.get_status", task::getStatus);
            switch (status) {
                case SUCCESS:
                    return session.call("task.get_result", task::getResult);
                case FAILURE:
                    List<String> info = Arrays.asList(session.call("task.get_error_info", task::getErrorInfo).toArray(String[]::new));
                    throw info.isEmpty() ? new XenCallException(name, "TASK_FAILED", List.of())
                            : new XenCallException(name, info.get(0), info.subList(1, info.size()));
                case CANCELLED:
                    throw new XenCallException(name, "TASK_CANCELLED", List.of());
                default:
                    break;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                session.run("task.cancel", task::cancel);
                throw new XenCallException(name, XenCallException.TIMEOUT, List.of("not finished within " + timeout.toMillis() + " ms; cancelled"));
            }
            sleep(name, Math.min(remaining, pollInterval.toNanos()));
        }
    }

    private static void sleep(String name, long nanos) throws XenCallException {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XenCallException(name, "INTERRUPTED", List.of("interrupted while waiting for the task"), e);
        }
    }

    /** A task record left behind is harmless (the host expires it), so a failed destroy is only logged. */
    private void destroy(Task task) {
        try {
            session.run("task.destroy", task::destroy);
        }
        catch (XenCallException e) {
            log.warn("could not destroy XenAPI task {} on {}: {}", task.toWireString(), session.hostAddress(), e.getMessage());
        }
    }
}
