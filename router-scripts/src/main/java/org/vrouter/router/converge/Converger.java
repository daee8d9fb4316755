package org.vrouter.router.converge;

import java.io.IOException;

/**
 * Brings the machine to the state the databags describe. Called by the update pipeline
 * ({@code update_config}, {@code vr_cfg}) after the merged bags are on disk, once per update and once per
 * batch, never concurrently (the pipeline holds its lock).
 *
 * <p>Contract: apply each affected service atomically or not at all, so that a failed service keeps its
 * previous state in force, and report it as {@link ServiceOutcome.Status#FAILED}; never throw for a
 * failure to apply. A converge may be repeated with the same request (after a crash the pipeline re-runs
 * it) and must then reach the same state, touching nothing that is already right. The databags hold
 * desired state only, without tombstones: what to remove is found by comparing with what was applied.
 *
 * <p>Runtime exceptions other than apply failures (bugs, a halted host in a crash test) propagate.
 */
@FunctionalInterface
public interface Converger {
    /** Applies the request's databags; see the class comment for what is reported and what is thrown. */
    ConvergeResult converge(ConvergeRequest request);

    /**
     * Writes what the last converges left for later because nothing waits on it (CloudStack's derived files,
     * such as {@code dhcphosts.txt}); called under the pipeline's lock, after a run or, in vrouterd, once the
     * router is idle. Default: nothing left.
     *
     * @return whether anything was written
     * @throws IOException if something could not be written; it is still left then
     */
    default boolean settle() throws IOException {
        return false;
    }

    /** A converger that applies nothing and reports success: a router side that only keeps databags. */
    static Converger none() {
        return request -> ConvergeResult.of(java.util.List.of());
    }
}
