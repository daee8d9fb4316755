package org.vrouter.core.health;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.validation.FieldChecks;

/**
 * How often the {@link RouterHealthChecker} looks at routers and how hard it tries to bring one
 * back.
 *
 * @param period time between two rounds (CloudStack's {@code router.check.interval}, 30 s); positive
 * @param initialBackoff the pause after the first failed restart; each further failure doubles it
 * @param maxBackoff the longest pause between two restart attempts; at least {@code initialBackoff}
 * @param maxRestartAttempts failed restarts in a row after which the router is given up (state
 *     Error); at least 1
 */
public record HealthCheckSettings(Duration period, Duration initialBackoff, Duration maxBackoff, int maxRestartAttempts) {
    public HealthCheckSettings {
        requirePositive("period", period);
        requirePositive("initial_backoff", initialBackoff);
        requirePositive("max_backoff", maxBackoff);
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new InvalidParameterException("max_backoff", "is below initial_backoff " + initialBackoff, maxBackoff);
        }
        FieldChecks.requireRange("max_restart_attempts", maxRestartAttempts, 1, 1000);
    }

    private static void requirePositive(String field, Duration duration) {
        requireNonNull(duration, () -> field + " is null");
        if (duration.isNegative() || duration.isZero()) {
            throw new InvalidParameterException(field, "must be positive", duration);
        }
    }

    /** Every 30 s; restarts after 30 s, 1, 2, 4 min...; at most 10 min apart; Error after 5 failed restarts. */
    public static HealthCheckSettings defaults() {
        return new HealthCheckSettings(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(10), 5);
    }

    /** The pause after {@code failures} failed restarts in a row (1 or more): doubling from the initial backoff, capped. */
    public Duration backoffAfter(int failures) {
        Duration pause = initialBackoff;
        for (int i = 1; i < failures && pause.compareTo(maxBackoff) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(maxBackoff) > 0 ? maxBackoff : pause;
    }
}
