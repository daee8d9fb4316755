package org.vrouter.router.pipeline;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Settings of the update pipeline.
 *
 * @param lockTimeout how long an update waits for another one to finish before giving up (exit 2)
 * @param deferConfig CloudStack's {@code DEFER_CONFIG}: {@code update_config} merges DHCP entries and VM
 *     metadata without converging them (a later run converges); set by CloudStack's own batch runner only
 * @param uuids the UUIDs inserted in archive names of one-dot inputs ({@code cmd_line.json})
 */
public record PipelineOptions(Duration lockTimeout, boolean deferConfig, Supplier<UUID> uuids) {
    /** CloudStack's script timeout is 10 minutes; a waiting update gives up well before the caller does. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(5);

    public PipelineOptions {
        requireNonNull(lockTimeout, "lockTimeout is null");
        requireNonNull(uuids, "uuids is null");
        if (lockTimeout.isNegative()) {
            throw new IllegalArgumentException("lockTimeout must not be negative: " + lockTimeout);
        }
    }

    /** Five-minute lock wait, no deferral, random UUIDs. */
    public static PipelineOptions defaults() {
        return new PipelineOptions(DEFAULT_LOCK_TIMEOUT, false, UUID::randomUUID);
    }

    public PipelineOptions withDeferConfig(boolean value) {
        return new PipelineOptions(lockTimeout, value, uuids);
    }

    public PipelineOptions withLockTimeout(Duration value) {
        return new PipelineOptions(value, deferConfig, uuids);
    }

    public PipelineOptions withUuids(Supplier<UUID> value) {
        return new PipelineOptions(lockTimeout, deferConfig, value);
    }
}
