package org.vrouter.api.rule;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.validation.FieldChecks;

/**
 * How a load balancer checks its backends: an HTTP request for {@code pingPath} every
 * {@code intervalSeconds}, answered within {@code responseTimeSeconds}, with thresholds for
 * declaring a backend healthy or unhealthy.
 *
 * <p>Validated at construction: the path starts with {@code /} and holds no whitespace, quotes or
 * control characters (it lands in haproxy's {@code option httpchk} line); the interval is longer
 * than the response time.
 */
public record HealthCheckPolicy(String pingPath, int responseTimeSeconds, int intervalSeconds, int healthyThreshold,
        int unhealthyThreshold) {
    public HealthCheckPolicy {
        requireNonNull(pingPath, "pingPath is null");
        FieldChecks.requireSafeText("ping_path", pingPath);
        if (!pingPath.startsWith("/") || pingPath.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidParameterException("ping_path", "must start with '/' and contain no whitespace", pingPath);
        }
        FieldChecks.requireRange("response_time", responseTimeSeconds, 1, 600);
        FieldChecks.requireRange("interval", intervalSeconds, 1, 3600);
        FieldChecks.requireRange("healthy_threshold", healthyThreshold, 1, 100);
        FieldChecks.requireRange("unhealthy_threshold", unhealthyThreshold, 1, 100);
        if (intervalSeconds <= responseTimeSeconds) {
            throw new InvalidParameterException("interval", "must be longer than response_time " + responseTimeSeconds + "s", intervalSeconds);
        }
    }

    /** CloudStack's defaults: {@code /}, 2 s response time, 5 s interval, thresholds 2 and 10. */
    public static HealthCheckPolicy defaults() {
        return new HealthCheckPolicy("/", 2, 5, 2, 10);
    }
}
