package org.vrouter.commands;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import org.vrouter.api.command.Command;
import org.vrouter.api.net.IpAddress;
import org.vrouter.commands.to.VirtualMachineTO;

/**
 * Starts a VM, here a router, on a hypervisor host: CloudStack's {@code StartCommand}. The
 * hypervisor resource handles it itself (KVM domain XML, XenAPI, vSphere); nothing goes to the
 * router. The boot arguments in {@link VirtualMachineTO#bootArgs()} reach the router through the
 * hypervisor's carrier and become {@code /var/cache/cloud/cmd_line.json} there.
 *
 * <p>In CloudStack it comes first in the start batch, before {@code checkSsh} and the router's
 * configuration; router starts (names {@code r-...}) are never queued behind the host's other
 * in-sequence commands.
 *
 * @param hostIp the target host's private IP (KVM listens for VNC on it), when known
 */
public record StartCommand(VirtualMachineTO vm, Optional<IpAddress> hostIp) implements Command {
    public StartCommand {
        requireNonNull(vm, "vm is null");
        requireNonNull(hostIp, "hostIp is null");
    }

    public static StartCommand of(VirtualMachineTO vm) {
        return new StartCommand(vm, Optional.empty());
    }

    public static StartCommand of(VirtualMachineTO vm, IpAddress hostIp) {
        return new StartCommand(vm, Optional.of(hostIp));
    }
}
