package org.vrouter.commands.to;

import static java.util.Objects.requireNonNull;
import static org.vrouter.commands.to.TransferChecks.optional;

import java.util.Optional;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.validation.FieldChecks;

/**
 * One disk of a VM in a {@code StartCommand}: CloudStack's {@code DiskTO}, reduced to what a router
 * start needs. Root and data disks have a path (volume path or file on the host); an ISO drive may
 * be empty.
 *
 * @param id the volume's database id, not negative
 * @param path where the hypervisor finds the disk; required for {@link Type#ROOT} and {@link Type#DATADISK}
 * @param sizeBytes the virtual size, 0 when unknown (ISO)
 * @param deviceId the position on the bus (CloudStack's {@code diskSeq}), 0 to 255
 */
public record DiskTO(long id, Optional<String> uuid, Optional<String> path, Type type, long sizeBytes, int deviceId) {
    /** What the disk is, as CloudStack's {@code Volume.Type}. */
    public enum Type {
        ROOT,
        DATADISK,
        ISO
    }

    public DiskTO {
        FieldChecks.requireNonNegative("id", id);
        optional(uuid, "uuid").ifPresent(value -> FieldChecks.requireIdentifier("uuid", value));
        optional(path, "path").ifPresent(value -> TransferChecks.requireSafeName("path", value));
        requireNonNull(type, "type is null");
        FieldChecks.requireNonNegative("size", sizeBytes);
        FieldChecks.requireRange("device_id", deviceId, 0, 255);
        if (type != Type.ISO && path.isEmpty()) {
            throw new InvalidParameterException("path", "a " + type + " disk needs a path");
        }
    }

    public static DiskTO root(long id, String path, long sizeBytes) {
        return new DiskTO(id, Optional.empty(), Optional.of(path), Type.ROOT, sizeBytes, 0);
    }

    /** An ISO drive at {@code deviceId}, with the ISO's path or empty. */
    public static DiskTO iso(long id, Optional<String> path, int deviceId) {
        return new DiskTO(id, Optional.empty(), path, Type.ISO, 0, deviceId);
    }
}
