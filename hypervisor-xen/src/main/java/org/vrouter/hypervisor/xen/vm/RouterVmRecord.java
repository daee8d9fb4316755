package org.vrouter.hypervisor.xen.vm;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;

import com.xensource.xenapi.Host;
import com.xensource.xenapi.Types;
import com.xensource.xenapi.VM;

import org.vrouter.commands.to.VirtualMachineTO;

/**
 * The {@code VM.create} record of a router, made from the system-VM template's record as
 * CloudStack makes it (hypervisors.md §5.1): a VM, not a template, named after the instance, with
 * affinity to the host, destroyed when it shuts down or crashes, the router's memory and vCPUs, no
 * consoles, and other_config {@code vm_uuid} instead of the template's {@code disks},
 * {@code default_template} and {@code mac_seed}. The boot arguments are not in it: they are set
 * with {@code VM.set_PV_args} and {@code VM.set_xenstore_data} after the create
 * ({@link BootArgsDelivery}). Pure.
 */
final class RouterVmRecord {
    private RouterVmRecord() {}

    /** {@code template} (a record just read, which this changes) made into {@code vm}'s record for {@code host}. */
    static VM.Record of(VM.Record template, VirtualMachineTO vm, Host host) {
        requireNonNull(template, "template is null");
        requireNonNull(vm, "vm is null");
        requireNonNull(host, "host is null");
        VM.Record record = template;
        record.nameLabel = vm.name();
        record.nameDescription = vm.type().wireName() + " " + vm.hostName();
        record.isATemplate = false;
        record.isDefaultTemplate = false;
        record.affinity = host;
        record.actionsAfterShutdown = Types.OnNormalExit.DESTROY;
        record.actionsAfterReboot = Types.OnNormalExit.RESTART;
        record.actionsAfterCrash = Types.OnCrashBehaviour.DESTROY;
        record.memoryStaticMin = vm.minRamBytes();
        record.memoryDynamicMin = vm.minRamBytes();
        record.memoryDynamicMax = vm.maxRamBytes();
        record.memoryStaticMax = vm.maxRamBytes();
        record.VCPUsMax = (long) vm.cpus();
        record.VCPUsAtStartup = (long) vm.cpus();
        Map<String, String> otherConfig = new HashMap<>(template.otherConfig == null ? Map.of() : template.otherConfig);
        otherConfig.remove("disks");
        otherConfig.remove("default_template");
        otherConfig.remove("mac_seed");
        otherConfig.put("vm_uuid", vm.uuid());
        record.otherConfig = otherConfig;
        record.consoles = new LinkedHashSet<>();
        record.VIFs = new LinkedHashSet<>();
        record.VBDs = new LinkedHashSet<>();
        record.xenstoreData = new HashMap<>();
        record.haAlwaysRun = false;
        return record;
    }
}
