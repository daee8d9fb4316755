package org.vrouter.commands;

import org.vrouter.api.command.Command;
import org.vrouter.api.validation.FieldChecks;

/**
 * Asks the hypervisor for a VM's power state: CloudStack's {@code CheckVirtualMachineCommand}. The
 * health checker uses it before deciding to restart a router; the resource answers with a
 * {@link CheckVirtualMachineAnswer}.
 *
 * @param vmName the instance name ({@code r-12-VM})
 */
public record CheckVirtualMachineCommand(String vmName) implements Command {
    public CheckVirtualMachineCommand {
        FieldChecks.requireHostName("vm_name", vmName);
    }

    @Override
    public boolean isQuery() {
        return true;
    }
}
