package org.vrouter.hypervisor.netns;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrouter.api.command.Answer;
import org.vrouter.api.metrics.Metrics;
import org.vrouter.api.vm.PowerState;
import org.vrouter.api.vm.VirtualMachine;
import org.vrouter.commands.CheckSshAnswer;
import org.vrouter.commands.CheckSshCommand;
import org.vrouter.commands.CheckVirtualMachineAnswer;
import org.vrouter.commands.CheckVirtualMachineCommand;
import org.vrouter.commands.PlugNicCommand;
import org.vrouter.commands.StartAnswer;
import org.vrouter.commands.StartCommand;
import org.vrouter.commands.StopCommand;
import org.vrouter.commands.UnPlugNicCommand;
import org.vrouter.commands.to.NicTO;
import org.vrouter.commands.to.VirtualMachineTO;
import org.vrouter.commands.wire.FileConfigItem;
import org.vrouter.commands.wire.ScriptConfigItem;
import org.vrouter.commands.wire.payload.CmdLinePayload;
import org.vrouter.commands.wire.payload.PayloadCodec;
import org.vrouter.core.channel.ExecutionResult;
import org.vrouter.core.channel.RouterChannelException;
import org.vrouter.core.channel.RouterEndpoint;
import org.vrouter.core.routing.RouterVmDriver;
import org.vrouter.hypervisor.netns.network.HypervisorNetwork;
import org.vrouter.hypervisor.netns.network.IpTool;
import org.vrouter.hypervisor.netns.network.NetnsNames;
import org.vrouter.router.converge.OrderedConverger;
import org.vrouter.router.converge.RouterConvergers;
import org.vrouter.router.daemon.DaemonRouter;
import org.vrouter.router.daemon.Vrouterd;
import org.vrouter.router.databag.DatabagStore;
import org.vrouter.router.host.FileMode;
import org.vrouter.router.pipeline.EntryPoints;

/**
 * Starts, stops and checks the routers of a {@link NetnsHypervisor}, and tells its channels which
 * router answers at an endpoint. See {@link NetnsHypervisor} for the contract of each command.
 * It is the hypervisor's {@link RouterVmDriver}: core's dispatcher hands it the lifecycle and NIC
 * commands. Thread-safe: the work on one router is serialized by its lifecycle lock.
 */
final class RouterLifecycle implements RouterVmDriver {
    private static final Logger log = LoggerFactory.getLogger(RouterLifecycle.class);
    /** How long a stop waits for the requests under way on a router's socket (a transition waits at most 20 s for the lock). */
    private static final Duration DAEMON_GRACE = Duration.ofSeconds(30);

    private final Path workDirectory;
    private final NetnsNames names;
    private final IpTool ip;
    private final HypervisorNetwork network;
    private final RouterProcesses processes;
    private final RouterPlumbing plumbing;
    private final NamespaceRouterScripts scripts;
    private final Clock clock;
    private final PayloadCodec payloads = new PayloadCodec();
    private final Map<String, NetnsRouter> routers = new ConcurrentHashMap<>();

    RouterLifecycle(Path workDirectory, HypervisorNetwork network, NamespaceRouterScripts scripts, Clock clock) {
        this.workDirectory = requireNonNull(workDirectory, "workDirectory is null");
        this.network = requireNonNull(network, "network is null");
        this.names = network.names();
        this.ip = network.ip();
        this.processes = new RouterProcesses(ip);
        this.plumbing = new RouterPlumbing(network, processes);
        this.scripts = requireNonNull(scripts, "scripts is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    Optional<NetnsRouter> find(String name) {
        return Optional.ofNullable(routers.get(requireNonNull(name, "name is null")));
    }

    /** The NICs of a router this hypervisor started (hot-plugged ones included); empty for any other. */
    @Override
    public Optional<List<NicTO>> nicsOf(String router) {
        return find(router).filter(found -> found.vm().isPresent()).map(NetnsRouter::nics);
    }

    Map<String, NetnsRouter> routers() {
        return Map.copyOf(routers);
    }

    @Override
    public Answer start(StartCommand command) {
        VirtualMachineTO vm = command.vm();
        if (vm.type() != VirtualMachine.Type.DOMAIN_ROUTER) {
            return StartAnswer.failure("the netns hypervisor runs routers only; " + vm.name() + " is a " + vm.type().wireName() + " VM");
        }
        String namespace;
        try {
            namespace = names.routerNamespace(vm.name());
        }
        catch (IllegalArgumentException e) {
            return StartAnswer.failure("cannot name a namespace for " + vm.name() + ": " + e.getMessage());
        }
        NetnsRouter router = routers.computeIfAbsent(vm.name(),
                name -> new NetnsRouter(name, network.routerSlot(name), namespace, workDirectory.resolve(name)));
        router.lifecycle.lock();
        try {
            if (router.isStarted() && ip.namespaceExists(namespace)) {
                return StartAnswer.failure("router " + vm.name() + " is already running");
            }
            if (router.isStarted()) {
                log.warn("router {}: its namespace {} vanished; cleaning up before the start", vm.name(), namespace);
                teardown(router);
            }
            else if (ip.namespaceExists(namespace)) {
                return StartAnswer.failure("namespace " + namespace + " exists, but this hypervisor did not start router " + vm.name());
            }
            return boot(router, vm);
        }
        finally {
            router.lifecycle.unlock();
        }
    }

    /** Plumbs and boots the router; on any failure everything made is removed again and the answer says why. */
    private Answer boot(NetnsRouter router, VirtualMachineTO vm) {
        try {
            prepareRoot(router.root());
            OrderedConverger converger = RouterConvergers.standard(router.host(), router.services(), clock);
            router.starting(vm, converger);
            plumbing.create(router, vm);
            serve(router, converger);
            ExecutionResult boot = bootConfiguration(router, vm);
            if (!boot.succeeded()) {
                return StartAnswer.failure("router " + vm.name() + " failed its boot configuration: exit " + boot.exitStatus() + ": "
                        + boot.stderr().strip() + teardown(router));
            }
        }
        catch (IOException | RuntimeException e) {
            // a start that cannot finish must leave nothing behind; the answer carries the cause
            log.warn("router {}: start failed", vm.name(), e);
            return StartAnswer.failure("cannot start router " + vm.name() + ": " + e.getMessage() + teardown(router));
        }
        log.info("router {} started in namespace {}, root {}", vm.name(), router.namespace(), router.root());
        return StartAnswer.started();
    }

    /**
     * Serves the router's {@code vrouterd} socket from this process (the role the architecture gives the
     * managing process), with the router's own converger, until the stop: keepalived's notify hook and
     * {@code update_config.py} inside the router reach it. Started before the boot configuration, whose
     * converge starts keepalived. A socket that cannot be bound (a root too deep for a Unix socket path) is
     * a warning: the hook and the scripts then run their one-shot launcher, which does the same, slower.
     */
    private void serve(NetnsRouter router, OrderedConverger converger) {
        PayloadCodec codec = new PayloadCodec();
        EntryPoints entryPoints = new EntryPoints(router.host(), converger, codec, new DatabagStore(router.host(), codec), scripts.options());
        Path socket = router.host().resolve(Vrouterd.SOCKET_PATH);
        try {
            router.serving(Vrouterd.serve(socket, List.of(new DaemonRouter(entryPoints, converger.redundantStateFollowers())), DAEMON_GRACE,
                    Metrics.NOOP));
        }
        catch (IOException e) {
            log.warn("router {}: cannot serve {} ({}); its notify hook and scripts run one-shot", router.name(), socket, e.toString());
        }
    }

    /** What the router does at boot: its boot arguments into {@code cmd_line.json}, then {@code update_config.py cmd_line.json}. */
    private ExecutionResult bootConfiguration(NetnsRouter router, VirtualMachineTO vm) throws IOException {
        String json = payloads.toJson(CmdLinePayload.of(vm.bootArgs().toCmdLineMap()));
        router.host().write(FileConfigItem.CACHE_DIRECTORY + NetnsHypervisor.CMD_LINE_FILE, json.getBytes(UTF_8), FileMode.SECRET);
        return scripts.run(router, ScriptConfigItem.of(ScriptConfigItem.UPDATE_CONFIG, NetnsHypervisor.CMD_LINE_FILE).commandLine());
    }

    /** dnsmasq drops root for its own user, who must still reach the files it re-reads on SIGHUP. */
    private static void prepareRoot(Path root) throws IOException {
        Files.createDirectories(root);
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Override
    public Answer stop(StopCommand command) {
        String name = command.vmName();
        Optional<NetnsRouter> found = find(name);
        if (found.isEmpty()) {
            return Answer.success("VM " + name + " not found; counts as stopped");
        }
        NetnsRouter router = found.get();
        router.lifecycle.lock();
        try {
            boolean existed = ip.namespaceExists(router.namespace());
            plumbing.destroy(router);
            router.stopped();
            log.info("router {} stopped", name);
            return Answer.success(existed ? "Stopped " + name : "VM " + name + " not found; counts as stopped");
        }
        catch (IOException e) {
            log.warn("router {}: stop failed", name, e);
            return Answer.failure("cannot stop router " + name + ": " + e.getMessage());
        }
        finally {
            router.lifecycle.unlock();
        }
    }

    /** Undoes a start; returns what went wrong as text to append to an answer (empty when all went). */
    private String teardown(NetnsRouter router) {
        try {
            plumbing.destroy(router);
            return "";
        }
        catch (IOException e) {
            log.warn("router {}: cleanup failed", router.name(), e);
            return " (and the cleanup failed: " + e.getMessage() + ")";
        }
        finally {
            router.stopped();
        }
    }

    /**
     * The truth: ON while the router's namespace exists (the details name each daemon's state and the
     * last script run); OFF once this hypervisor stopped it; MISSING when it never started it or the
     * namespace vanished behind its back.
     */
    @Override
    public Answer check(CheckVirtualMachineCommand command) {
        String name = command.vmName();
        String namespace;
        try {
            namespace = names.routerNamespace(name);
        }
        catch (IllegalArgumentException e) {
            return CheckVirtualMachineAnswer.of(PowerState.MISSING);
        }
        Optional<NetnsRouter> router = find(name);
        if (ip.namespaceExists(namespace)) {
            String details = PowerState.ON.wireName();
            if (router.isPresent()) {
                try {
                    details += "; " + describe(router.get());
                }
                catch (IOException e) {
                    details += "; daemons unknown: " + e.getMessage();
                }
            }
            return new CheckVirtualMachineAnswer(true, details, PowerState.ON);
        }
        if (router.isPresent() && router.get().state() == NetnsRouter.State.STOPPED) {
            return CheckVirtualMachineAnswer.of(PowerState.OFF);
        }
        return CheckVirtualMachineAnswer.of(PowerState.MISSING);
    }

    private String describe(NetnsRouter router) throws IOException {
        StringJoiner daemons = new StringJoiner(", ");
        processes.daemons(router).forEach((daemon, running) -> daemons.add(daemon + (running ? " running" : " not running")));
        String last = router.lastRun().isEmpty() ? "" : "; last: " + router.lastRun();
        return "daemons: " + (daemons.length() == 0 ? "none" : daemons.toString()) + last;
    }

    @Override
    public Answer checkSsh(CheckSshCommand check) {
        try {
            reachable(new RouterEndpoint(check.vmName(), check.ip()));
        }
        catch (RouterChannelException e) {
            return CheckSshAnswer.unreachable(e.getMessage());
        }
        if (check.port() != CheckSshCommand.DEFAULT_PORT) {
            return CheckSshAnswer.unreachable("connection refused: " + check.ip().value() + ":" + check.port()
                    + " (routers listen on " + CheckSshCommand.DEFAULT_PORT + ")");
        }
        return CheckSshAnswer.reachable();
    }

    /** The started router at {@code endpoint}, whose namespace exists and which holds the endpoint's control address. */
    NetnsRouter reachable(RouterEndpoint endpoint) throws RouterChannelException {
        NetnsRouter router = find(endpoint.name()).orElseThrow(() -> unreachable(endpoint, "this hypervisor never started " + endpoint.name()));
        if (!router.isStarted() || !ip.namespaceExists(router.namespace())) {
            throw unreachable(endpoint, endpoint.name() + " is not running");
        }
        if (!router.controlIp().equals(Optional.of(endpoint.controlIp()))) {
            throw unreachable(endpoint, endpoint.name() + "'s control address is "
                    + router.controlIp().map(address -> address.value()).orElse("not set"));
        }
        return router;
    }

    private static RouterChannelException unreachable(RouterEndpoint endpoint, String why) {
        return new RouterChannelException(RouterChannelException.Failure.CONNECT,
                "no router answers at " + endpoint.controlIp().value() + ": " + why);
    }

    /** Plugs a NIC into a running router (a VPC router's public and tier NICs). */
    @Override
    public Answer plugNic(PlugNicCommand command) {
        Optional<NetnsRouter> found = find(command.vmName()).filter(NetnsRouter::isStarted);
        if (found.isEmpty()) {
            return Answer.failure("cannot plug a NIC into " + command.vmName() + ": no such running router");
        }
        NetnsRouter router = found.get();
        router.lifecycle.lock();
        try {
            boolean taken = router.nics().stream().anyMatch(nic -> nic.deviceId() == command.nic().deviceId()
                    || nic.macAddress().equals(command.nic().macAddress()));
            if (taken) {
                return Answer.failure("router " + command.vmName() + " already has " + command.nic().deviceName() + " or MAC "
                        + command.nic().macAddress());
            }
            plumbing.plug(router, command.nic());
            return Answer.success("Plugged " + command.nic().deviceName() + " into " + command.vmName());
        }
        catch (IOException e) {
            log.warn("router {}: plugging {} failed", command.vmName(), command.nic().deviceName(), e);
            return Answer.failure("cannot plug " + command.nic().deviceName() + " into " + command.vmName() + ": " + e.getMessage());
        }
        finally {
            router.lifecycle.unlock();
        }
    }

    /** Unplugs a hot-plugged NIC; a NIC already gone counts as unplugged. */
    @Override
    public Answer unplugNic(UnPlugNicCommand command) {
        Optional<NetnsRouter> found = find(command.vmName());
        if (found.isEmpty()) {
            return Answer.success("no VM " + command.vmName() + "; counts as unplugged");
        }
        NetnsRouter router = found.get();
        router.lifecycle.lock();
        try {
            boolean removed = plumbing.unplug(router, command.nic());
            return Answer.success(removed ? "Unplugged " + command.nic().deviceName() + " from " + command.vmName()
                    : "no plugged NIC " + command.nic().macAddress() + " on " + command.vmName() + "; counts as unplugged");
        }
        catch (IOException e) {
            log.warn("router {}: unplugging {} failed", command.vmName(), command.nic().deviceName(), e);
            return Answer.failure("cannot unplug " + command.nic().deviceName() + " from " + command.vmName() + ": " + e.getMessage());
        }
        finally {
            router.lifecycle.unlock();
        }
    }

    /** Stops every router that may still have a namespace; the first failure is thrown after all were tried. */
    void stopAll() throws IOException {
        RouterPlumbing.Steps steps = new RouterPlumbing.Steps();
        for (NetnsRouter router : routers.values()) {
            router.lifecycle.lock();
            try {
                if (router.state() != NetnsRouter.State.STOPPED) {
                    steps.attempt(() -> plumbing.destroy(router));
                    router.stopped();
                }
            }
            finally {
                router.lifecycle.unlock();
            }
        }
        steps.rethrow();
    }
}
