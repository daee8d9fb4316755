package org.vrouter.commands;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.command.Command;
import org.vrouter.api.validation.FieldChecks;
import org.vrouter.commands.to.NicTO;

/**
 * Removes a NIC from a running VM: CloudStack's {@code UnPlugNicCommand(NicTO, instanceName)}, sent
 * when a tier leaves a VPC router. The resource finds the NIC by its MAC; a NIC that is already
 * gone counts as unplugged. Handled by the hypervisor resource; nothing goes to the router.
 *
 * @param vmName the instance name ({@code r-12-VM})
 */
public record UnPlugNicCommand(NicTO nic, String vmName) implements Command {
    public UnPlugNicCommand {
        requireNonNull(nic, "nic is null");
        FieldChecks.requireHostName("vm_name", vmName);
    }
}
