package org.vrouter.hypervisor.vmware.yavijava;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.OptionValue;
import com.vmware.vim25.VirtualDevice;
import com.vmware.vim25.VirtualDeviceConfigSpec;
import com.vmware.vim25.VirtualDeviceConfigSpecOperation;
import com.vmware.vim25.VirtualDeviceConnectInfo;
import com.vmware.vim25.VirtualDisk;
import com.vmware.vim25.VirtualDiskFlatVer2BackingInfo;
import com.vmware.vim25.VirtualDiskMode;
import com.vmware.vim25.VirtualEthernetCardNetworkBackingInfo;
import com.vmware.vim25.VirtualLsiLogicController;
import com.vmware.vim25.VirtualMachineConfigSpec;
import com.vmware.vim25.VirtualMachineFileInfo;
import com.vmware.vim25.VirtualSCSISharing;
import com.vmware.vim25.VirtualVmxnet3;

import org.vrouter.hypervisor.vmware.vsphere.VmDisk;
import org.vrouter.hypervisor.vmware.vsphere.VmNic;
import org.vrouter.hypervisor.vmware.vsphere.VmSpec;

/**
 * Builds yavijava's config specs: the whole router VM in one {@code CreateVM_Task} (CPU, memory,
 * guest id, an LSI Logic controller for the disks, one VMXNET3 adapter per NIC with its manual
 * MAC, extraConfig), and the disk detach that precedes a destroy. Stateless.
 */
final class ConfigSpecs {
    /** vSphere's usual key of the first SCSI controller; the disks refer to it. */
    private static final int SCSI_CONTROLLER_KEY = 1000;

    private ConfigSpecs() {}

    /**
     * @param networks the port groups' references by name (every NIC's port group is in it)
     */
    static VirtualMachineConfigSpec create(VmSpec spec, Map<String, ManagedObjectReference> networks) {
        VirtualMachineConfigSpec config = new VirtualMachineConfigSpec();
        config.setName(spec.name());
        config.setGuestId(spec.guestId());
        config.setNumCPUs(spec.cpus());
        config.setMemoryMB(spec.memoryMb());
        VirtualMachineFileInfo files = new VirtualMachineFileInfo();
        files.setVmPathName("[" + spec.placement().datastore() + "]");
        config.setFiles(files);
        List<VirtualDeviceConfigSpec> devices = new ArrayList<>();
        if (!spec.disks().isEmpty()) {
            devices.add(add(scsiController()));
            spec.disks().forEach(disk -> devices.add(add(disk(disk))));
        }
        for (int i = 0; i < spec.nics().size(); i++) {
            VmNic nic = spec.nics().get(i);
            devices.add(add(nic(nic, networks.get(nic.portGroup()), -100 - i)));
        }
        config.setDeviceChange(devices.toArray(VirtualDeviceConfigSpec[]::new));
        config.setExtraConfig(new TreeMap<>(spec.extraConfig()).entrySet().stream()
                .map(entry -> option(entry.getKey(), entry.getValue())).toArray(OptionValue[]::new));
        return config;
    }

    /** Removes {@code disks} from the VM without touching their files. */
    static VirtualMachineConfigSpec detach(List<VirtualDisk> disks) {
        VirtualMachineConfigSpec config = new VirtualMachineConfigSpec();
        config.setDeviceChange(disks.stream().map(disk -> {
            VirtualDeviceConfigSpec change = new VirtualDeviceConfigSpec();
            change.setOperation(VirtualDeviceConfigSpecOperation.remove);
            change.setDevice(disk);
            return change;
        }).toArray(VirtualDeviceConfigSpec[]::new));
        return config;
    }

    private static VirtualDeviceConfigSpec add(VirtualDevice device) {
        VirtualDeviceConfigSpec change = new VirtualDeviceConfigSpec();
        change.setOperation(VirtualDeviceConfigSpecOperation.add);
        change.setDevice(device);
        return change;
    }

    private static VirtualLsiLogicController scsiController() {
        VirtualLsiLogicController controller = new VirtualLsiLogicController();
        controller.setKey(SCSI_CONTROLLER_KEY);
        controller.setBusNumber(0);
        controller.setSharedBus(VirtualSCSISharing.noSharing);
        return controller;
    }

    private static VirtualDisk disk(VmDisk disk) {
        VirtualDiskFlatVer2BackingInfo backing = new VirtualDiskFlatVer2BackingInfo();
        backing.setFileName(disk.datastorePath());
        backing.setDiskMode(VirtualDiskMode.persistent.name());
        VirtualDisk device = new VirtualDisk();
        device.setKey(-10 - disk.unitNumber());
        device.setControllerKey(SCSI_CONTROLLER_KEY);
        device.setUnitNumber(disk.unitNumber());
        device.setBacking(backing);
        return device;
    }

    private static VirtualVmxnet3 nic(VmNic nic, ManagedObjectReference network, int key) {
        VirtualEthernetCardNetworkBackingInfo backing = new VirtualEthernetCardNetworkBackingInfo();
        backing.setDeviceName(nic.portGroup());
        backing.setNetwork(network);
        VirtualDeviceConnectInfo connect = new VirtualDeviceConnectInfo();
        connect.setStartConnected(true);
        connect.setConnected(true);
        connect.setAllowGuestControl(true);
        VirtualVmxnet3 device = new VirtualVmxnet3();
        device.setKey(key);
        device.setAddressType("Manual");
        device.setMacAddress(nic.macAddress().value());
        device.setBacking(backing);
        device.setConnectable(connect);
        return device;
    }

    private static OptionValue option(String key, String value) {
        OptionValue option = new OptionValue();
        option.setKey(key);
        option.setValue(value);
        return option;
    }
}
