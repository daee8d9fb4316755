package org.vrouter.hypervisor.xen.vm;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.xensource.xenapi.Host;
import com.xensource.xenapi.Network;
import com.xensource.xenapi.Task;
import com.xensource.xenapi.Types;
import com.xensource.xenapi.VBD;
import com.xensource.xenapi.VDI;
import com.xensource.xenapi.VIF;
import com.xensource.xenapi.VM;

import org.vrouter.commands.StartAnswer;
import org.vrouter.commands.to.DiskTO;
import org.vrouter.commands.to.NicTO;
import org.vrouter.commands.to.VirtualMachineTO;
import org.vrouter.hypervisor.xen.network.XenNetworks;
import org.vrouter.hypervisor.xen.session.XenCallException;
import org.vrouter.hypervisor.xen.session.XenException;
import org.vrouter.hypervisor.xen.session.XenSession;
import org.vrouter.hypervisor.xen.session.XenTasks;

/**
 * The start sequence of a router VM (hypervisors.md §5.1):
 * <ol>
 *   <li>a halted leftover of the same name is destroyed; a running one answers "already running"
 *       with the host it runs on; any other state fails;</li>
 *   <li>{@code VM.create} from the template's record ({@link RouterVmRecord});</li>
 *   <li>a VBD per disk (root and data disks by VDI uuid, an ISO by VDI name, or an empty drive);</li>
 *   <li>a VIF per NIC in device order, on the network {@link XenNetworks} finds, with the NIC's MAC
 *       and rate limit;</li>
 *   <li>boot arguments into PV-args and xenstore ({@link BootArgsDelivery});</li>
 *   <li>{@code Async.VM.start_on} this host, waited for within the start timeout; a VM found
 *       running after a timeout counts as started, as in CloudStack.</li>
 * </ol>
 * Anything failing after the create destroys what was made (VM, VBDs, VIFs) before the error is raised.
 */
final class VmStarter {
    private static final Logger log = LoggerFactory.getLogger(VmStarter.class);
    private static final String NULL_REF = "OpaqueRef:NULL";
    /** CloudStack's rate-limit unit: XenServer wants kilobytes per second, 1 Mbit/s = 128 KiB/s. */
    private static final long KBPS_PER_MBPS = 128;

    private final XenSession session;
    private final XenTasks tasks;
    private final XenNetworks networks;
    private final VmLookup lookup;
    private final VmStopper stopper;
    private final String templateName;
    private final Duration startTimeout;

    VmStarter(XenSession session, XenTasks tasks, XenNetworks networks, VmStopper stopper, String templateName, Duration startTimeout) {
        this.session = requireNonNull(session, "session is null");
        this.tasks = requireNonNull(tasks, "tasks is null");
        this.networks = requireNonNull(networks, "networks is null");
        this.lookup = new VmLookup(session);
        this.stopper = requireNonNull(stopper, "stopper is null");
        this.templateName = requireNonNull(templateName, "templateName is null");
        this.startTimeout = requireNonNull(startTimeout, "startTimeout is null");
    }

    StartAnswer start(VirtualMachineTO vm) throws XenException {
        for (VM existing : lookup.vms(vm.name())) {
            Types.VmPowerState state = session.call("VM.get_power_state", existing::getPowerState);
            if (state == Types.VmPowerState.RUNNING) {
                Host residentOn = session.call("VM.get_resident_on", existing::getResidentOn);
                String hostUuid = session.call("host.get_uuid", residentOn::getUuid);
                return StartAnswer.runningElsewhere("VM " + vm.name() + " is already running on host " + hostUuid, hostUuid);
            }
            if (state != Types.VmPowerState.HALTED) {
                throw new XenException("VM " + vm.name() + " exists in power state " + state + "; it must be stopped before a start");
            }
            log.info("{}: destroying a halted leftover before the start", vm.name());
            stopper.destroy(vm.name(), existing);
        }
        VM template = lookup.template(templateName);
        Host host = session.thisHost();
        VM.Record record = RouterVmRecord.of(session.call("VM.get_record", template::getRecord), vm, host);
        VM created = session.call("VM.create", connection -> VM.create(connection, record));
        try {
            attachDisks(created, vm);
            attachNics(created, vm);
            deliverBootArgs(created, vm, record.PVArgs);
            boot(created, vm, host);
        }
        catch (XenException e) {
            stopper.undo(vm.name(), created, e);
            throw e;
        }
        log.info("{}: started on host {} ({} NICs, {} disks)", vm.name(), session.hostAddress(), vm.nics().size(), vm.disks().size());
        return StartAnswer.started();
    }

    private void attachDisks(VM created, VirtualMachineTO vm) throws XenException {
        for (DiskTO disk : vm.disks()) {
            VDI vdi = vdiOf(disk);
            VBD.Record vbd = new VBD.Record();
            vbd.VM = created;
            vbd.VDI = vdi;
            vbd.userdevice = Integer.toString(disk.deviceId());
            vbd.bootable = disk.type() == DiskTO.Type.ROOT;
            vbd.mode = disk.type() == DiskTO.Type.ISO ? Types.VbdMode.RO : Types.VbdMode.RW;
            vbd.type = disk.type() == DiskTO.Type.ISO ? Types.VbdType.CD : Types.VbdType.DISK;
            vbd.empty = vdi.toWireString().equals(NULL_REF);
            vbd.unpluggable = disk.type() == DiskTO.Type.ISO;
            vbd.otherConfig = new HashMap<>();
            vbd.qosAlgorithmType = "";
            vbd.qosAlgorithmParams = new HashMap<>();
            vbd.statusCode = 0L;
            session.call("VBD.create", connection -> VBD.create(connection, vbd));
        }
    }

    private VDI vdiOf(DiskTO disk) throws XenException {
        if (disk.path().isEmpty()) {
            return Types.toVDI(NULL_REF);
        }
        String path = disk.path().get();
        if (disk.type() != DiskTO.Type.ISO) {
            return session.call("VDI.get_by_uuid", connection -> VDI.getByUuid(connection, path));
        }
        Set<VDI> isos = session.call("VDI.get_by_name_label", connection -> VDI.getByNameLabel(connection, path));
        if (isos.isEmpty()) {
            throw new XenException("no ISO '" + path + "' on host " + session.hostAddress() + " for drive " + disk.deviceId());
        }
        return isos.iterator().next();
    }

    private void attachNics(VM created, VirtualMachineTO vm) throws XenException {
        for (NicTO nic : vm.nics()) {
            Network network = networks.networkFor(nic);
            VIF.Record vif = new VIF.Record();
            vif.VM = created;
            vif.network = network;
            vif.device = Integer.toString(nic.deviceId());
            vif.MAC = nic.macAddress().value();
            vif.MTU = (long) nic.mtu().orElse(1500);
            Map<String, String> otherConfig = new HashMap<>();
            otherConfig.put("cloudstack-vm-id", vm.uuid());
            nic.networkUuid().ifPresent(uuid -> otherConfig.put("cloudstack-network-id", uuid));
            vif.otherConfig = otherConfig;
            boolean limited = nic.networkRateMbps().isPresent() && nic.networkRateMbps().getAsInt() > 0;
            vif.qosAlgorithmType = limited ? "ratelimit" : "";
            vif.qosAlgorithmParams = limited ? Map.of("kbps", Long.toString(nic.networkRateMbps().getAsInt() * KBPS_PER_MBPS)) : Map.of();
            vif.lockingMode = Types.VifLockingMode.NETWORK_DEFAULT;
            vif.ipv4Allowed = new LinkedHashSet<>();
            vif.ipv6Allowed = new LinkedHashSet<>();
            vif.ipv4ConfigurationMode = Types.VifIpv4ConfigurationMode.NONE;
            vif.ipv6ConfigurationMode = Types.VifIpv6ConfigurationMode.NONE;
            vif.statusCode = 0L;
            session.call("VIF.create", connection -> VIF.create(connection, vif));
        }
    }

    private void deliverBootArgs(VM created, VirtualMachineTO vm, String templatePvArgs) throws XenException {
        String line = vm.bootArgsLine();
        session.run("VM.set_PV_args", connection -> created.setPVArgs(connection, BootArgsDelivery.pvArgs(templatePvArgs, line)));
        session.run("VM.set_xenstore_data", connection -> created.setXenstoreData(connection, BootArgsDelivery.xenstoreData(line)));
    }

    private void boot(VM created, VirtualMachineTO vm, Host host) throws XenException {
        Task task = session.call("Async.VM.start_on", connection -> created.startOnAsync(connection, host, false, true));
        try {
            tasks.await("Async.VM.start_on", task, startTimeout);
        }
        catch (XenCallException e) {
            boolean mayHaveStarted = e.code().equals(XenCallException.TIMEOUT) || e.code().equals("HANDLE_INVALID");
            if (!mayHaveStarted || session.call("VM.get_power_state", created::getPowerState) != Types.VmPowerState.RUNNING) {
                throw e;
            }
            log.warn("{}: the start task ended with {}, but the VM is running; counting it as started", vm.name(), e.getMessage());
        }
    }
}
