package org.vrouter.hypervisor.vmware.vsphere;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

import org.vrouter.api.validation.FieldChecks;

/**
 * A VM to create in one {@code CreateVM_Task}: sizing, NICs in device order (the first is the
 * guest's {@code eth0}), disks, and {@code extraConfig} (the router's boot arguments travel in
 * {@code machine.id}).
 *
 * @param guestId vSphere's guest OS identifier ({@code otherLinux64Guest})
 * @param memoryMb at least 4
 */
public record VmSpec(String name, VmPlacement placement, String guestId, int cpus, long memoryMb, List<VmNic> nics, List<VmDisk> disks,
        Map<String, String> extraConfig) {

    public VmSpec {
        FieldChecks.requireHostName("name", name);
        requireNonNull(placement, "placement is null");
        FieldChecks.requireIdentifier("guest_id", guestId);
        FieldChecks.requireRange("cpus", cpus, 1, 768);
        FieldChecks.requireRange("memory_mb", memoryMb, 4, 24L * 1024 * 1024);
        nics = List.copyOf(requireNonNull(nics, "nics is null"));
        disks = List.copyOf(requireNonNull(disks, "disks is null"));
        extraConfig = Map.copyOf(requireNonNull(extraConfig, "extraConfig is null"));
        extraConfig.forEach((key, value) -> FieldChecks.requireIdentifier("extra_config", key));
    }
}
