package org.vrouter.commands;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import org.vrouter.api.command.Answer;
import org.vrouter.api.validation.FieldChecks;

/**
 * The answer to a {@link StartCommand}: CloudStack's {@code StartAnswer}, reduced to what the
 * router manager reads.
 *
 * @param hostGuid the host the VM actually runs on, when the resource found it already running
 *     elsewhere (XenServer reports this)
 */
public record StartAnswer(boolean success, String details, Optional<String> hostGuid) implements Answer {
    public StartAnswer {
        requireNonNull(details, "details is null");
        requireNonNull(hostGuid, "hostGuid is null").ifPresent(guid -> FieldChecks.requireIdentifier("host_guid", guid));
    }

    public static StartAnswer started() {
        return new StartAnswer(true, "", Optional.empty());
    }

    public static StartAnswer failure(String details) {
        return new StartAnswer(false, details, Optional.empty());
    }

    /** The VM was found running on the host {@code hostGuid}. */
    public static StartAnswer runningElsewhere(String details, String hostGuid) {
        return new StartAnswer(false, details, Optional.of(hostGuid));
    }
}
