package org.vrouter.commands.wire;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.vrouter.commands.NetworkElementCommand;
import org.vrouter.commands.wire.payload.Payload;
import org.vrouter.commands.wire.payload.PayloadCodec;

/**
 * Turns typed router commands into exactly what a CloudStack router expects: for each payload a
 * file {@code /var/cache/cloud/<name>.json.<uuid>} holding one line of JSON, then
 * {@code /opt/cloud/bin/update_config.py <name>.json.<uuid>} (with a trailing {@code false} when
 * the payload asks the router to delete instead of archive it); for a query, one script call; and
 * for a batch, one {@code VR-<uuid>.cfg} text for {@code vr_cfg.sh -c}.
 *
 * <p>Pure: no I/O. File ids come from the injected supplier and time-stamped names from the clock,
 * so tests get stable output. Thread-safe.
 */
public final class CommandCodec {
    private final Supplier<UUID> ids;
    private final Clock clock;
    private final PayloadCodec json = new PayloadCodec();

    public CommandCodec(Supplier<UUID> ids, Clock clock) {
        this.ids = requireNonNull(ids, "ids is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** A codec with random (version 4) file ids and the system clock, as CloudStack's resource uses. */
    public static CommandCodec withRandomIds() {
        return new CommandCodec(UUID::randomUUID, Clock.systemUTC());
    }

    /**
     * Every command class the codec knows, with its wire form, in documentation order; includes the
     * commands it refuses ({@link CommandMapping.Kind#RESOURCE}).
     */
    public static List<CommandMapping<?>> mappings() {
        return CommandMappings.all();
    }

    /**
     * The JSON payloads a command becomes, in order; empty for a query and for a command the router needs
     * nothing for ({@code SetSourceNatCommand}).
     *
     * @throws UnsupportedCommandException when no mapping exists for the command's exact class, or the
     *     command is one the hypervisor resource handles itself ({@code AggregationControlCommand})
     * @throws org.vrouter.api.error.InvalidParameterException naming the wire field when the command lacks
     *     a value the router needs (an address whose NIC device number the resource has not filled in)
     */
    public List<Payload> payloads(NetworkElementCommand command) {
        return mapping(command).payloadsOf(command, clock);
    }

    /**
     * The steps that apply the command on the router, in order: for each payload its file and its
     * {@code update_config.py} call, then any follow-up script; for a query its script calls (the resource
     * runs them in order, stops at the first failure and parses the last one's output); nothing for a
     * command the router needs nothing for (CloudStack answers success {@code Nothing to do}).
     *
     * @throws UnsupportedCommandException as {@link #payloads}
     * @throws org.vrouter.api.error.InvalidParameterException as {@link #payloads}
     */
    public List<ConfigItem> configItems(NetworkElementCommand command) {
        CommandMapping<?> mapping = mapping(command);
        if (mapping.isQuery()) {
            return List.copyOf(mapping.queryOf(command));
        }
        List<ConfigItem> items = new ArrayList<>();
        for (Payload payload : mapping.payloadsOf(command, clock)) {
            String name = payload.databagType().fileName(ids.get());
            items.add(FileConfigItem.inCache(name, json.toJson(payload)));
            items.add(payload.deleteFromProcessedCache()
                    ? ScriptConfigItem.of(ScriptConfigItem.UPDATE_CONFIG, name, "false")
                    : ScriptConfigItem.of(ScriptConfigItem.UPDATE_CONFIG, name));
        }
        items.addAll(FollowUpSteps.after(command));
        return List.copyOf(items);
    }

    /**
     * One batch for {@code vr_cfg.sh -c}: every command's items in order. Queries cannot be batched.
     *
     * @throws IllegalArgumentException when a query is among the commands
     * @throws UnsupportedCommandException as {@link #payloads}
     */
    public ConfigBatch batch(List<? extends NetworkElementCommand> commands) {
        List<ConfigItem> items = new ArrayList<>();
        for (NetworkElementCommand command : commands) {
            if (mapping(command).isQuery()) {
                throw new IllegalArgumentException("a query cannot be part of a batch: " + command.getClass().getSimpleName());
            }
            items.addAll(configItems(command));
        }
        return new ConfigBatch(items);
    }

    private static CommandMapping<?> mapping(NetworkElementCommand command) {
        requireNonNull(command, "command is null");
        CommandMapping<?> mapping = CommandMappings.find(command.getClass()).orElseThrow(() -> new UnsupportedCommandException(command.getClass()));
        if (mapping.kind() == CommandMapping.Kind.RESOURCE) {
            throw new UnsupportedCommandException(command.getClass(), mapping.note());
        }
        return mapping;
    }
}
