package org.vrouter.hypervisor.xen.vm;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.xensource.xenapi.Host;
import com.xensource.xenapi.Types;
import com.xensource.xenapi.VIF;
import com.xensource.xenapi.VM;

import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.vm.PowerState;
import org.vrouter.commands.StartAnswer;
import org.vrouter.commands.to.NicTO;
import org.vrouter.commands.to.VirtualMachineTO;
import org.vrouter.hypervisor.xen.network.XenNetworks;
import org.vrouter.hypervisor.xen.session.XenException;
import org.vrouter.hypervisor.xen.session.XenSession;
import org.vrouter.hypervisor.xen.session.XenTasks;

/**
 * The router VMs of one XenServer host, by instance name: start ({@link VmStarter}), stop and
 * destroy ({@link VmStopper}), power state, NICs, and whether a router answers on its control
 * address (the host's {@code vmops} plugin, {@code pingdomr}, connects from dom0).
 *
 * <p>A Xen router does not outlive its stop: as in CloudStack, the stop shuts the VM down and
 * destroys it (with its VBDs and VIFs), and the next start creates it again from the template.
 * Every method raises {@link XenException} naming the failed XenAPI call. Thread-safe; the caller
 * serializes the operations of one router.
 */
public final class RouterVms {
    private static final Logger log = LoggerFactory.getLogger(RouterVms.class);

    private final XenSession session;
    private final VmLookup lookup;
    private final VmStarter starter;
    private final VmStopper stopper;

    public RouterVms(XenSession session, XenTasks tasks, XenNetworks networks, String templateName, Duration startTimeout) {
        this.session = requireNonNull(session, "session is null");
        this.lookup = new VmLookup(session);
        this.stopper = new VmStopper(session, tasks);
        this.starter = new VmStarter(session, tasks, networks, stopper, templateName, startTimeout);
    }

    /** Creates and starts {@code vm}; see {@link VmStarter} for the steps. */
    public StartAnswer start(VirtualMachineTO vm) throws XenException {
        return starter.start(requireNonNull(vm, "vm is null"));
    }

    /**
     * Stops every VM named {@code name} and destroys it with its VBDs and VIFs.
     *
     * @param graceful how long the guest may take to shut down; ignored when {@code forced}
     * @return how many VMs were stopped and destroyed (0: none had that name, which counts as stopped)
     */
    public int stopAndDestroy(String name, boolean forced, Duration graceful) throws XenException {
        int destroyed = 0;
        for (VM vm : lookup.vms(name)) {
            stopper.shutDown(name, vm, forced, graceful);
            stopper.destroy(name, vm);
            destroyed++;
        }
        if (destroyed > 0) {
            log.info("{}: stopped ({}) and destroyed", name, forced ? "forced" : "graceful");
        }
        return destroyed;
    }

    /** The power state of the VM named {@code name}: MISSING when the host has none. */
    public PowerState powerState(String name) throws XenException {
        List<VM> vms = lookup.vms(name);
        if (vms.isEmpty()) {
            return PowerState.MISSING;
        }
        Types.VmPowerState state = session.call("VM.get_power_state", vms.get(0)::getPowerState);
        return switch (state) {
            case RUNNING, PAUSED -> PowerState.ON;
            case HALTED, SUSPENDED -> PowerState.OFF;
            default -> PowerState.UNKNOWN;
        };
    }

    /**
     * The NICs of the VM named {@code name} as its VIFs say (device number and MAC; traffic type
     * unknown, given as guest): what a resource that did not start the router knows of it. Empty
     * when there is no such VM.
     */
    public List<NicTO> nics(String name) throws XenException {
        List<VM> vms = lookup.vms(name);
        List<NicTO> nics = new ArrayList<>();
        if (vms.isEmpty()) {
            return nics;
        }
        for (VIF vif : session.call("VM.get_VIFs", vms.get(0)::getVIFs)) {
            VIF.Record record = session.call("VIF.get_record", vif::getRecord);
            nics.add(NicTO.builder(Integer.parseInt(record.device), MacAddress.parse("MAC", record.MAC), TrafficType.GUEST).build());
        }
        return nics;
    }

    /** Whether something accepts TCP connections on {@code ip:port}, seen from the host ({@code vmops.pingdomr}). */
    public boolean reachable(IpAddress ip, int port) throws XenException {
        Host host = session.thisHost();
        String result = session.call("host.call_plugin",
                connection -> host.callPlugin(connection, "vmops", "pingdomr", Map.of("host", ip.value(), "port", Integer.toString(port))));
        return result != null && result.strip().equals("success");
    }
}
