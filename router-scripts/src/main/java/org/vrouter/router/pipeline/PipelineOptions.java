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
 * @param settleLater leave what nothing waits on (CloudStack's derived files, the compaction of the databag
 *     journals) to {@link EntryPoints#settle}, rather than doing it before a run returns; for vrouterd, which
 *     settles a router after its reply, once the router is idle
 */
public record PipelineOptions(Duration lockTimeout, boolean deferConfig, Supplier<UUID> uuids, boolean settleLater) {
    /** CloudStack's script timeout is 10 minutes; a waiting update gives up well before the caller does. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(5);

    public PipelineOptions {
        requireNonNull(lockTimeout, "lockTimeout is null");
        requireNonNull(uuids, "uuids is null");
        if (lockTimeout.isNegative()) {
            throw new IllegalArgumentException("lockTimeout must not be negative: " + lockTimeout);
        }
    }

    /** Five-minute lock wait, no deferral, random UUIDs, every run settled before it returns. */
    public static PipelineOptions defaults() {
        return new PipelineOptions(DEFAULT_LOCK_TIMEOUT, false, UUID::randomUUID, false);
    }

    public PipelineOptions withDeferConfig(boolean value) {
        return new PipelineOptions(lockTimeout, value, uuids, settleLater);
    }

    public PipelineOptions withLockTimeout(Duration value) {
        return new PipelineOptions(value, deferConfig, uuids, settleLater);
    }

    public PipelineOptions withUuids(Supplier<UUID> value) {
        return new PipelineOptions(lockTimeout, deferConfig, value, settleLater);
    }

    public PipelineOptions withSettleLater(boolean value) {
        return new PipelineOptions(lockTimeout, deferConfig, uuids, value);
    }
}
