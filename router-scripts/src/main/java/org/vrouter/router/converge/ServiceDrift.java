package org.vrouter.router.converge;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * How one service on the machine differs from what the databags describe, for {@code vrouter verify}:
 * rendered files whose bytes differ, a daemon that is not running, kernel chains, sets or addresses that
 * differ. Found by reading only; nothing is changed.
 *
 * @param detail why the service was skipped or could not be checked; empty otherwise
 * @param differences one line each, empty unless {@link State#DRIFTED}
 */
public record ServiceDrift(String service, State state, String detail, List<String> differences) {
    /** The result of the check. */
    public enum State {
        /** The machine holds exactly the rendered state. */
        IN_SYNC,
        /** Something differs; see the differences. */
        DRIFTED,
        /** The service does not apply to this router. */
        SKIPPED,
        /** The desired state could not be rendered, or the machine could not be read. */
        FAILED
    }

    public ServiceDrift {
        requireNonNull(service, "service is null");
        requireNonNull(state, "state is null");
        requireNonNull(detail, "detail is null");
        differences = List.copyOf(requireNonNull(differences, "differences is null"));
        if ((state == State.DRIFTED) == differences.isEmpty()) {
            throw new IllegalArgumentException("a service has differences exactly when it drifted: " + state + " " + differences);
        }
    }

    /** In sync when {@code differences} is empty, drifted otherwise. */
    public static ServiceDrift of(String service, List<String> differences) {
        return new ServiceDrift(service, differences.isEmpty() ? State.IN_SYNC : State.DRIFTED, "", differences);
    }

    public static ServiceDrift skipped(String service, String reason) {
        return new ServiceDrift(service, State.SKIPPED, reason, List.of());
    }

    public static ServiceDrift failed(String service, String reason) {
        return new ServiceDrift(service, State.FAILED, reason, List.of());
    }

    /** Whether the machine needs a repair (or could not be checked). */
    public boolean needsAttention() {
        return state == State.DRIFTED || state == State.FAILED;
    }
}
