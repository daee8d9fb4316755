package org.vrouter.router.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

import org.vrouter.router.converge.ConvergeResult;
import org.vrouter.router.converge.ServiceDrift;

/**
 * What {@link Verify} found, and did when asked to repair.
 *
 * @param drift each service's drift before anything was done
 * @param repair the repair converge, when one was asked for and there was drift
 * @param after each service's drift after the repair; empty without a repair
 * @param warnings unreadable databags, services skipped or left-out entries during the repair
 * @param message empty, or one line explaining why the check could not run (the lock was held)
 */
public record VerifyResult(List<ServiceDrift> drift, Optional<ConvergeResult> repair, List<ServiceDrift> after, List<String> warnings,
        String message) {
    public VerifyResult {
        drift = List.copyOf(requireNonNull(drift, "drift is null"));
        requireNonNull(repair, "repair is null");
        after = List.copyOf(requireNonNull(after, "after is null"));
        warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
        requireNonNull(message, "message is null");
    }

    /** The drift the machine has now: after the repair when there was one. */
    public List<ServiceDrift> remaining() {
        return repair.isPresent() ? after : drift;
    }

    /**
     * 0 when the machine matches the databags (possibly after the repair), 2 when something still
     * differs, could not be checked, or the repair failed.
     */
    public int exitCode() {
        boolean clean = message.isEmpty() && remaining().stream().noneMatch(ServiceDrift::needsAttention)
                && repair.map(ConvergeResult::success).orElse(true);
        return clean ? PipelineResult.Status.CONVERGED.exitCode() : PipelineResult.Status.APPLY_FAILED.exitCode();
    }
}
