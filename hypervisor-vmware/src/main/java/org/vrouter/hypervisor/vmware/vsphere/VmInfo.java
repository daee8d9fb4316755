package org.vrouter.hypervisor.vmware.vsphere;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vrouter.api.validation.FieldChecks;
import org.vrouter.api.vm.PowerState;

/**
 * A VM as vCenter reports it.
 *
 * @param powerState {@link PowerState#ON} or {@link PowerState#OFF} (a suspended VM counts as
 *     OFF: it runs nothing)
 * @param nics the network adapters in device-key order, with their port group
 * @param extraConfig every {@code extraConfig} entry; when vCenter lists a key twice, the last
 *     value wins
 */
public record VmInfo(String name, PowerState powerState, int cpus, long memoryMb, List<VmNic> nics, Map<String, String> extraConfig) {
    /** The extraConfig key of the router's boot arguments (read in the guest with {@code vmtoolsd --cmd 'machine.id.get'}). */
    public static final String MACHINE_ID = "machine.id";

    public VmInfo {
        FieldChecks.requireNonBlank("name", name);
        requireNonNull(powerState, "powerState is null");
        nics = List.copyOf(requireNonNull(nics, "nics is null"));
        extraConfig = Map.copyOf(requireNonNull(extraConfig, "extraConfig is null"));
    }

    /** The router's boot arguments, when the VM carries them. */
    public Optional<String> machineId() {
        return Optional.ofNullable(extraConfig.get(MACHINE_ID));
    }
}
