package org.vrouter.router.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * How an update or batch ended: the exit status CloudStack's management server sees, the one line for
 * stderr that explains a non-zero status, and warnings worth an operator's attention (an unreadable
 * databag) that did not stop the run.
 *
 * @param message empty on success; otherwise one line naming the file, entry and field (rejected) or the
 *     service and reason (apply failed)
 */
public record PipelineResult(Status status, String message, List<String> warnings) {
    /** The exit statuses of {@code update_config} and {@code vr_cfg}. */
    public enum Status {
        /** The state was merged and converged (or the input had already been processed). */
        CONVERGED(0),
        /** The input was rejected before anything changed: arguments, file, JSON, a field. */
        REJECTED(1),
        /** The input was merged but applying it failed; the failed service's previous state is in force. */
        APPLY_FAILED(2);

        private final int exitCode;

        Status(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    public PipelineResult {
        requireNonNull(status, "status is null");
        requireNonNull(message, "message is null");
        warnings = List.copyOf(warnings);
    }

    static PipelineResult converged(List<String> warnings) {
        return new PipelineResult(Status.CONVERGED, "", warnings);
    }

    static PipelineResult rejected(String message, List<String> warnings) {
        return new PipelineResult(Status.REJECTED, message, warnings);
    }

    static PipelineResult applyFailed(String message, List<String> warnings) {
        return new PipelineResult(Status.APPLY_FAILED, message, warnings);
    }

    public int exitCode() {
        return status.exitCode();
    }
}
