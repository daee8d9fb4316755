package org.vrouter.hypervisor.xen;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vrouter.api.command.Answer;
import org.vrouter.commands.CheckSshAnswer;
import org.vrouter.commands.CheckSshCommand;
import org.vrouter.commands.CheckVirtualMachineAnswer;
import org.vrouter.commands.CheckVirtualMachineCommand;
import org.vrouter.commands.StartAnswer;
import org.vrouter.commands.StartCommand;
import org.vrouter.commands.StopCommand;
import org.vrouter.commands.to.NicTO;
import org.vrouter.core.routing.RouterVmDriver;
import org.vrouter.core.routing.RouterVmException;
import org.vrouter.hypervisor.xen.session.XenException;
import org.vrouter.hypervisor.xen.session.XenSession;
import org.vrouter.hypervisor.xen.vm.RouterVms;

/**
 * The VM side of {@link XenRouterResource}: start and stop serialized per router, power state and
 * SSH reachability as the host sees them, and each router's NICs as started here, else as its VIFs
 * say. Every XenAPI failure is a failed answer naming the host, the call and the error. Thread-safe.
 */
final class XenVmDriver implements RouterVmDriver {
    private static final Logger log = LoggerFactory.getLogger(XenVmDriver.class);

    private final XenSettings settings;
    private final XenSession session;
    private final RouterVms vms;
    private final Map<String, Object> routerLocks = new ConcurrentHashMap<>();
    private final Map<String, List<NicTO>> startedNics = new ConcurrentHashMap<>();

    XenVmDriver(XenSettings settings, XenSession session, RouterVms vms) {
        this.settings = requireNonNull(settings, "settings is null");
        this.session = requireNonNull(session, "session is null");
        this.vms = requireNonNull(vms, "vms is null");
    }

    @Override
    public Answer start(StartCommand command) {
        String name = command.vm().name();
        synchronized (lockOf(name)) {
            try {
                StartAnswer answer = vms.start(command.vm());
                if (answer.success()) {
                    startedNics.put(name, command.vm().nics());
                }
                return answer;
            }
            catch (XenException e) {
                log.warn("{}: start on {} failed: {}", name, session.hostAddress(), e.getMessage());
                return StartAnswer.failure(failed("start of " + name, e));
            }
        }
    }

    @Override
    public Answer stop(StopCommand command) {
        String name = command.vmName();
        synchronized (lockOf(name)) {
            try {
                int destroyed = vms.stopAndDestroy(name, command.forced(), command.gracefulTimeout().orElse(settings.cleanShutdownTimeout()));
                startedNics.remove(name);
                return Answer.success(destroyed == 0 ? "VM " + name + " not found; counts as stopped" : "Stopped " + name);
            }
            catch (XenException e) {
                log.warn("{}: stop on {} failed: {}", name, session.hostAddress(), e.getMessage());
                return Answer.failure(failed("stop of " + name, e));
            }
        }
    }

    @Override
    public Answer check(CheckVirtualMachineCommand command) {
        try {
            return CheckVirtualMachineAnswer.of(vms.powerState(command.vmName()));
        }
        catch (XenException e) {
            return CheckVirtualMachineAnswer.failure(failed("state of " + command.vmName(), e));
        }
    }

    @Override
    public Answer checkSsh(CheckSshCommand command) {
        try {
            return vms.reachable(command.ip(), command.port()) ? CheckSshAnswer.reachable()
                    : CheckSshAnswer.unreachable(command.vmName() + " does not accept connections on " + command.ip().value() + ":"
                            + command.port() + " as seen from XenServer host " + session.hostAddress());
        }
        catch (XenException e) {
            return CheckSshAnswer.unreachable(failed("SSH check of " + command.vmName(), e));
        }
    }

    /** The router's NICs as started here, else as its VIFs say. */
    @Override
    public Optional<List<NicTO>> nicsOf(String router) throws RouterVmException {
        List<NicTO> nics = startedNics.get(router);
        if (nics != null) {
            return Optional.of(nics);
        }
        try {
            return Optional.of(vms.nics(router));
        }
        catch (XenException e) {
            throw new RouterVmException(failed("NICs of " + router, e), e);
        }
    }

    private Object lockOf(String name) {
        return routerLocks.computeIfAbsent(name, key -> new Object());
    }

    private String failed(String what, XenException e) {
        return "XenServer " + session.hostAddress() + ": " + what + " failed: " + e.getMessage();
    }
}
