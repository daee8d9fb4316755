package org.vrouter.core.manager;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

import org.vrouter.api.error.CommandFailedException;
import org.vrouter.api.validation.FieldChecks;

/**
 * Why a router's last start failed, kept by {@link RouterManagerImpl#lastFailure(long)} for the
 * embedding controller (CloudStack raises an alert "Command: ... failed while starting virtual
 * router"). Replaced by the next failure, cleared by the next successful start.
 *
 * @param operation what failed ({@code start})
 * @param commandId the failing command's id in the start batch ({@code firewallEgress:204}), when a command failed
 * @param commandClass the failing command's class, when a command failed
 * @param details the failed answer's details, or the exception's message
 */
public record RouterFailure(long routerId, String routerName, String operation, Optional<String> commandId, Optional<String> commandClass,
        String details, Instant at) {

    public RouterFailure {
        FieldChecks.requirePositive("router_id", routerId);
        requireNonNull(routerName, "routerName is null");
        requireNonNull(operation, "operation is null");
        requireNonNull(commandId, "commandId is null");
        requireNonNull(commandClass, "commandClass is null");
        requireNonNull(details, "details is null");
        requireNonNull(at, "at is null");
    }

    /** The failure {@code error} describes: a failed command's id, class and details, else the exception's message. */
    static RouterFailure of(long routerId, String routerName, String operation, RuntimeException error, Instant at) {
        if (error instanceof CommandFailedException failed) {
            return new RouterFailure(routerId, routerName, operation, failed.commandId(), Optional.of(failed.commandClass()), failed.details(),
                    at);
        }
        return new RouterFailure(routerId, routerName, operation, Optional.empty(), Optional.empty(), String.valueOf(error.getMessage()), at);
    }
}
