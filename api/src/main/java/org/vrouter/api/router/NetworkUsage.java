package org.vrouter.api.router;

import org.vrouter.api.validation.FieldChecks;

/**
 * A router's byte counters for guest traffic to and from the public side since the last reset
 * (CloudStack's {@code NetworkUsageAnswer}), as {@link RouterManager#networkUsage} reads them. The
 * host controller adds them to its per-network statistics.
 */
public record NetworkUsage(long routerId, long bytesSent, long bytesReceived) {
    public NetworkUsage {
        FieldChecks.requirePositive("router_id", routerId);
        FieldChecks.requireNonNegative("bytes_sent", bytesSent);
        FieldChecks.requireNonNegative("bytes_received", bytesReceived);
    }
}
