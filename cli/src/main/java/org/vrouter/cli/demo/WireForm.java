package org.vrouter.cli.demo;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.vrouter.api.command.Command;
import org.vrouter.commands.AggregationControlCommand;
import org.vrouter.commands.CheckSshCommand;
import org.vrouter.commands.StartCommand;
import org.vrouter.commands.wire.CommandCodec;
import org.vrouter.commands.wire.CommandMapping;
import org.vrouter.commands.wire.payload.DatabagType;

/**
 * What a command becomes, in a few words: for a router command the wire files and their databag
 * types ({@code vm_dhcp_entry.json (dhcpentry)}) or the script a query runs, from the codec's
 * mappings; for a batch control, where the batch starts and is sent; for anything else, what the
 * hypervisor does with it. Stateless.
 */
final class WireForm {
    private static final Map<Class<?>, CommandMapping<?>> MAPPINGS = CommandCodec.mappings().stream()
            .collect(Collectors.toUnmodifiableMap(CommandMapping::commandClass, Function.identity()));

    private WireForm() {}

    static String of(Command command) {
        if (command instanceof AggregationControlCommand control) {
            return control.action() == AggregationControlCommand.Action.START ? "batch begins: the commands below are queued"
                    : "batch sent as one VR-<uuid>.cfg: vr_cfg.sh -c, one converge";
        }
        if (command instanceof StartCommand start) {
            return "hypervisor: boot " + start.vm().name() + " with " + start.vm().nics().size() + " NICs and its boot arguments";
        }
        if (command instanceof CheckSshCommand check) {
            return "hypervisor: is " + check.ip() + ":" + check.port() + " reachable?";
        }
        CommandMapping<?> mapping = MAPPINGS.get(command.getClass());
        if (mapping == null) {
            return "hypervisor";
        }
        return switch (mapping.kind()) {
            case PAYLOADS -> mapping.produces().stream().map(WireForm::file).collect(Collectors.joining(", "));
            case QUERY -> String.join(", ", mapping.scripts());
            case NOTHING -> "nothing to send";
            case RESOURCE -> "hypervisor";
        };
    }

    private static String file(DatabagType type) {
        return type.fileName() + " (" + type.jsonType() + ")";
    }
}
