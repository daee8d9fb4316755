package org.vrouter.hypervisor.vmware.vsphere;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * One logged-in vCenter session, as the VMware router resource uses it. Objects are found by
 * inventory name within the placement's datacenter. Every call that starts a vSphere task waits
 * for it, at most {@code timeout}: a task still running then is cancelled (where vSphere allows)
 * and the call throws.
 *
 * <p>Every method throws {@link VsphereException} carrying the fault's message when vCenter
 * answers with a fault or a task ends in error, and when a named object does not exist.
 * Not thread-safe: one command uses one client. {@link #close()} logs out.
 */
public interface VsphereClient extends AutoCloseable {
    /** The VM named {@code name} in {@code datacenter}, if there is one. */
    Optional<VmInfo> findVm(String datacenter, String name) throws VsphereException;

    /** The names of the networks (standard port groups) of {@code datacenter}. */
    Set<String> networks(String datacenter) throws VsphereException;

    /** Creates the VM, powered off ({@code CreateVM_Task}). */
    void createVm(VmSpec spec, Duration timeout) throws VsphereException;

    /**
     * Runs {@code task} on the VM named {@code name} in the placement's datacenter (powering on on
     * the placement's host, when it names one).
     */
    void run(VmTask task, VmPlacement placement, String name, Duration timeout) throws VsphereException;

    /**
     * Asks the guest to shut down through VMware Tools ({@code ShutdownGuest}) and returns at
     * once; poll {@link #findVm} to see it power off.
     */
    void shutdownGuest(String datacenter, String name) throws VsphereException;

    /** Logs out; never throws. */
    @Override
    void close();
}
