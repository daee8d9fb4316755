package org.vrouter.hypervisor.vmware;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.commands.to.DiskTO;
import org.vrouter.commands.to.NicTO;
import org.vrouter.commands.to.VirtualMachineTO;
import org.vrouter.hypervisor.vmware.vsphere.VmDisk;
import org.vrouter.hypervisor.vmware.vsphere.VmInfo;
import org.vrouter.hypervisor.vmware.vsphere.VmNic;
import org.vrouter.hypervisor.vmware.vsphere.VmSpec;

/**
 * What a router's {@link VirtualMachineTO} becomes on vSphere, and when a VM left over under the
 * router's name may serve again. Stateless.
 *
 * <ul>
 *   <li>vCPUs as given; memory = the maximum RAM in MiB, rounded up;
 *   <li>one VMXNET3 adapter per NIC in device order (so {@code ethN} = device id N when ids are
 *       dense), with the NIC's MAC, on the port group {@link PortGroupNaming} names;
 *   <li>each root or data disk attached from {@code [<datastore>] <path>} ({@code .vmdk} added when
 *       missing; a path already starting with {@code [} is taken as it is) at SCSI unit = device id
 *       (unit 7, the controller's, is skipped); ISO drives are not attached (the router boots from
 *       its root disk);
 *   <li>extraConfig {@code machine.id} = the boot-argument line (the router reads it with VMware
 *       Tools) and {@code devices.hotplug = true}, set in the create itself rather than a second
 *       reconfigure as CloudStack does.
 * </ul>
 */
final class RouterVms {
    static final String DEVICES_HOTPLUG = "devices.hotplug";
    private static final long MIB = 1024L * 1024;

    private RouterVms() {}

    /**
     * @throws InvalidParameterException when a disk's device id does not fit the SCSI controller
     */
    static VmSpec spec(VirtualMachineTO vm, VmwareSettings settings) {
        List<VmNic> nics = vm.nics().stream().map(nic -> new VmNic(nic.macAddress(), settings.portGroups().portGroup(nic))).toList();
        List<VmDisk> disks = new ArrayList<>();
        for (DiskTO disk : vm.disks()) {
            if (disk.type() != DiskTO.Type.ISO) {
                disks.add(new VmDisk(datastorePath(disk.path().orElseThrow(), settings.placement().datastore()), unit(disk.deviceId())));
            }
        }
        long memoryMb = (vm.maxRamBytes() + MIB - 1) / MIB;
        return new VmSpec(vm.name(), settings.placement(), settings.guestId(), vm.cpus(), memoryMb, nics, disks,
                Map.of(VmInfo.MACHINE_ID, vm.bootArgsLine().strip(), DEVICES_HOTPLUG, "true"));
    }

    /** The port group of each NIC, for messages: {@code eth1 (Control): cloud.private.untagged.0.1-vSwitch0}. */
    static String describe(NicTO nic, VmwareSettings settings) {
        return nic.deviceName() + " (" + nic.trafficType().wireName() + "): " + settings.portGroups().portGroup(nic);
    }

    /**
     * Whether the leftover VM {@code existing} is what {@code spec} would create: same vCPUs,
     * memory, adapters (MAC and port group, in order) and boot arguments. Disks are not compared
     * (a reused VM keeps the disks it has).
     */
    static boolean matches(VmInfo existing, VmSpec spec) {
        return existing.cpus() == spec.cpus()
                && existing.memoryMb() == spec.memoryMb()
                && existing.nics().equals(spec.nics())
                && existing.machineId().equals(Optional.ofNullable(spec.extraConfig().get(VmInfo.MACHINE_ID)));
    }

    private static String datastorePath(String path, String datastore) {
        if (path.startsWith("[")) {
            return path;
        }
        return "[" + datastore + "] " + (path.endsWith(".vmdk") ? path : path + ".vmdk");
    }

    private static int unit(int deviceId) {
        int unit = deviceId < 7 ? deviceId : deviceId + 1;
        if (unit > 15) {
            throw new InvalidParameterException("disks.device_id", "does not fit one SCSI controller (at most 14)", deviceId);
        }
        return unit;
    }
}
