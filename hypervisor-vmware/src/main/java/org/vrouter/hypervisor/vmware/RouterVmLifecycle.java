package org.vrouter.hypervisor.vmware;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vrouter.api.command.Answer;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.vm.PowerState;
import org.vrouter.commands.CheckVirtualMachineAnswer;
import org.vrouter.commands.StartAnswer;
import org.vrouter.commands.StopCommand;
import org.vrouter.commands.to.NicTO;
import org.vrouter.commands.to.VirtualMachineTO;
import org.vrouter.hypervisor.vmware.vsphere.VmInfo;
import org.vrouter.hypervisor.vmware.vsphere.VmSpec;
import org.vrouter.hypervisor.vmware.vsphere.VmTask;
import org.vrouter.hypervisor.vmware.vsphere.VsphereClient;
import org.vrouter.hypervisor.vmware.vsphere.VsphereConnector;
import org.vrouter.hypervisor.vmware.vsphere.VsphereException;

/**
 * Start, stop, check and destroy of router VMs on vCenter, one vCenter session per call. Every
 * outcome is an answer: a vSphere fault becomes a failed answer carrying the fault's message. The
 * caller serializes calls for one router.
 */
final class RouterVmLifecycle {
    private static final Logger log = LoggerFactory.getLogger(RouterVmLifecycle.class);
    private static final long SHUTDOWN_POLL_MILLIS = 200;

    private final VmwareSettings settings;
    private final VsphereConnector connector;

    RouterVmLifecycle(VmwareSettings settings, VsphereConnector connector) {
        this.settings = requireNonNull(settings, "settings is null");
        this.connector = requireNonNull(connector, "connector is null");
    }

    /**
     * Creates and powers on the router's VM. A VM of the same name left over is reused when it is
     * powered off and matches ({@link RouterVms#matches}); otherwise it is powered off and
     * destroyed first. Every port group must exist beforehand.
     */
    StartAnswer start(VirtualMachineTO vm) {
        VmSpec spec;
        try {
            spec = RouterVms.spec(vm, settings);
        }
        catch (InvalidParameterException e) {
            return StartAnswer.failure("cannot start " + vm.name() + ": " + e.getMessage());
        }
        try (VsphereClient client = connector.connect(settings.endpoint())) {
            Optional<String> missing = missingPortGroups(client, vm);
            if (missing.isPresent()) {
                return StartAnswer.failure("cannot start " + vm.name() + ": " + missing.get());
            }
            String how = prepare(client, spec);
            client.run(VmTask.POWER_ON, settings.placement(), vm.name(), settings.taskTimeout());
            log.info("router VM {} {} and powered on", vm.name(), how);
            return new StartAnswer(true, vm.name() + " " + how + " and powered on", Optional.empty());
        }
        catch (VsphereException e) {
            log.warn("router VM {} did not start: {}", vm.name(), e.getMessage());
            return StartAnswer.failure("cannot start " + vm.name() + ": " + e.getMessage());
        }
    }

    private Optional<String> missingPortGroups(VsphereClient client, VirtualMachineTO vm) throws VsphereException {
        Set<String> networks = client.networks(settings.placement().datacenter());
        Set<String> missing = new TreeSet<>();
        for (NicTO nic : vm.nics()) {
            if (!networks.contains(settings.portGroups().portGroup(nic))) {
                missing.add(RouterVms.describe(nic, settings));
            }
        }
        return missing.isEmpty() ? Optional.empty()
                : Optional.of("port group missing in datacenter " + settings.placement().datacenter() + " for " + String.join(", ", missing));
    }

    /** Creates the VM, or reuses or clears a leftover of its name; says which. */
    private String prepare(VsphereClient client, VmSpec spec) throws VsphereException {
        Optional<VmInfo> leftover = client.findVm(settings.placement().datacenter(), spec.name());
        if (leftover.isPresent()) {
            if (leftover.get().powerState() == PowerState.OFF && RouterVms.matches(leftover.get(), spec)) {
                return "reused (a stopped VM of that name with the same configuration)";
            }
            log.info("router VM {}: replacing a leftover VM of that name ({}, different or running)", spec.name(), leftover.get().powerState());
            remove(client, leftover.get());
        }
        client.createVm(spec, settings.taskTimeout());
        return leftover.isPresent() ? "re-created (a leftover VM of that name was destroyed)" : "created";
    }

    /** Powers the VM off when asked nicely fails or takes too long; a VM that is gone counts as stopped. */
    Answer stop(StopCommand command) {
        String name = command.vmName();
        try (VsphereClient client = connector.connect(settings.endpoint())) {
            Optional<VmInfo> vm = client.findVm(settings.placement().datacenter(), name);
            if (vm.isEmpty()) {
                return Answer.success("VM " + name + " not found; counts as stopped");
            }
            if (vm.get().powerState() == PowerState.OFF) {
                return Answer.success("VM " + name + " is already powered off");
            }
            if (!command.forced() && shutDown(client, name, command.gracefulTimeout().orElse(settings.shutdownTimeout()))) {
                return Answer.success("VM " + name + " shut down by the guest");
            }
            client.run(VmTask.POWER_OFF, settings.placement(), name, settings.taskTimeout());
            return Answer.success("VM " + name + " powered off");
        }
        catch (VsphereException e) {
            return Answer.failure("cannot stop " + name + ": " + e.getMessage());
        }
    }

    /** Asks the guest to shut down and waits for it; false when it refused or ran out of time. */
    private boolean shutDown(VsphereClient client, String name, Duration timeout) throws VsphereException {
        try {
            client.shutdownGuest(settings.placement().datacenter(), name);
        }
        catch (VsphereException e) {
            // no VMware Tools in the guest (ToolsUnavailable), or it is busy: power off instead
            log.info("router VM {}: guest shutdown refused ({}); powering off", name, e.getMessage());
            return false;
        }
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - end < 0) {
            Optional<VmInfo> vm = client.findVm(settings.placement().datacenter(), name);
            if (vm.isEmpty() || vm.get().powerState() == PowerState.OFF) {
                return true;
            }
            pause(name);
        }
        log.info("router VM {}: the guest did not shut down within {} ms; powering off", name, timeout.toMillis());
        return false;
    }

    /** The VM's power state: MISSING when vCenter has no VM of that name. */
    CheckVirtualMachineAnswer check(String name) {
        try (VsphereClient client = connector.connect(settings.endpoint())) {
            return CheckVirtualMachineAnswer.of(client.findVm(settings.placement().datacenter(), name).map(VmInfo::powerState)
                    .orElse(PowerState.MISSING));
        }
        catch (VsphereException e) {
            return CheckVirtualMachineAnswer.failure("cannot check " + name + ": " + e.getMessage());
        }
    }

    /** Powers the VM off if needed and destroys it (its disks are detached first and survive). */
    Answer destroy(String name) {
        try (VsphereClient client = connector.connect(settings.endpoint())) {
            Optional<VmInfo> vm = client.findVm(settings.placement().datacenter(), name);
            if (vm.isEmpty()) {
                return Answer.success("VM " + name + " not found; nothing to destroy");
            }
            remove(client, vm.get());
            return Answer.success("VM " + name + " destroyed");
        }
        catch (VsphereException e) {
            return Answer.failure("cannot destroy " + name + ": " + e.getMessage());
        }
    }

    /** The VM as vCenter reports it (boot arguments in {@code machine.id}), if it exists. */
    Optional<VmInfo> find(String name) throws VsphereException {
        try (VsphereClient client = connector.connect(settings.endpoint())) {
            return client.findVm(settings.placement().datacenter(), name);
        }
    }

    private void remove(VsphereClient client, VmInfo vm) throws VsphereException {
        if (vm.powerState() == PowerState.ON) {
            client.run(VmTask.POWER_OFF, settings.placement(), vm.name(), settings.taskTimeout());
        }
        client.run(VmTask.DESTROY, settings.placement(), vm.name(), settings.taskTimeout());
    }

    private static void pause(String name) throws VsphereException {
        try {
            Thread.sleep(SHUTDOWN_POLL_MILLIS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VsphereException("interrupted while waiting for " + name + " to shut down", Optional.empty(), e);
        }
    }
}
