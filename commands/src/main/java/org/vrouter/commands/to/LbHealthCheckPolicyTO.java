package org.vrouter.commands.to;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.regex.Pattern;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.validation.FieldChecks;

/**
 * How destinations of a load balancer rule are checked: CloudStack's {@code HealthCheckPolicyTO}
 * (ping path, response time, interval, healthy and unhealthy thresholds). A rule has at most one
 * active policy; revoked ones are left out by the caller.
 *
 * <p>CloudStack's virtual router ignores health check policies (only external load balancers apply
 * them) and always renders a plain {@code check}; vrouter renders them (see the haproxy renderer).
 *
 * @param pingPath the HTTP path to request ({@code /health}); empty for a TCP connect check. A
 *     path starts with {@code /} and holds URL characters only (no space, quote, {@code #},
 *     backslash or {@code $})
 * @param responseTimeSeconds how long a check may take, 1 to 3600 seconds
 * @param intervalSeconds time between checks, 1 to 86400 seconds
 * @param healthyThreshold consecutive successes that make a destination healthy, 1 to 100
 * @param unhealthyThreshold consecutive failures that make it unhealthy, 1 to 100
 */
public record LbHealthCheckPolicyTO(Optional<String> pingPath, int responseTimeSeconds, int intervalSeconds, int healthyThreshold,
        int unhealthyThreshold) {
    private static final Pattern PING_PATH = Pattern.compile("/[A-Za-z0-9._~!&()*+,;=:@%/?-]{0,1023}");

    public LbHealthCheckPolicyTO {
        requireNonNull(pingPath, "pingPath is null");
        pingPath.ifPresent(path -> {
            if (!PING_PATH.matcher(path).matches()) {
                throw new InvalidParameterException("ping_path",
                        "must start with '/' and contain only URL characters (no space, quote, '#', backslash or '$'), at most 1024", path);
            }
        });
        FieldChecks.requireRange("response_time", responseTimeSeconds, 1, 3600);
        FieldChecks.requireRange("health_check_interval", intervalSeconds, 1, 86400);
        FieldChecks.requireRange("healthy_threshold", healthyThreshold, 1, 100);
        FieldChecks.requireRange("unhealthy_threshold", unhealthyThreshold, 1, 100);
    }

    /** An HTTP check of {@code pingPath}. */
    public static LbHealthCheckPolicyTO http(String pingPath, int responseTimeSeconds, int intervalSeconds, int healthyThreshold,
            int unhealthyThreshold) {
        return new LbHealthCheckPolicyTO(Optional.of(pingPath), responseTimeSeconds, intervalSeconds, healthyThreshold, unhealthyThreshold);
    }

    /** A TCP connect check. */
    public static LbHealthCheckPolicyTO tcp(int responseTimeSeconds, int intervalSeconds, int healthyThreshold, int unhealthyThreshold) {
        return new LbHealthCheckPolicyTO(Optional.empty(), responseTimeSeconds, intervalSeconds, healthyThreshold, unhealthyThreshold);
    }
}
