package org.vrouter.api.command;

import java.time.Duration;
import java.util.Optional;

/**
 * Something the management side asks a hypervisor host or a router to do. Implementations are
 * immutable values (the concrete commands live in the {@code commands} module); an
 * {@code AgentManager} delivers them and returns one {@link Answer} per command.
 */
public interface Command {
    /** How long the executor may take; empty means the executor's default. */
    default Optional<Duration> timeout() {
        return Optional.empty();
    }

    /**
     * Whether this command only reads state (CloudStack's {@code isQuery()}): queries are never
     * queued into an aggregated batch and never change the router.
     */
    default boolean isQuery() {
        return false;
    }
}
