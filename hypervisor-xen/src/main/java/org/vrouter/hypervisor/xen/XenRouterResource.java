package org.vrouter.hypervisor.xen;

import static java.util.Objects.requireNonNull;

import java.net.MalformedURLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vrouter.api.agent.HypervisorResource;
import org.vrouter.api.command.Answer;
import org.vrouter.api.command.Command;
import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.commands.CheckSshAnswer;
import org.vrouter.commands.CheckSshCommand;
import org.vrouter.commands.CheckVirtualMachineAnswer;
import org.vrouter.commands.CheckVirtualMachineCommand;
import org.vrouter.commands.IpAssociationCommand;
import org.vrouter.commands.NetworkElementCommand;
import org.vrouter.commands.StartAnswer;
import org.vrouter.commands.StartCommand;
import org.vrouter.commands.StopCommand;
import org.vrouter.commands.to.NicTO;
import org.vrouter.commands.wire.CommandCodec;
import org.vrouter.core.channel.RouterChannelFactory;
import org.vrouter.core.channel.SshRouterChannel;
import org.vrouter.core.routing.NicDevices;
import org.vrouter.core.routing.RoutingTimeouts;
import org.vrouter.core.routing.VirtualRoutingResource;
import org.vrouter.hypervisor.xen.network.XenNetworks;
import org.vrouter.hypervisor.xen.session.XenException;
import org.vrouter.hypervisor.xen.session.XenSession;
import org.vrouter.hypervisor.xen.session.XenTasks;
import org.vrouter.hypervisor.xen.vm.RouterVms;

/**
 * A {@link HypervisorResource} of type {@link HypervisorType#XENSERVER}: routers on one
 * XenServer / XCP-ng host, driven through the XenAPI (xen-api 8.1.0, XML-RPC) as CloudStack's
 * {@code CitrixResourceBase} drives them.
 * <ul>
 *   <li>{@link StartCommand} creates the VM from the system-VM template's record, with its memory,
 *       vCPUs, VBDs and VIFs (in device order; the control NIC on the link-local network, tagged
 *       NICs on VLAN networks created as needed), the boot arguments in PV-args ({@code %} for
 *       spaces) and xenstore {@code vm-data/cloudstack/init}, and starts it within the start
 *       timeout. A router already running answers failure with the host it runs on.</li>
 *   <li>{@link StopCommand} shuts the VM down (clean within the graceful timeout, then hard; hard
 *       at once when forced) and destroys it with its VBDs and VIFs, never the disks behind them.
 *       No VM of that name counts as stopped.</li>
 *   <li>{@link CheckVirtualMachineCommand} answers the VM's power state, MISSING when there is none.</li>
 *   <li>{@link CheckSshCommand} asks the host whether the router accepts TCP on its control address
 *       (plugin {@code vmops}, {@code pingdomr}, from dom0), once; the router manager retries.</li>
 *   <li>Every {@link NetworkElementCommand} goes through core's {@link VirtualRoutingResource}; by
 *       default its channels are {@link SshRouterChannel}s that log in to the XenServer host first
 *       and tunnel to the router's link-local address, port 3922. An IP association first gets each
 *       address's {@code nic_dev_id} ({@link NicDevices}) from the router's NICs.</li>
 *   <li>Anything else answers failure naming the command.</li>
 * </ul>
 * A XenAPI failure is a failed answer naming the call and the XenAPI error
 * ({@code VM.start_on: VM_BAD_POWER_STATE [...]}); a lost session is renewed once per call.
 *
 * <p>Thread-safe: lifecycle commands for one router are serialized, different routers run in
 * parallel on one XenAPI session. {@link #close()} logs out.
 */
public final class XenRouterResource implements HypervisorResource, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(XenRouterResource.class);

    private final XenSettings settings;
    private final XenSession session;
    private final RouterVms vms;
    private final VirtualRoutingResource routing;
    private final Map<String, Object> routerLocks = new ConcurrentHashMap<>();
    private final Map<String, List<NicTO>> startedNics = new ConcurrentHashMap<>();

    private XenRouterResource(Builder builder) {
        this.settings = builder.settings;
        try {
            this.session = new XenSession(settings.url().toURL(), settings.user(), settings.password(), settings.replyTimeout(),
                    settings.connectTimeout());
        }
        catch (MalformedURLException e) {
            throw new InvalidParameterException("url", "not a URL: " + e.getMessage(), settings.url());
        }
        XenTasks tasks = new XenTasks(session, settings.taskPollInterval());
        XenNetworks networks = new XenNetworks(session, settings.linkLocalNetwork(), settings.defaultNetwork());
        this.vms = new RouterVms(session, tasks, networks, settings.template(), settings.startTimeout());
        RouterChannelFactory channels = builder.channels.orElseGet(() -> SshRouterChannel.factory(settings.routerSsh()));
        this.routing = new VirtualRoutingResource(new CommandCodec(builder.ids, builder.clock), channels, builder.timeouts, builder.ids);
    }

    public static Builder builder(XenSettings settings) {
        return new Builder(settings);
    }

    @Override
    public HypervisorType type() {
        return HypervisorType.XENSERVER;
    }

    @Override
    public Answer execute(Command command) {
        requireNonNull(command, "command is null");
        if (command instanceof StartCommand start) {
            return start(start);
        }
        if (command instanceof StopCommand stop) {
            return stop(stop);
        }
        if (command instanceof CheckVirtualMachineCommand check) {
            return check(check);
        }
        if (command instanceof CheckSshCommand check) {
            return checkSsh(check);
        }
        if (command instanceof IpAssociationCommand association) {
            return associate(association);
        }
        if (command instanceof NetworkElementCommand routerCommand) {
            return routing.execute(routerCommand);
        }
        return Answer.failure("the XenServer resource does not handle " + command.getClass().getName());
    }

    private Answer start(StartCommand command) {
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

    private Answer stop(StopCommand command) {
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

    private Answer check(CheckVirtualMachineCommand command) {
        try {
            return CheckVirtualMachineAnswer.of(vms.powerState(command.vmName()));
        }
        catch (XenException e) {
            return CheckVirtualMachineAnswer.failure(failed("state of " + command.vmName(), e));
        }
    }

    private Answer checkSsh(CheckSshCommand command) {
        try {
            return vms.reachable(command.ip(), command.port()) ? CheckSshAnswer.reachable()
                    : CheckSshAnswer.unreachable(command.vmName() + " does not accept connections on " + command.ip().value() + ":"
                            + command.port() + " as seen from XenServer host " + session.hostAddress());
        }
        catch (XenException e) {
            return CheckSshAnswer.unreachable(failed("SSH check of " + command.vmName(), e));
        }
    }

    /** Fills each address's {@code nic_dev_id} from the router's NICs (as started here, else as its VIFs say). */
    private Answer associate(IpAssociationCommand command) {
        Optional<String> name = command.accessDetails().routerName();
        if (name.isEmpty()) {
            return routing.execute(command);
        }
        try {
            List<NicTO> nics = startedNics.get(name.get());
            return routing.execute(NicDevices.fill(command, nics != null ? nics : vms.nics(name.get())));
        }
        catch (InvalidParameterException e) {
            return Answer.failure(e.getMessage());
        }
        catch (XenException e) {
            return Answer.failure(failed("NICs of " + name.get(), e));
        }
    }

    private Object lockOf(String name) {
        return routerLocks.computeIfAbsent(name, key -> new Object());
    }

    private String failed(String what, XenException e) {
        return "XenServer " + session.hostAddress() + ": " + what + " failed: " + e.getMessage();
    }

    /** Logs out of the host. The routers keep running. */
    @Override
    public void close() {
        session.close();
    }

    @Override
    public String toString() {
        return "XenRouterResource[" + settings.user() + "@" + session.hostAddress() + "]";
    }

    /** Collects a resource's collaborators. Defaults: SSH channels through the host, random ids, system clock, default routing timeouts. */
    public static final class Builder {
        private final XenSettings settings;
        private Optional<RouterChannelFactory> channels = Optional.empty();
        private Supplier<UUID> ids = UUID::randomUUID;
        private Clock clock = Clock.systemUTC();
        private RoutingTimeouts timeouts = RoutingTimeouts.defaults();

        private Builder(XenSettings settings) {
            this.settings = requireNonNull(settings, "settings is null");
        }

        /** How router commands reach routers, instead of {@link SshRouterChannel}s with {@link XenSettings#routerSsh()}. */
        public Builder channels(RouterChannelFactory channels) {
            this.channels = Optional.of(requireNonNull(channels, "channels is null"));
            return this;
        }

        /** Ids of wire files and batch files. */
        public Builder ids(Supplier<UUID> ids) {
            this.ids = requireNonNull(ids, "ids is null");
            return this;
        }

        /** The wire codec's clock. */
        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock is null");
            return this;
        }

        public Builder timeouts(RoutingTimeouts timeouts) {
            this.timeouts = requireNonNull(timeouts, "timeouts is null");
            return this;
        }

        /** The resource; no connection is made until the first command. */
        public XenRouterResource build() {
            return new XenRouterResource(this);
        }
    }
}
