package org.vrouter.hypervisor.kvm;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrouter.api.command.Answer;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.vm.PowerState;
import org.vrouter.commands.CheckSshAnswer;
import org.vrouter.commands.CheckSshCommand;
import org.vrouter.commands.CheckVirtualMachineAnswer;
import org.vrouter.commands.StartAnswer;
import org.vrouter.commands.StartCommand;
import org.vrouter.commands.StopCommand;
import org.vrouter.commands.to.VirtualMachineTO;
import org.vrouter.core.channel.RouterEndpoint;
import org.vrouter.hypervisor.kvm.bootargs.BootArgsDelivery;
import org.vrouter.hypervisor.kvm.domain.LibvirtDomainXml;
import org.vrouter.hypervisor.kvm.domain.RouterDomainPlanner;
import org.vrouter.hypervisor.kvm.libvirt.DomainState;
import org.vrouter.hypervisor.kvm.libvirt.LibvirtConnection;
import org.vrouter.hypervisor.kvm.libvirt.LibvirtOperationException;

/**
 * Start, stop and check of router domains for {@link KvmRouterResource}. Every libvirt or delivery
 * failure becomes a failed answer naming the operation and the domain. The caller holds the
 * router's lock.
 */
final class DomainLifecycle {
    private static final Logger log = LoggerFactory.getLogger(DomainLifecycle.class);

    private final LibvirtConnection libvirt;
    private final RouterDomainPlanner planner;
    private final BootArgsDelivery bootArgs;
    private final RouterReachability reachability;
    private final RouterNics nics;
    private final LifecycleSettings settings;

    DomainLifecycle(LibvirtConnection libvirt, RouterDomainPlanner planner, BootArgsDelivery bootArgs, RouterReachability reachability,
            RouterNics nics, LifecycleSettings settings) {
        this.libvirt = requireNonNull(libvirt, "libvirt is null");
        this.planner = requireNonNull(planner, "planner is null");
        this.bootArgs = requireNonNull(bootArgs, "bootArgs is null");
        this.reachability = requireNonNull(reachability, "reachability is null");
        this.nics = requireNonNull(nics, "nics is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    StartAnswer start(StartCommand command) {
        VirtualMachineTO vm = command.vm();
        String name = vm.name();
        long started = System.nanoTime();
        String xml;
        try {
            removeStale(name);
            List<String> isos = bootArgs.isoFiles(vm);
            xml = LibvirtDomainXml.render(planner.plan(vm, command.hostIp(), isos));
        }
        catch (LibvirtOperationException e) {
            return StartAnswer.failure(e.getMessage());
        }
        catch (IOException | InvalidParameterException e) {
            release(name);
            return StartAnswer.failure("start of domain " + name + " failed: " + e.getMessage());
        }
        try {
            if (settings.persistent()) {
                libvirt.defineAndStart(name, xml);
            }
            else {
                libvirt.createTransient(name, xml);
            }
        }
        catch (LibvirtOperationException e) {
            cleanUpAfterFailedStart(name);
            return StartAnswer.failure(e.getMessage());
        }
        try {
            bootArgs.deliver(vm);
        }
        catch (IOException | LibvirtOperationException e) {
            cleanUpAfterFailedStart(name);
            return StartAnswer.failure("start of domain " + name + " failed: boot arguments: " + e.getMessage());
        }
        nics.started(vm);
        log.info("router {} started on {} ({} domain, {} NICs) in {} ms", name, libvirt.uri(), settings.persistent() ? "persistent" : "transient",
                vm.nics().size(), (System.nanoTime() - started) / 1_000_000);
        return StartAnswer.started();
    }

    /** A domain of the same name from an earlier life: destroyed when running, undefined when defined. */
    private void removeStale(String name) {
        Optional<DomainState> state = libvirt.state(name);
        if (state.isEmpty()) {
            return;
        }
        log.warn("removing stale domain {} ({}) before starting it again", name, state.get());
        if (state.get().powerState() == PowerState.ON) {
            libvirt.destroy(name);
        }
        if (libvirt.isPersistent(name)) {
            libvirt.undefine(name);
        }
    }

    private void cleanUpAfterFailedStart(String name) {
        try {
            removeStale(name);
        }
        catch (LibvirtOperationException e) {
            log.warn("could not remove domain {} after its failed start: {}", name, e.getMessage());
        }
        release(name);
    }

    private void release(String name) {
        nics.forget(name);
        try {
            bootArgs.release(name);
        }
        catch (IOException e) {
            log.warn("could not remove the boot-argument files of {}: {}", name, e.getMessage());
        }
    }

    Answer stop(StopCommand command) {
        String name = command.vmName();
        try {
            Optional<DomainState> state = libvirt.state(name);
            if (state.isEmpty()) {
                release(name);
                return Answer.success("domain " + name + " not found: counts as stopped");
            }
            if (state.get().powerState() == PowerState.ON) {
                if (command.forced()) {
                    libvirt.destroy(name);
                }
                else {
                    shutDown(name, command.gracefulTimeout().orElse(settings.stopTimeout()));
                }
            }
            if (!settings.persistent() && libvirt.isPersistent(name)) {
                libvirt.undefine(name);
            }
            release(name);
            log.info("router {} stopped{}", name, command.forced() ? " (forced)" : "");
            return Answer.success("domain " + name + " stopped");
        }
        catch (LibvirtOperationException e) {
            return Answer.failure(e.getMessage());
        }
        catch (InterruptedIOException e) {
            return Answer.failure("stop of domain " + name + " interrupted");
        }
    }

    /** ACPI shutdown, polling until the domain is off or gone; destroyed when the timeout passes. */
    private void shutDown(String name, Duration timeout) throws InterruptedIOException {
        libvirt.shutdown(name);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isOn(name)) {
            if (System.nanoTime() - deadline >= 0) {
                log.warn("domain {} did not shut down within {} s: destroying it", name, timeout.toSeconds());
                libvirt.destroy(name);
                return;
            }
            sleep(settings.stopPoll(), "stop of domain " + name);
        }
    }

    private boolean isOn(String name) {
        return libvirt.state(name).map(state -> state.powerState() == PowerState.ON).orElse(false);
    }

    CheckVirtualMachineAnswer check(String name) {
        try {
            return CheckVirtualMachineAnswer.of(libvirt.state(name).map(DomainState::powerState).orElse(PowerState.MISSING));
        }
        catch (LibvirtOperationException e) {
            return CheckVirtualMachineAnswer.failure(e.getMessage());
        }
    }

    CheckSshAnswer checkSsh(CheckSshCommand command) {
        RouterEndpoint router = new RouterEndpoint(command.vmName(), command.ip());
        for (int attempt = 1; attempt <= settings.sshAttempts(); attempt++) {
            if (reachability.probe(router)) {
                return CheckSshAnswer.reachable();
            }
            if (attempt < settings.sshAttempts()) {
                try {
                    sleep(settings.sshPause(), "SSH check of " + router);
                }
                catch (InterruptedIOException e) {
                    return CheckSshAnswer.unreachable(e.getMessage());
                }
            }
        }
        return CheckSshAnswer.unreachable("router " + router + " did not answer on port " + command.port() + " after " + settings.sshAttempts()
                + " attempts");
    }

    private static void sleep(Duration pause, String what) throws InterruptedIOException {
        try {
            Thread.sleep(pause.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(what + " interrupted");
        }
    }
}
