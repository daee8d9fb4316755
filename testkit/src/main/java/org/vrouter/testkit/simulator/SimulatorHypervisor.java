package org.vrouter.testkit.simulator;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrouter.api.agent.HypervisorResource;
import org.vrouter.api.command.Answer;
import org.vrouter.api.command.Command;
import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.router.RedundantState;
import org.vrouter.commands.CheckRouterAnswer;
import org.vrouter.commands.CheckRouterCommand;
import org.vrouter.commands.CheckS2SVpnConnectionsAnswer;
import org.vrouter.commands.CheckS2SVpnConnectionsCommand;
import org.vrouter.commands.CheckSshAnswer;
import org.vrouter.commands.CheckSshCommand;
import org.vrouter.commands.CheckVirtualMachineAnswer;
import org.vrouter.commands.CheckVirtualMachineCommand;
import org.vrouter.commands.GetDomRVersionAnswer;
import org.vrouter.commands.GetDomRVersionCommand;
import org.vrouter.commands.NetworkElementCommand;
import org.vrouter.commands.PlugNicCommand;
import org.vrouter.commands.StartAnswer;
import org.vrouter.commands.StartCommand;
import org.vrouter.commands.StopCommand;
import org.vrouter.commands.UnPlugNicCommand;
import org.vrouter.core.channel.ExecutionResult;
import org.vrouter.core.channel.RouterChannelFactory;
import org.vrouter.core.routing.RouterCommandDispatcher;
import org.vrouter.core.routing.RoutingBuilder;
import org.vrouter.core.routing.VirtualRoutingResource;
import org.vrouter.router.converge.Converger;
import org.vrouter.router.converge.RouterConvergers;
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
 *   <li>Every {@link NetworkElementCommand} goes through core's {@link RouterCommandDispatcher} and
 *       {@link VirtualRoutingResource} with {@link LocalRouterChannel}s, so the files and script calls are the wire's, and the router
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
    private final RouterCommandDispatcher dispatcher;
    private final Map<String, SimulatedRouter> routers = new ConcurrentHashMap<>();
    private final ConcurrentLinkedDeque<String> commandFaults = new ConcurrentLinkedDeque<>();

    private SimulatorHypervisor(Builder builder) {
        this.workDirectory = builder.workDirectory.toAbsolutePath().normalize();
        Clock clock = builder.routing().clock();
        this.convergers = builder.convergers.orElse(host -> RouterConvergers.standard(host, new SystemdServiceManager(host), clock));
        this.scripts = new RouterScripts(PipelineOptions.defaults().withUuids(builder.routing().ids()), builder.templateVersion,
                builder.scriptsVersion);
        SimulatorVmDriver vms = new SimulatorVmDriver(workDirectory, routers, convergers, scripts);
        this.dispatcher = new RouterCommandDispatcher("the simulator", vms, channels(), builder.routing());
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
        return dispatcher.execute(command);
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
        if (command instanceof CheckS2SVpnConnectionsCommand) {
            return CheckS2SVpnConnectionsAnswer.failure(details);
        }
        return Answer.failure(details);
    }

    @Override
    public String toString() {
        return "SimulatorHypervisor[" + workDirectory + ", " + routers.size() + " routers]";
    }

    /** Collects a simulator's settings. Defaults: the real converger, random ids, system clock, default routing timeouts. */
    public static final class Builder extends RoutingBuilder<Builder> {
        private final Path workDirectory;
        private Optional<Function<Host, Converger>> convergers = Optional.empty();
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

        @Override
        protected Builder self() {
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
