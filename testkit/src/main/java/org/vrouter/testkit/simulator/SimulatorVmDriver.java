package org.vrouter.testkit.simulator;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrouter.api.command.Answer;
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
import org.vrouter.core.routing.RouterVmDriver;
import org.vrouter.router.converge.Converger;
import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.Host;

/**
 * The VM side of the {@link SimulatorHypervisor}, handed its lifecycle and NIC commands by core's
 * dispatcher: boots {@link SimulatedRouter}s in the shared router map, powers them off, reports
 * their state, answers SSH checks and plugs NICs. See {@link SimulatorHypervisor} for the contract
 * of each command. Thread-safe: a start is serialized per router.
 */
final class SimulatorVmDriver implements RouterVmDriver {
    private static final Logger log = LoggerFactory.getLogger(SimulatorHypervisor.class);

    private final Path workDirectory;
    private final Map<String, SimulatedRouter> routers;
    private final Function<Host, Converger> convergers;
    private final RouterScripts scripts;
    private final PayloadCodec payloads = new PayloadCodec();

    SimulatorVmDriver(Path workDirectory, Map<String, SimulatedRouter> routers, Function<Host, Converger> convergers, RouterScripts scripts) {
        this.workDirectory = requireNonNull(workDirectory, "workDirectory is null");
        this.routers = requireNonNull(routers, "routers is null");
        this.convergers = requireNonNull(convergers, "convergers is null");
        this.scripts = requireNonNull(scripts, "scripts is null");
    }

    @Override
    public Answer check(CheckVirtualMachineCommand command) {
        return CheckVirtualMachineAnswer.of(findRouter(command.vmName()).map(SimulatedRouter::powerState).orElse(PowerState.MISSING));
    }

    /** The router's NICs, plugged ones included, once the simulator has been asked to start it. */
    @Override
    public Optional<List<NicTO>> nicsOf(String router) {
        return findRouter(router).map(SimulatedRouter::nics);
    }

    @Override
    public Answer start(StartCommand command) {
        VirtualMachineTO vm = command.vm();
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
            router.host().write(FileConfigItem.CACHE_DIRECTORY + SimulatorHypervisor.CMD_LINE_FILE, json.getBytes(UTF_8), FileMode.SECRET);
        }
        catch (IOException e) {
            return new ExecutionResult(1, "", "cannot write " + SimulatorHypervisor.CMD_LINE_FILE + ": " + e.getMessage());
        }
        return scripts.run(router, ScriptConfigItem.of(ScriptConfigItem.UPDATE_CONFIG, SimulatorHypervisor.CMD_LINE_FILE).commandLine());
    }

    /** Adds the NIC to the running router; its address is used by later commands (an IP association finds it by MAC). */
    @Override
    public Answer plugNic(PlugNicCommand plug) {
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
    @Override
    public Answer unplugNic(UnPlugNicCommand unplug) {
        Optional<SimulatedRouter> router = findRouter(unplug.vmName());
        boolean removed = router.isPresent() && router.get().unplug(unplug.nic());
        return Answer.success(removed ? "Unplugged " + unplug.nic().macAddress() + " from " + unplug.vmName()
                : "no NIC " + unplug.nic().macAddress() + " on " + unplug.vmName() + "; counts as unplugged");
    }

    @Override
    public Answer stop(StopCommand command) {
        String name = command.vmName();
        Optional<SimulatedRouter> router = findRouter(name);
        if (router.isEmpty() || router.get().powerState() == PowerState.MISSING) {
            return Answer.success("VM " + name + " not found; counts as stopped");
        }
        router.get().powerOff();
        log.info("router {} stopped", name);
        return Answer.success("Stopped " + name);
    }

    @Override
    public Answer checkSsh(CheckSshCommand check) {
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

    private Optional<SimulatedRouter> findRouter(String name) {
        return Optional.ofNullable(routers.get(requireNonNull(name, "name is null")));
    }
}
