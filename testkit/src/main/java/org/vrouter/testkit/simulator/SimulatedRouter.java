package org.vrouter.testkit.simulator;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.vrouter.api.bootargs.BootArgs;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.router.RedundantState;
import org.vrouter.api.vm.PowerState;
import org.vrouter.commands.to.NicTO;
import org.vrouter.commands.to.VirtualMachineTO;
import org.vrouter.commands.wire.payload.PayloadCodec;
import org.vrouter.core.channel.ExecutionResult;
import org.vrouter.core.channel.RouterChannelException;
import org.vrouter.router.converge.Converger;
import org.vrouter.router.databag.BagKey;
import org.vrouter.router.databag.DatabagSnapshot;
import org.vrouter.router.databag.DatabagStore;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.host.DryRunHost;
import org.vrouter.router.host.Host;

/**
 * One router VM of a {@link SimulatorHypervisor}: its power state, the VM it was last started as
 * (NICs, boot arguments), its VRRP state, and its root directory, under which the router side
 * writes exactly the files a real router would ({@code /etc/cloudstack/*.json}, the rendered
 * service configurations, {@code /var/cache/cloud/processed/}). Programs are never run: a
 * {@link DryRunHost} logs them to {@value DryRunHost#LOG_PATH}.
 *
 * <p>A router exists from its first start on and keeps its root across stops, restarts and a
 * {@linkplain SimulatorHypervisor#kill kill}, so a test can read what it held. A restart is a
 * reboot: the converger is created afresh, as a real router's in-memory state would be.
 *
 * <p>Thread-safe. Tests read it; the simulator changes it.
 */
public final class SimulatedRouter {
    private final String name;
    private final DryRunHost host;
    private final List<ScriptRun> scriptRuns = new ArrayList<>();
    private final Deque<ExecutionResult> scriptFaults = new ArrayDeque<>();
    private PowerState powerState = PowerState.OFF;
    private VirtualMachineTO vm;
    private Converger converger = Converger.none();
    private RedundantState redundantState = RedundantState.UNKNOWN;
    private final List<NicTO> plugged = new ArrayList<>();

    SimulatedRouter(String name, Path root) {
        this.name = requireNonNull(name, "name is null");
        this.host = new DryRunHost(requireNonNull(root, "root is null"));
    }

    /** The instance name ({@code r-5-VM}). */
    public String name() {
        return name;
    }

    /** The directory router paths are resolved under: {@code /etc/x} is {@code root()/etc/x}. */
    public Path root() {
        return host.rootDirectory();
    }

    /** The router's file system as the router side sees it (files only: it runs no program). */
    public Host host() {
        return host;
    }

    public synchronized PowerState powerState() {
        return powerState;
    }

    public synchronized boolean isRunning() {
        return powerState == PowerState.ON;
    }

    /**
     * The VM of the last start.
     *
     * @throws IllegalStateException if the router was never started (it cannot be: the simulator
     *     creates routers on start)
     */
    public synchronized VirtualMachineTO vm() {
        if (vm == null) {
            throw new IllegalStateException("router " + name + " was never started");
        }
        return vm;
    }

    public BootArgs bootArgs() {
        return vm().bootArgs();
    }

    /** The NICs of the last start, then those hot-plugged since ({@code PlugNicCommand}), in plug order. */
    public synchronized List<NicTO> nics() {
        List<NicTO> nics = new ArrayList<>(vm().nics());
        nics.addAll(plugged);
        return List.copyOf(nics);
    }

    /** The address of the router's control NIC, where management reaches it; empty without one. */
    public Optional<IpAddress> controlIp() {
        return nics().stream().filter(nic -> nic.trafficType() == TrafficType.CONTROL).findFirst().flatMap(NicTO::ip);
    }

    /** What {@code checkrouter.sh} reports: the boot argument {@code redundant_state}, or the last one set by a test. */
    public synchronized RedundantState redundantState() {
        return redundantState;
    }

    /**
     * A file under the router's root, as UTF-8 text.
     *
     * @param routerPath an absolute router path, {@code /etc/cloudstack/dhcpentry.json}
     * @return empty when there is no such file
     */
    public Optional<String> readFile(String routerPath) {
        try {
            return host.readText(routerPath);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + routerPath + " of router " + name, e);
        }
    }

    /**
     * A file that must exist, as UTF-8 text.
     *
     * @throws IllegalStateException naming the file and what its directory holds when it is missing
     */
    public String file(String routerPath) {
        return readFile(routerPath).orElseThrow(() -> {
            String directory = routerPath.substring(0, Math.max(1, routerPath.lastIndexOf('/')));
            return new IllegalStateException("router " + name + " has no " + routerPath + "; " + directory + " holds " + list(directory));
        });
    }

    /** The databag {@code /etc/cloudstack/<key>.json} ({@code dhcpentry}, {@code ips}...), if the router has it. */
    public Optional<String> databag(String key) {
        return readFile(BagKey.DIRECTORY + "/" + key + ".json");
    }

    /**
     * Every databag of the router, parsed as the router side reads them: the typed view to assert
     * on ({@code databags().dhcpEntry().get(ip)}).
     *
     * @throws IllegalStateException when a bag cannot be read (the message names it)
     */
    public Databags databags() {
        DatabagSnapshot snapshot;
        try {
            snapshot = new DatabagStore(host, new PayloadCodec()).load();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the databags of router " + name, e);
        }
        if (!snapshot.problems().isEmpty()) {
            throw new IllegalStateException("router " + name + " has unreadable databags: " + snapshot.problems());
        }
        return snapshot.databags();
    }

    /** The entries of a directory of the router, sorted; empty when it does not exist. */
    public List<String> list(String routerDirectory) {
        try {
            return host.list(routerDirectory);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot list " + routerDirectory + " of router " + name, e);
        }
    }

    /** The programs the router side would have run, one shell-quoted command line each, in order. */
    public List<String> programsRun() {
        return readFile(DryRunHost.LOG_PATH).map(log -> log.lines().toList()).orElse(List.of());
    }

    /** Every script the router ran, boot included, in order. */
    public synchronized List<ScriptRun> scriptRuns() {
        return List.copyOf(scriptRuns);
    }

    /** The scripts named {@code script} ({@code vr_cfg.sh}) the router ran, in order. */
    public List<ScriptRun> scriptRuns(String script) {
        return scriptRuns().stream().filter(run -> run.script().equals(script)).toList();
    }

    /** Boots the router as {@code started}: power on, a fresh converger, the VRRP state of its boot arguments. */
    synchronized void boot(VirtualMachineTO started, Function<Host, Converger> convergers) {
        vm = requireNonNull(started, "started is null");
        plugged.clear();
        converger = requireNonNull(convergers.apply(host), "the converger factory returned null");
        redundantState = started.bootArgs().redundantState().orElse(started.bootArgs().redundantRouter() ? RedundantState.BACKUP
                : RedundantState.UNKNOWN);
        powerState = PowerState.ON;
    }

    /** Hot-plugs {@code nic}; a device number or MAC the router already has is refused. */
    synchronized void plug(NicTO nic) {
        for (NicTO existing : nics()) {
            if (existing.deviceId() == nic.deviceId() || existing.macAddress().equals(nic.macAddress())) {
                throw new IllegalArgumentException("router " + name + " already has eth" + existing.deviceId() + " (" + existing.macAddress() + ")");
            }
        }
        plugged.add(nic);
    }

    /** Removes the plugged NIC with {@code nic}'s MAC; true when there was one. */
    synchronized boolean unplug(NicTO nic) {
        return plugged.removeIf(existing -> existing.macAddress().equals(nic.macAddress()));
    }

    synchronized void powerOff() {
        powerState = PowerState.OFF;
    }

    /** The VM vanished from the hypervisor: the state a host reports for a domain it no longer knows. */
    synchronized void vanish() {
        powerState = PowerState.MISSING;
    }

    synchronized void redundantState(RedundantState state) {
        redundantState = requireNonNull(state, "state is null");
    }

    synchronized Converger converger() {
        return converger;
    }

    synchronized void addScriptFault(ExecutionResult result) {
        scriptFaults.add(requireNonNull(result, "result is null"));
    }

    synchronized Optional<ExecutionResult> takeScriptFault() {
        return Optional.ofNullable(scriptFaults.poll());
    }

    synchronized void recordRun(ScriptRun run) {
        scriptRuns.add(run);
    }

    /**
     * Checks that management can reach the router at {@code address}: it runs and, when it has a
     * control NIC, that NIC holds the address.
     *
     * @throws RouterChannelException with {@link RouterChannelException.Failure#CONNECT} otherwise
     */
    void requireReachable(IpAddress address) throws RouterChannelException {
        PowerState state = powerState();
        if (state != PowerState.ON) {
            throw new RouterChannelException(RouterChannelException.Failure.CONNECT,
                    "router " + name + " at " + address.value() + " is not reachable: its VM is " + state.wireName());
        }
        Optional<IpAddress> control = controlIp();
        if (control.isPresent() && !control.get().equals(address)) {
            throw new RouterChannelException(RouterChannelException.Failure.CONNECT,
                    "no router answers at " + address.value() + ": router " + name + " has control address " + control.get().value());
        }
    }

    @Override
    public String toString() {
        return "SimulatedRouter[" + name + ", " + powerState() + ", " + root() + "]";
    }
}
