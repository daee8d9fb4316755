package org.vrouter.testkit.simulator;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vrouter.api.agent.HypervisorResource;
import org.vrouter.api.command.Answer;
import org.vrouter.api.command.Command;
import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.router.RedundantState;
import org.vrouter.api.vm.PowerState;
import org.vrouter.api.vm.VirtualMachine;
import org.vrouter.commands.CheckRouterAnswer;
import org.vrouter.commands.CheckRouterCommand;
import org.vrouter.commands.CheckSshAnswer;
import org.vrouter.commands.CheckSshCommand;
import org.vrouter.commands.CheckVirtualMachineAnswer;
import org.vrouter.commands.CheckVirtualMachineCommand;
import org.vrouter.commands.GetDomRVersionAnswer;
import org.vrouter.commands.GetDomRVersionCommand;
import org.vrouter.commands.IpAssociationCommand;
import org.vrouter.commands.NetworkElementCommand;
import org.vrouter.commands.PlugNicCommand;
import org.vrouter.commands.StartAnswer;
import org.vrouter.commands.StartCommand;
import org.vrouter.commands.StopCommand;
import org.vrouter.commands.UnPlugNicCommand;
import org.vrouter.commands.to.VirtualMachineTO;
import org.vrouter.commands.wire.CommandCodec;
import org.vrouter.commands.wire.FileConfigItem;
import org.vrouter.commands.wire.ScriptConfigItem;
import org.vrouter.commands.wire.payload.CmdLinePayload;
import org.vrouter.commands.wire.payload.PayloadCodec;
import org.vrouter.core.channel.ExecutionResult;
import org.vrouter.core.channel.RouterChannelFactory;
import org.vrouter.core.channel.RouterEndpoint;
import org.vrouter.core.routing.RoutingTimeouts;
import org.vrouter.core.routing.NicDevices;
import org.vrouter.core.routing.VirtualRoutingResource;
import org.vrouter.router.converge.Converger;
import org.vrouter.router.converge.RouterConvergers;
import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.Host;
import org.vrouter.router.pipeline.PipelineOptions;
import org.vrouter.router.service.SystemdServiceManager;

/**
 * A {@link HypervisorResource} of type {@link HypervisorType#SIMULATOR} whose routers run in
 * memory, each with a root directory {@code <workDirectory>/<router name>/} on disk:
 * <ul>
 *   <li>{@link StartCommand} boots a {@link SimulatedRouter} (NICs, boot arguments): the boot
 *       arguments become {@code /var/cache/cloud/cmd_line.json} and the router runs
 *       {@code update_config.py cmd_line.json}, as a real router does at boot. When that fails the
 *       start fails and the router stays off. Starting a running router fails.
 *   <li>{@link StopCommand} powers it off; its root stays. An unknown or vanished VM counts as stopped.
 *   <li>{@link CheckVirtualMachineCommand} reports the truth: ON, OFF, or MISSING for a router the
 *       simulator never started or that was {@linkplain #kill killed}.
 *   <li>{@link PlugNicCommand} adds a NIC to a running router (a VPC router's public and tier NICs),
 *       {@link UnPlugNicCommand} removes it; a NIC already gone counts as unplugged.
 *   <li>{@link CheckSshCommand} succeeds for a running router at its control address on port 3922.
 *   <li>Every {@link NetworkElementCommand} goes through core's {@link VirtualRoutingResource} with
 *       {@link LocalRouterChannel}s, so the files and script calls are the wire's, and the router
 *       side is the real router-scripts pipeline with a {@code DryRunHost} on the router's root. As
 *       a real resource does, the simulator first fills in the NIC device number of each address of
 *       an IP association from the router's NICs, plugged ones included (an address on a VLAN without
 *       a NIC fails).
 *   <li>Anything else answers failure naming the command.
 * </ul>
 * What the router renders depends on the converger the builder is given. By default it is the
 * real one ({@link RouterConvergers#standard}, daemons through systemd): every router holds the
 * rendered dnsmasq, haproxy and iptables files under its root, and the {@code systemctl} and
 * {@code iptables-restore} calls a real router would make are in its dry-run log.
 *
 * <p>Fault injection: {@link #kill} makes a router vanish behind the manager's back,
 * {@link #failNextCommand} fails the next command the simulator receives, {@link #failNextScript}
 * the next script a router runs, and {@link #redundantState} flips a router's VRRP state.
 *
 * <p>Thread-safe; commands for one router are serialized by the routing resource.
 */
public final class SimulatorHypervisor implements HypervisorResource {
    private static final Logger log = LoggerFactory.getLogger(SimulatorHypervisor.class);
    /** The boot-argument file, in the router's cache directory, that the router merges at boot. */
    public static final String CMD_LINE_FILE = "cmd_line.json";

    private final Path workDirectory;
    private final Function<Host, Converger> convergers;
    private final RouterScripts scripts;
    private final PayloadCodec payloads = new PayloadCodec();
    private final VirtualRoutingResource routing;
    private final Map<String, SimulatedRouter> routers = new ConcurrentHashMap<>();
    private final ConcurrentLinkedDeque<String> commandFaults = new ConcurrentLinkedDeque<>();

    private SimulatorHypervisor(Builder builder) {
        this.workDirectory = builder.workDirectory.toAbsolutePath().normalize();
        Clock clock = builder.clock;
        this.convergers = builder.convergers.orElse(host -> RouterConvergers.standard(host, new SystemdServiceManager(host), clock));
        this.scripts = new RouterScripts(PipelineOptions.defaults().withUuids(builder.ids), builder.templateVersion, builder.scriptsVersion);
        this.routing = new VirtualRoutingResource(new CommandCodec(builder.ids, builder.clock), channels(), builder.timeouts, builder.ids);
    }

    /** A simulator with routers under {@code workDirectory}, the real converger, random file ids and the system clock. */
    public static SimulatorHypervisor create(Path workDirectory) {
        return builder(workDirectory).build();
    }

    public static Builder builder(Path workDirectory) {
        return new Builder(workDirectory);
    }

    @Override
    public HypervisorType type() {
        return HypervisorType.SIMULATOR;
    }

    @Override
    public Answer execute(Command command) {
        requireNonNull(command, "command is null");
        String fault = commandFaults.poll();
        if (fault != null) {
            log.info("injected failure for {}: {}", command.getClass().getSimpleName(), fault);
            return failure(command, fault);
        }
        if (command instanceof StartCommand start) {
            return start(start.vm());
        }
        if (command instanceof StopCommand stop) {
            return stop(stop.vmName());
        }
        if (command instanceof CheckVirtualMachineCommand check) {
            return CheckVirtualMachineAnswer.of(findRouter(check.vmName()).map(SimulatedRouter::powerState).orElse(PowerState.MISSING));
        }
        if (command instanceof CheckSshCommand check) {
            return checkSsh(check);
        }
        if (command instanceof PlugNicCommand plug) {
            return plug(plug);
        }
        if (command instanceof UnPlugNicCommand unplug) {
            return unplug(unplug);
        }
        if (command instanceof NetworkElementCommand routerCommand) {
            return configure(routerCommand);
        }
        return Answer.failure("the simulator does not handle " + command.getClass().getName());
    }

    /** Prepares the command as a hypervisor resource does (NIC device numbers of an IP association), then runs it on the router. */
    private Answer configure(NetworkElementCommand command) {
        Optional<SimulatedRouter> router = command.accessDetails().routerName().flatMap(this::findRouter);
        if (command instanceof IpAssociationCommand association && router.isPresent()) {
            try {
                return routing.execute(NicDevices.fill(association, router.get().nics()));
            }
            catch (InvalidParameterException e) {
                return Answer.failure(e.getMessage());
            }
        }
        return routing.execute(command);
    }

    /** The router named {@code name}, once the simulator has been asked to start it. */
    public Optional<SimulatedRouter> findRouter(String name) {
        return Optional.ofNullable(routers.get(requireNonNull(name, "name is null")));
    }

    /**
     * The router named {@code name}.
     *
     * @throws IllegalArgumentException naming the routers the simulator knows when it has none of that name
     */
    public SimulatedRouter router(String name) {
        return findRouter(name).orElseThrow(() -> new IllegalArgumentException(
                "the simulator has no router " + name + "; it knows " + new TreeMap<>(routers).keySet()));
    }

    /** Every router the simulator has started, in no particular order. */
    public Collection<SimulatedRouter> routers() {
        return List.copyOf(routers.values());
    }

    /** Opens {@link LocalRouterChannel}s to this simulator's routers: to drive a routing resource of one's own. */
    public RouterChannelFactory channels() {
        return endpoint -> new LocalRouterChannel(endpoint, findRouter(endpoint.name()), scripts);
    }

    /**
     * Makes a router vanish behind the manager's back, as a crashed or externally destroyed VM does:
     * it reports MISSING, cannot be reached, and keeps its root. A later start boots it again.
     *
     * @throws IllegalArgumentException when the simulator has no such router
     */
    public void kill(String name) {
        router(name).vanish();
        log.info("router {} killed behind the manager's back", name);
    }

    /**
     * Fails the next command the simulator receives, whatever it is, without any effect: the answer
     * is failed, of the type its caller expects ({@link StartAnswer}, {@link CheckRouterAnswer}...),
     * and carries {@code details}. Calls queue up: two calls fail the next two commands.
     */
    public void failNextCommand(String details) {
        commandFaults.add(requireNonNull(details, "details is null"));
    }

    /**
     * Makes the next script router {@code name} runs (an {@code update_config.py}, a {@code vr_cfg.sh},
     * a query, or the boot's own update) end with {@code exitStatus} and {@code stderr}, without
     * running it. Calls queue up, also across restarts: queued before a start, it fails the boot.
     *
     * @throws IllegalArgumentException when the simulator has no such router
     */
    public void failNextScript(String name, int exitStatus, String stderr) {
        router(name).addScriptFault(new ExecutionResult(exitStatus, "", stderr));
    }

    /** Sets what router {@code name}'s {@code checkrouter.sh} reports, as a VRRP transition would. */
    public void redundantState(String name, RedundantState state) {
        router(name).redundantState(state);
    }

    private Answer start(VirtualMachineTO vm) {
        if (vm.type() != VirtualMachine.Type.DOMAIN_ROUTER) {
            return StartAnswer.failure("the simulator runs routers only; " + vm.name() + " is a " + vm.type().wireName() + " VM");
        }
        SimulatedRouter router = routers.computeIfAbsent(vm.name(), name -> new SimulatedRouter(name, workDirectory.resolve(name)));
        synchronized (router) {
            if (router.isRunning()) {
                return StartAnswer.failure("router " + vm.name() + " is already running");
            }
            router.boot(vm, convergers);
        }
        ExecutionResult boot = bootConfiguration(router, vm);
        if (!boot.succeeded()) {
            router.powerOff();
            return StartAnswer.failure("router " + vm.name() + " failed its boot configuration: exit " + boot.exitStatus() + ": "
                    + boot.stderr().strip());
        }
        log.info("router {} started under {}", vm.name(), router.root());
        return StartAnswer.started();
    }

    /** What the router does at boot: its boot arguments into {@code cmd_line.json}, then {@code update_config.py cmd_line.json}. */
    private ExecutionResult bootConfiguration(SimulatedRouter router, VirtualMachineTO vm) {
        String json = payloads.toJson(CmdLinePayload.of(vm.bootArgs().toCmdLineMap()));
        try {
            router.host().write(FileConfigItem.CACHE_DIRECTORY + CMD_LINE_FILE, json.getBytes(UTF_8), FileMode.SECRET);
        }
        catch (IOException e) {
            return new ExecutionResult(1, "", "cannot write " + CMD_LINE_FILE + ": " + e.getMessage());
        }
        return scripts.run(router, ScriptConfigItem.of(ScriptConfigItem.UPDATE_CONFIG, CMD_LINE_FILE).commandLine());
    }

    /** Adds the NIC to the running router; its address is used by later commands (an IP association finds it by MAC). */
    private Answer plug(PlugNicCommand plug) {
        Optional<SimulatedRouter> router = findRouter(plug.vmName()).filter(SimulatedRouter::isRunning);
        if (router.isEmpty()) {
            return Answer.failure("cannot plug a NIC into " + plug.vmName() + ": no such running VM");
        }
        try {
            router.get().plug(plug.nic());
        }
        catch (IllegalArgumentException e) {
            return Answer.failure(e.getMessage());
        }
        log.info("router {}: eth{} plugged ({})", plug.vmName(), plug.nic().deviceId(), plug.nic().macAddress());
        return Answer.success("Plugged eth" + plug.nic().deviceId() + " into " + plug.vmName());
    }

    /** A NIC already gone counts as unplugged, as CloudStack's resources treat it. */
    private Answer unplug(UnPlugNicCommand unplug) {
        Optional<SimulatedRouter> router = findRouter(unplug.vmName());
        boolean removed = router.isPresent() && router.get().unplug(unplug.nic());
        return Answer.success(removed ? "Unplugged " + unplug.nic().macAddress() + " from " + unplug.vmName()
                : "no NIC " + unplug.nic().macAddress() + " on " + unplug.vmName() + "; counts as unplugged");
    }

    private Answer stop(String name) {
        Optional<SimulatedRouter> router = findRouter(name);
        if (router.isEmpty() || router.get().powerState() == PowerState.MISSING) {
            return Answer.success("VM " + name + " not found; counts as stopped");
        }
        router.get().powerOff();
        log.info("router {} stopped", name);
        return Answer.success("Stopped " + name);
    }

    private Answer checkSsh(CheckSshCommand check) {
        Optional<SimulatedRouter> router = findRouter(check.vmName());
        if (router.isEmpty()) {
            return CheckSshAnswer.unreachable("no VM " + check.vmName() + " on this host");
        }
        try {
            router.get().requireReachable(check.ip());
        }
        catch (IOException e) {
            return CheckSshAnswer.unreachable(e.getMessage());
        }
        if (check.port() != CheckSshCommand.DEFAULT_PORT) {
            return CheckSshAnswer.unreachable("connection refused: " + check.ip().value() + ":" + check.port()
                    + " (routers listen on " + CheckSshCommand.DEFAULT_PORT + ")");
        }
        return CheckSshAnswer.reachable();
    }

    /** A failed answer of the type a caller of {@code command} expects. */
    private static Answer failure(Command command, String details) {
        if (command instanceof StartCommand) {
            return StartAnswer.failure(details);
        }
        if (command instanceof CheckVirtualMachineCommand) {
            return CheckVirtualMachineAnswer.failure(details);
        }
        if (command instanceof CheckSshCommand) {
            return CheckSshAnswer.unreachable(details);
        }
        if (command instanceof CheckRouterCommand) {
            return CheckRouterAnswer.failure(details);
        }
        if (command instanceof GetDomRVersionCommand) {
            return GetDomRVersionAnswer.failure(details);
        }
        return Answer.failure(details);
    }

    @Override
    public String toString() {
        return "SimulatorHypervisor[" + workDirectory + ", " + routers.size() + " routers]";
    }

    /** Collects a simulator's settings. Defaults: the real converger, random ids, system clock, default routing timeouts. */
    public static final class Builder {
        private final Path workDirectory;
        private Optional<Function<Host, Converger>> convergers = Optional.empty();
        private Supplier<UUID> ids = UUID::randomUUID;
        private Clock clock = Clock.systemUTC();
        private RoutingTimeouts timeouts = RoutingTimeouts.defaults();
        private String templateVersion = "Cloudstack Release 4.19.0 vrouter-simulator";
        private String scriptsVersion = "vrouter-simulator";

        private Builder(Path workDirectory) {
            this.workDirectory = requireNonNull(workDirectory, "workDirectory is null");
        }

        /**
         * The converger of each router, made from the router's host at every boot, instead of the
         * real one: {@code host -> Converger.none()} keeps the databags only, a recording converger
         * shows what each update asked for.
         */
        public Builder convergers(Function<Host, Converger> convergers) {
            this.convergers = Optional.of(requireNonNull(convergers, "convergers is null"));
            return this;
        }

        /** Ids of wire files, batch files and archives: a fixed sequence makes file names stable. */
        public Builder ids(Supplier<UUID> ids) {
            this.ids = requireNonNull(ids, "ids is null");
            return this;
        }

        /** The clock the wire codec stamps time-dependent payloads with, and the real converger's. */
        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock is null");
            return this;
        }

        public Builder timeouts(RoutingTimeouts timeouts) {
            this.timeouts = requireNonNull(timeouts, "timeouts is null");
            return this;
        }

        /** What {@code get_template_version.sh} reports: {@code <templateVersion>&<scriptsVersion>}. */
        public Builder versions(String templateVersion, String scriptsVersion) {
            this.templateVersion = requireNonNull(templateVersion, "templateVersion is null");
            this.scriptsVersion = requireNonNull(scriptsVersion, "scriptsVersion is null");
            return this;
        }

        public SimulatorHypervisor build() {
            return new SimulatorHypervisor(this);
        }
    }
}
