package org.vrouter.commands.wire;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.vrouter.commands.NetworkElementCommand;
import org.vrouter.commands.wire.payload.DatabagType;
import org.vrouter.commands.wire.payload.Payload;

/**
 * How one command class travels to a CloudStack router: either as JSON payloads (each one file plus
 * an {@code update_config.py} call) or as a query script whose output the answer parses.
 *
 * @param commandClass the exact command class
 * @param produces the databag file types its payloads have, in order (empty for queries and for
 *     commands that need nothing on the router)
 * @param payloads builds the payloads from a command (the clock serves names that CloudStack stamps
 *     with the time, such as haproxy's temporary file)
 * @param query for a query: the script call it becomes
 * @param note one line for the wire-format documentation (empty if nothing to add)
 */
public record CommandMapping<C extends NetworkElementCommand>(
        Class<C> commandClass,
        List<DatabagType> produces,
        BiFunction<C, Clock, List<Payload>> payloads,
        Optional<Function<C, ScriptConfigItem>> query,
        String note) {

    public CommandMapping {
        requireNonNull(commandClass, "commandClass is null");
        produces = List.copyOf(produces);
        requireNonNull(payloads, "payloads is null");
        requireNonNull(query, "query is null");
        requireNonNull(note, "note is null");
    }

    /** A command that becomes payloads of the given types. */
    public static <C extends NetworkElementCommand> CommandMapping<C> payloads(
            Class<C> commandClass, List<DatabagType> produces, BiFunction<C, Clock, List<Payload>> payloads, String note) {
        return new CommandMapping<>(commandClass, produces, payloads, Optional.empty(), note);
    }

    /** A command that becomes one payload of one type and needs no clock. */
    public static <C extends NetworkElementCommand> CommandMapping<C> payload(
            Class<C> commandClass, DatabagType produces, Function<C, Payload> payload, String note) {
        return payloads(commandClass, List.of(produces), (command, clock) -> List.of(payload.apply(command)), note);
    }

    /** A query: one script call, no payload. */
    public static <C extends NetworkElementCommand> CommandMapping<C> query(
            Class<C> commandClass, Function<C, ScriptConfigItem> script, String note) {
        return new CommandMapping<>(commandClass, List.of(), (command, clock) -> List.of(), Optional.of(script), note);
    }

    boolean isQuery() {
        return query.isPresent();
    }

    List<Payload> payloadsOf(NetworkElementCommand command, Clock clock) {
        return payloads.apply(commandClass.cast(command), clock);
    }

    ScriptConfigItem queryOf(NetworkElementCommand command) {
        return query.orElseThrow().apply(commandClass.cast(command));
    }
}
