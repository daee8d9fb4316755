package org.vrouter.core.health;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.RedundantState;
import org.vrouter.api.router.RouterState;
import org.vrouter.api.vm.PowerState;

/**
 * What the {@link RouterHealthChecker} last learned about one router, for the embedding
 * controller: read it with {@link RouterHealthChecker#report(long)} or
 * {@link RouterHealthChecker#reports()}.
 *
 * @param state the router's state when last looked at
 * @param powerState what its host last said about the VM; empty until a Running router was checked
 * @param lastCheck when the router was last looked at
 * @param failedChecks power checks in a row that got no usable answer
 * @param restarts successful restarts since the checker started
 * @param failedRestarts failed restarts in a row; 0 once one succeeds
 * @param nextRestart when the next restart attempt is due, while the router is being recovered
 * @param lastError the last check or restart failure, if any
 */
public record HealthReport(long routerId, String routerName, RouterState state, Optional<PowerState> powerState, RedundantState redundantState,
        Optional<Instant> lastCheck, int failedChecks, int restarts, int failedRestarts, Optional<Instant> nextRestart,
        Optional<String> lastError) {

    public HealthReport {
        requireNonNull(routerName, "routerName is null");
        requireNonNull(state, "state is null");
        requireNonNull(powerState, "powerState is null");
        requireNonNull(redundantState, "redundantState is null");
        requireNonNull(lastCheck, "lastCheck is null");
        requireNonNull(nextRestart, "nextRestart is null");
        requireNonNull(lastError, "lastError is null");
    }

    /** A router seen for the first time. */
    static HealthReport of(DomainRouter router) {
        return new HealthReport(router.id(), router.instanceName(), router.state(), Optional.empty(), router.redundantState(), Optional.empty(),
                0, 0, 0, Optional.empty(), Optional.empty());
    }

    /** Looked at {@code at}: the router as stored then. */
    HealthReport seen(DomainRouter router, Instant at) {
        return new HealthReport(routerId, routerName, router.state(), powerState, router.redundantState(), Optional.of(at), failedChecks, restarts,
                failedRestarts, nextRestart, lastError);
    }

    HealthReport powered(PowerState power) {
        return new HealthReport(routerId, routerName, state, Optional.of(power), redundantState, lastCheck, 0, restarts, failedRestarts,
                nextRestart, lastError);
    }

    HealthReport checkFailed(String error) {
        return new HealthReport(routerId, routerName, state, Optional.of(PowerState.UNKNOWN), redundantState, lastCheck, failedChecks + 1,
                restarts, failedRestarts, nextRestart, Optional.of(error));
    }

    HealthReport restarted(DomainRouter router) {
        return new HealthReport(routerId, routerName, router.state(), Optional.of(PowerState.ON), router.redundantState(), lastCheck, 0,
                restarts + 1, 0, Optional.empty(), lastError);
    }

    HealthReport restartFailed(String error, Optional<Instant> next) {
        return new HealthReport(routerId, routerName, state, powerState, redundantState, lastCheck, failedChecks, restarts, failedRestarts + 1,
                next, Optional.of(error));
    }

    HealthReport withRedundantState(RedundantState newState) {
        return new HealthReport(routerId, routerName, state, powerState, newState, lastCheck, failedChecks, restarts, failedRestarts, nextRestart,
                lastError);
    }
}
