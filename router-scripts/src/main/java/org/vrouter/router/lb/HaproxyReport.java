package org.vrouter.router.lb;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

import org.vrouter.router.service.ServiceAction;

/** What one {@link HaproxyApplier#apply} did to haproxy, and how long it took. */
public record HaproxyReport(ServiceAction action, Duration elapsed) {
    public HaproxyReport {
        requireNonNull(action, "action is null");
        requireNonNull(elapsed, "elapsed is null");
    }

    /** Whether the configuration changed (false: no program was run). */
    public boolean changed() {
        return action != ServiceAction.UNCHANGED;
    }
}
