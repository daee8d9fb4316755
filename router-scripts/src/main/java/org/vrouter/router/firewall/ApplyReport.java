package org.vrouter.router.firewall;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** What one {@link IptablesApplier#apply} did: the chain diff it applied, the payload size and the time taken. */
public record ApplyReport(RulesetDiff diff, int payloadLines, Duration elapsed) {
    public ApplyReport {
        requireNonNull(diff, "diff is null");
        requireNonNull(elapsed, "elapsed is null");
    }

    /** Whether the kernel was changed (false: no process was run). */
    public boolean changed() {
        return !diff.isEmpty();
    }
}
