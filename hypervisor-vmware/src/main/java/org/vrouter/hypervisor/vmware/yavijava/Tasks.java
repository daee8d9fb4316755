package org.vrouter.hypervisor.vmware.yavijava;

import java.rmi.RemoteException;
import java.time.Duration;
import java.util.Optional;

import com.vmware.vim25.TaskInfo;
import com.vmware.vim25.TaskInfoState;
import com.vmware.vim25.mo.Task;

import org.vrouter.hypervisor.vmware.vsphere.VsphereException;

/**
 * Waits for vSphere tasks with a bound, polling the task's state (yavijava's own
 * {@code waitForTask} has no bound). Pauses grow from 20 ms to 500 ms, so a quick task costs
 * little and a long one few calls. A task still running at the bound is cancelled and the wait
 * fails. Stateless.
 */
final class Tasks {
    private static final long FIRST_PAUSE_MILLIS = 20;
    private static final long MAX_PAUSE_MILLIS = 500;

    private Tasks() {}

    /** A point in time, on {@link System#nanoTime()}'s scale. */
    record Deadline(long endNanos) {
        /** What is left, at least 1 ms so a late step still gets one look at its task. */
        Duration remaining() {
            return Duration.ofNanos(Math.max(endNanos - System.nanoTime(), 1_000_000L));
        }
    }

    static Deadline deadline(Duration bound) {
        return new Deadline(System.nanoTime() + bound.toNanos());
    }

    /**
     * Returns when {@code task} succeeded.
     *
     * @throws VsphereException carrying the task's fault when it ended in error, or saying so when
     *     it did not end within {@code timeout} (it is then cancelled)
     */
    static void await(Task task, String what, Duration timeout) throws RemoteException, VsphereException {
        long end = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        while (true) {
            TaskInfo info = task.getTaskInfo();
            TaskInfoState state = info.getState();
            if (state == TaskInfoState.success) {
                return;
            }
            if (state == TaskInfoState.error) {
                throw Faults.ofTask(what, info.getError());
            }
            if (System.nanoTime() - end >= 0) {
                throw timedOut(task, what, timeout);
            }
            sleep(Math.min(pause, Math.max(1, (end - System.nanoTime()) / 1_000_000L)), what);
            pause = Math.min(pause * 2, MAX_PAUSE_MILLIS);
        }
    }

    private static VsphereException timedOut(Task task, String what, Duration timeout) {
        VsphereException timedOut = new VsphereException(what + " did not finish within " + timeout.toMillis() + " ms; cancelled",
                Optional.empty());
        try {
            task.cancelTask();
        }
        catch (RemoteException e) {
            // many tasks cannot be cancelled; the caller still learns that the wait timed out
            timedOut.addSuppressed(e);
        }
        return timedOut;
    }

    private static void sleep(long millis, String what) throws VsphereException {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VsphereException(what + ": interrupted while waiting", Optional.empty(), e);
        }
    }
}
