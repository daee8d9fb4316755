package org.vrouter.commands;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.vrouter.api.command.Command;
import org.vrouter.api.validation.FieldChecks;
import org.vrouter.api.vm.VirtualMachine;
import org.vrouter.commands.to.NicTO;

/**
 * Hot-plugs a NIC into a running VM: CloudStack's {@code PlugNicCommand(NicTO, instanceName, type,
 * details)}. A VPC router boots with its control NIC only and gets its public and tier NICs this
 * way (management-side §8.3). Handled by the hypervisor resource (libvirt attach, XenAPI VIF plug,
 * vSphere reconfigure, a veth in the netns backend); nothing goes to the router. The NIC's
 * {@code deviceId} is the {@code ethN} it becomes; plugging a device id the VM already has fails.
 *
 * @param vmName the instance name ({@code r-12-VM})
 * @param details hypervisor-specific NIC details (VMware's {@code NIC_ADAPTER}); keys sorted
 */
public record PlugNicCommand(NicTO nic, String vmName, VirtualMachine.Type vmType, Map<String, String> details) implements Command {
    public PlugNicCommand {
        requireNonNull(nic, "nic is null");
        FieldChecks.requireHostName("vm_name", vmName);
        requireNonNull(vmType, "vmType is null");
        requireNonNull(details, "details is null");
        Map<String, String> sorted = new TreeMap<>();
        details.forEach((key, value) -> sorted.put(FieldChecks.requireIdentifier("details", key),
                FieldChecks.requireSafeText("details." + key, requireNonNull(value, "detail value is null"))));
        details = Collections.unmodifiableMap(sorted);
    }

    /** Plugs {@code nic} into router {@code vmName}, without details. */
    public static PlugNicCommand forRouter(NicTO nic, String vmName) {
        return new PlugNicCommand(nic, vmName, VirtualMachine.Type.DOMAIN_ROUTER, Map.of());
    }
}
