package org.vrouter.core.manager;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.vrouter.api.agent.HypervisorResource;
import org.vrouter.api.command.Answer;
import org.vrouter.api.command.Command;
import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.router.RedundantState;
import org.vrouter.api.vm.PowerState;
import org.vrouter.commands.CheckRouterAnswer;
import org.vrouter.commands.CheckRouterCommand;
import org.vrouter.commands.CheckSshAnswer;
import org.vrouter.commands.CheckSshCommand;
import org.vrouter.commands.CheckVirtualMachineAnswer;
import org.vrouter.commands.CheckVirtualMachineCommand;
import org.vrouter.commands.GetDomRVersionAnswer;
import org.vrouter.commands.GetDomRVersionCommand;
import org.vrouter.commands.NetworkElementCommand;
import org.vrouter.commands.StartAnswer;
import org.vrouter.commands.StartCommand;
import org.vrouter.commands.StopCommand;

/**
 * A hand-written hypervisor host for the manager tests: starts and stops VMs in a map, answers
 * reachability, version and VRRP checks as scripted, succeeds every other router command unless a
 * failure rule matches, and records every command it executed with the router it was for. Can
 * hold commands for a while to expose concurrency. Thread-safe.
 */
public final class FakeHypervisor implements HypervisorResource {
    /** One executed command and the router (VM) it was for. */
    public record Executed(String router, Command command) {}

    private final List<Executed> executed = new ArrayList<>();
    private final Map<String, PowerState> vms = new ConcurrentHashMap<>();
    private final Map<String, RedundantState> vrrp = new ConcurrentHashMap<>();
    private volatile java.util.function.Consumer<String> stopped = name -> { };
    private volatile java.util.function.Consumer<String> started = name -> { };
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Integer> maxInFlight = new HashMap<>();
    private final Set<String> failingStarts = new HashSet<>();
    private volatile int unreachableChecks;
    private volatile Predicate<Command> failing = command -> false;
    private volatile Predicate<Command> holding = command -> false;
    private volatile Duration hold = Duration.ZERO;
    private volatile CountDownLatch release = new CountDownLatch(0);
    private volatile boolean failStops;
    private final AtomicInteger concurrentHosts = new AtomicInteger();

    @Override
    public HypervisorType type() {
        return HypervisorType.SIMULATOR;
    }

    @Override
    public Answer execute(Command command) {
        String router = routerOf(command);
        synchronized (this) {
            executed.add(new Executed(router, command));
        }
        AtomicInteger running = inFlight.computeIfAbsent(router, name -> new AtomicInteger());
        int now = running.incrementAndGet();
        synchronized (maxInFlight) {
            maxInFlight.merge(router, now, Math::max);
        }
        concurrentHosts.incrementAndGet();
        try {
            if (holding.test(command)) {
                pause();
            }
            return answer(command);
        }
        finally {
            running.decrementAndGet();
            concurrentHosts.decrementAndGet();
        }
    }

    private void pause() {
        try {
            if (!hold.isZero()) {
                Thread.sleep(hold.toMillis());
            }
            release.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Answer answer(Command command) {
        if (command instanceof StartCommand start) {
            boolean fails;
            synchronized (failingStarts) {
                fails = failingStarts.contains(start.vm().name());
            }
            if (fails) {
                return StartAnswer.failure("no capacity for " + start.vm().name());
            }
            vms.put(start.vm().name(), PowerState.ON);
            started.accept(start.vm().name());
            return StartAnswer.started();
        }
        if (command instanceof StopCommand stop) {
            if (failStops) {
                return Answer.failure("guest did not shut down");
            }
            vms.remove(stop.vmName());
            stopped.accept(stop.vmName());
            return Answer.success("stopped");
        }
        if (command instanceof CheckVirtualMachineCommand check) {
            return CheckVirtualMachineAnswer.of(vms.getOrDefault(check.vmName(), PowerState.MISSING));
        }
        if (command instanceof CheckSshCommand) {
            synchronized (this) {
                if (unreachableChecks > 0) {
                    unreachableChecks--;
                    return CheckSshAnswer.unreachable("connection refused");
                }
            }
            return CheckSshAnswer.reachable();
        }
        if (failing.test(command)) {
            return Answer.failure("scripted failure of " + command.getClass().getSimpleName());
        }
        if (command instanceof GetDomRVersionCommand) {
            return GetDomRVersionAnswer.fromScriptOutput("Cloudstack Release 4.19.0&1d5f2c");
        }
        if (command instanceof CheckRouterCommand check) {
            RedundantState state = vrrp.getOrDefault(check.accessDetails().routerName().orElseThrow(), RedundantState.UNKNOWN);
            return CheckRouterAnswer.fromScriptOutput("Status: " + state.name());
        }
        return Answer.success("");
    }

    private static String routerOf(Command command) {
        if (command instanceof StartCommand start) {
            return start.vm().name();
        }
        if (command instanceof StopCommand stop) {
            return stop.vmName();
        }
        if (command instanceof CheckVirtualMachineCommand check) {
            return check.vmName();
        }
        if (command instanceof CheckSshCommand check) {
            return check.vmName();
        }
        if (command instanceof NetworkElementCommand element) {
            return element.accessDetails().routerName().orElse("?");
        }
        return "?";
    }

    // ---- scripting

    /** The next {@code count} reachability checks fail. */
    public void unreachableFor(int count) {
        unreachableChecks = count;
    }

    /** Every command matching {@code rule} gets a failed answer (reachability, start and stop excepted). */
    public void failCommands(Predicate<Command> rule) {
        failing = rule;
    }

    public void failStartOf(String vmName) {
        synchronized (failingStarts) {
            failingStarts.add(vmName);
        }
    }

    public void allowStartOf(String vmName) {
        synchronized (failingStarts) {
            failingStarts.remove(vmName);
        }
    }

    public void failStops(boolean fail) {
        failStops = fail;
    }

    /** Commands matching {@code rule} sleep {@code duration}, then wait for {@link #releaseHeld()} when {@link #holdUntilReleased()} was called. */
    public void holdCommands(Predicate<Command> rule, Duration duration) {
        holding = rule;
        hold = duration;
    }

    public void holdUntilReleased() {
        release = new CountDownLatch(1);
    }

    public void releaseHeld() {
        release.countDown();
    }

    public void setPowerState(String vmName, PowerState state) {
        vms.put(vmName, state);
    }

    public void removeVm(String vmName) {
        vms.remove(vmName);
    }

    /** Runs {@code listener} with the VM's name after each successful stop (a VRRP peer taking over, in a test). */
    public void onStop(java.util.function.Consumer<String> listener) {
        stopped = listener;
    }

    /** Runs {@code listener} with the VM's name after each successful start. */
    public void onStart(java.util.function.Consumer<String> listener) {
        started = listener;
    }

    public void setVrrpState(String routerName, RedundantState state) {
        vrrp.put(routerName, state);
    }

    // ---- inspection

    public synchronized List<Executed> executed() {
        return List.copyOf(executed);
    }

    /** The classes of the commands executed for {@code router}, in order. */
    public synchronized List<Class<?>> commandsFor(String router) {
        return executed.stream().filter(entry -> entry.router().equals(router)).<Class<?>>map(entry -> entry.command().getClass()).toList();
    }

    /** The commands of {@code type} executed for {@code router}, in order. */
    public synchronized <T extends Command> List<T> commandsFor(String router, Class<T> type) {
        return executed.stream().filter(entry -> entry.router().equals(router)).map(Executed::command).filter(type::isInstance).map(type::cast)
                .toList();
    }

    public synchronized void clear() {
        executed.clear();
    }

    /** The most commands ever in flight at once for {@code router}. */
    public int maxInFlight(String router) {
        synchronized (maxInFlight) {
            return maxInFlight.getOrDefault(router, 0);
        }
    }

    public Optional<PowerState> powerState(String vmName) {
        return Optional.ofNullable(vms.get(vmName));
    }

    /** How many commands of any router run right now. */
    public int inFlightNow() {
        return concurrentHosts.get();
    }
}
