package org.vrouter.commands;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.command.Answer;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.vm.PowerState;

/**
 * The answer to a {@link CheckVirtualMachineCommand}: CloudStack's {@code CheckVirtualMachineAnswer},
 * the VM's power state on the host ({@link PowerState#MISSING} when the host does not know it). A
 * failed answer always carries {@link PowerState#UNKNOWN}.
 */
public record CheckVirtualMachineAnswer(boolean success, String details, PowerState state) implements Answer {
    public CheckVirtualMachineAnswer {
        requireNonNull(details, "details is null");
        requireNonNull(state, "state is null");
        if (!success && state != PowerState.UNKNOWN) {
            throw new InvalidParameterException("state", "a failed check has state PowerUnknown", state.wireName());
        }
    }

    public static CheckVirtualMachineAnswer of(PowerState state) {
        return new CheckVirtualMachineAnswer(true, state.wireName(), state);
    }

    public static CheckVirtualMachineAnswer failure(String details) {
        return new CheckVirtualMachineAnswer(false, details, PowerState.UNKNOWN);
    }
}
