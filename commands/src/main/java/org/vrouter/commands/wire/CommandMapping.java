package org.vrouter.commands.wire;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.vrouter.commands.NetworkElementCommand;
import org.vrouter.commands.wire.payload.DatabagType;
import org.vrouter.commands.wire.payload.Payload;

/**
 * How one command class travels to a CloudStack router. Four {@link Kind kinds}: JSON payloads (each
 * one file plus an {@code update_config.py} call), nothing at all, a query (script calls whose output
 * the answer parses), or a command the hypervisor resource handles itself and the codec refuses.
 *
 * @param commandClass the exact command class (CloudStack looks converters up by exact class too)
 * @param kind what the command becomes
 * @param produces the databag file types its payloads have, in order; empty unless {@link Kind#PAYLOADS}
 * @param scripts the router scripts it runs besides {@code update_config.py}, by name: a query's scripts,
 *     or a payload command's follow-up steps ({@code configure.py})
 * @param payloads builds the payloads from a command (the clock serves names CloudStack stamps with the
 *     time, such as haproxy's candidate file)
 * @param queryScripts builds a query's script calls, in the order the resource runs them
 * @param note one line for the wire-format documentation (empty if nothing to add)
 */
public record CommandMapping<C extends NetworkElementCommand>(
        Class<C> commandClass,
        Kind kind,
        List<DatabagType> produces,
        List<String> scripts,
        BiFunction<C, Clock, List<Payload>> payloads,
        Function<C, List<ScriptConfigItem>> queryScripts,
        String note) {

    /** What a command becomes on the wire. */
    public enum Kind {
        /** One file {@code <name>.json.<uuid>} and one {@code update_config.py} call per payload (plus follow-ups). */
        PAYLOADS,
        /** No step at all: CloudStack's resource answers success with details {@code Nothing to do}. */
        NOTHING,
        /** Script calls run directly (never batched); the answer parses the output of the last one. */
        QUERY,
        /** Handled by the hypervisor resource itself (batch control); the codec rejects it. */
        RESOURCE
    }

    public CommandMapping {
        requireNonNull(commandClass, "commandClass is null");
        requireNonNull(kind, "kind is null");
        produces = List.copyOf(produces);
        scripts = List.copyOf(scripts);
        requireNonNull(payloads, "payloads is null");
        requireNonNull(queryScripts, "queryScripts is null");
        requireNonNull(note, "note is null");
        if (kind == Kind.PAYLOADS == produces.isEmpty()) {
            throw new IllegalArgumentException(commandClass.getSimpleName() + ": exactly the payload mappings name the file types they produce");
        }
        if (kind == Kind.QUERY && scripts.isEmpty()) {
            throw new IllegalArgumentException(commandClass.getSimpleName() + ": a query names the scripts it runs");
        }
    }

    /** A command that becomes payloads of the given types, in that order. */
    public static <C extends NetworkElementCommand> CommandMapping<C> payloads(
            Class<C> commandClass, List<DatabagType> produces, BiFunction<C, Clock, List<Payload>> payloads, String note) {
        return new CommandMapping<>(commandClass, Kind.PAYLOADS, produces, List.of(), payloads, command -> List.of(), note);
    }

    /** A command that becomes one payload of one type and needs no clock. */
    public static <C extends NetworkElementCommand> CommandMapping<C> payload(
            Class<C> commandClass, DatabagType produces, Function<C, ? extends Payload> payload, String note) {
        return payloads(commandClass, List.of(produces), (command, clock) -> List.of(payload.apply(command)), note);
    }

    /** A query: script calls named {@code scripts}, no payload. */
    public static <C extends NetworkElementCommand> CommandMapping<C> query(
            Class<C> commandClass, List<String> scripts, Function<C, List<ScriptConfigItem>> calls, String note) {
        return new CommandMapping<>(commandClass, Kind.QUERY, List.of(), scripts, (command, clock) -> List.of(), calls, note);
    }

    /** A command the router needs nothing for. */
    public static <C extends NetworkElementCommand> CommandMapping<C> nothing(Class<C> commandClass, String note) {
        return new CommandMapping<>(commandClass, Kind.NOTHING, List.of(), List.of(), (command, clock) -> List.of(), command -> List.of(), note);
    }

    /** A command the hypervisor resource handles itself; {@code note} says how, and is the codec's refusal. */
    public static <C extends NetworkElementCommand> CommandMapping<C> resource(Class<C> commandClass, String note) {
        return new CommandMapping<>(commandClass, Kind.RESOURCE, List.of(), List.of(), (command, clock) -> List.of(), command -> List.of(), note);
    }

    /** The same mapping with follow-up scripts declared (run after the payload steps, see {@link FollowUpSteps}). */
    public CommandMapping<C> withFollowUps(String... scriptNames) {
        return new CommandMapping<>(commandClass, kind, produces, List.of(scriptNames), payloads, queryScripts, note);
    }

    public boolean isQuery() {
        return kind == Kind.QUERY;
    }

    List<Payload> payloadsOf(NetworkElementCommand command, Clock clock) {
        return List.copyOf(payloads.apply(commandClass.cast(command), clock));
    }

    List<ScriptConfigItem> queryOf(NetworkElementCommand command) {
        return List.copyOf(queryScripts.apply(commandClass.cast(command)));
    }
}
