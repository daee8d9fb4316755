package org.vrouter.hypervisor.xen.vm;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.xensource.xenapi.Task;
import com.xensource.xenapi.Types;
import com.xensource.xenapi.VBD;
import com.xensource.xenapi.VIF;
import com.xensource.xenapi.VM;

import org.vrouter.hypervisor.xen.session.XenCallException;
import org.vrouter.hypervisor.xen.session.XenException;
import org.vrouter.hypervisor.xen.session.XenSession;
import org.vrouter.hypervisor.xen.session.XenTasks;

/**
 * Stops and destroys router VMs. A graceful stop asks the guest to shut down
 * ({@code Async.VM.clean_shutdown}) within a bound and shuts the VM down hard when that fails or
 * times out; a forced stop goes straight to {@code VM.hard_shutdown}. Destroying removes the VM's
 * VBDs and VIFs, then the VM; the disks (VDIs) behind the VBDs stay, whether they are volumes or
 * the template's.
 */
final class VmStopper {
    private static final Logger log = LoggerFactory.getLogger(VmStopper.class);

    private final XenSession session;
    private final XenTasks tasks;

    VmStopper(XenSession session, XenTasks tasks) {
        this.session = requireNonNull(session, "session is null");
        this.tasks = requireNonNull(tasks, "tasks is null");
    }

    /** Shuts {@code vm} down unless it is halted: hard when {@code graceful} is empty, else clean within it, then hard. */
    void shutDown(String name, VM vm, boolean forced, Duration graceful) throws XenException {
        Types.VmPowerState state = session.call("VM.get_power_state", vm::getPowerState);
        if (state == Types.VmPowerState.HALTED) {
            return;
        }
        if (!forced && state == Types.VmPowerState.RUNNING) {
            try {
                Task task = session.call("Async.VM.clean_shutdown", vm::cleanShutdownAsync);
                tasks.await("Async.VM.clean_shutdown", task, graceful);
                return;
            }
            catch (XenCallException e) {
                log.info("{}: clean shutdown did not complete ({}); shutting it down hard", name, e.getMessage());
            }
            if (session.call("VM.get_power_state", vm::getPowerState) == Types.VmPowerState.HALTED) {
                return;
            }
        }
        session.run("VM.hard_shutdown", vm::hardShutdown);
    }

    /** Destroys the halted {@code vm} with its VBDs and VIFs; the VDIs stay. */
    void destroy(String name, VM vm) throws XenException {
        for (VBD vbd : session.call("VM.get_VBDs", vm::getVBDs)) {
            session.run("VBD.destroy", vbd::destroy);
        }
        for (VIF vif : session.call("VM.get_VIFs", vm::getVIFs)) {
            session.run("VIF.destroy", vif::destroy);
        }
        session.run("VM.destroy", vm::destroy);
        log.debug("{}: VM {} destroyed", name, vm.toWireString());
    }

    /** Shuts down hard and destroys what a failed start made; what fails here is attached to {@code cause}. */
    void undo(String name, VM vm, Exception cause) {
        try {
            shutDown(name, vm, true, Duration.ZERO);
            destroy(name, vm);
        }
        catch (XenException cleanup) {
            cause.addSuppressed(cleanup);
        }
    }
}
