package org.vrouter.testkit.embedding;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.metrics.Metrics;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.NetworkConfigurationSource;
import org.vrouter.core.agent.AgentManagerImpl;
import org.vrouter.core.dao.InMemoryRouterDao;
import org.vrouter.core.health.HealthCheckSettings;
import org.vrouter.core.health.RouterHealthChecker;
import org.vrouter.core.manager.HostCandidates;
import org.vrouter.core.manager.RouterManagerImpl;
import org.vrouter.core.manager.RouterManagerSettings;
import org.vrouter.core.setup.CommandSetupHelper;
import org.vrouter.element.VirtualRouterElement;
import org.vrouter.guru.GuruSettings;
import org.vrouter.guru.RouterGuru;
import org.vrouter.guru.address.InMemoryAddressAllocator;
import org.vrouter.testkit.agent.RecordingAgentManager;
import org.vrouter.testkit.fixture.TestCloud;
import org.vrouter.testkit.fixture.TestNetwork;
import org.vrouter.testkit.simulator.SimulatedRouter;
import org.vrouter.testkit.simulator.SimulatorHypervisor;

/**
 * vrouter's whole management side over a {@link SimulatorHypervisor}, wired with constructors as a
 * host controller wires it (docs/embedding.md): the {@link VirtualRouterElement} to call, the
 * {@link RouterManagerImpl} behind it, an {@link InMemoryRouterDao}, an {@link AgentManagerImpl}
 * wrapped in a {@link RecordingAgentManager} (so a test sees every command and answer), the real
 * {@link RouterGuru} and {@link CommandSetupHelper}, a {@link RouterHealthChecker}, and the
 * {@link TestCloud}'s networks as the {@link NetworkConfigurationSource}. The simulator is
 * registered for the cloud's host and runs the real router side, so every router's root holds the
 * rendered dnsmasq, haproxy and iptables files.
 *
 * <pre>{@code
 * TestCloud cloud = TestCloud.advanced();
 * TestNetwork net = cloud.isolatedNetwork();
 * try (SimulatedVrouter vrouter = SimulatedVrouter.start(cloud, workDirectory)) {
 *     vrouter.element().implement(net.network(), net.network().offering(), cloud.destination());
 *     SimulatedRouter router = vrouter.simulated(vrouter.router(net));
 *     assertThat(router.file("/etc/iptables/rules.v4")).contains(...);
 * }
 * }</pre>
 *
 * <p>The health checker is not scheduled: a test runs a round with
 * {@code healthChecker().checkNow()}, or calls {@code start()} itself. The fixtures are read on the
 * caller's thread when a router starts: change them only between element calls.
 *
 * <p>Thread-safe as its parts are; {@link #close} stops the threads it made.
 */
public final class SimulatedVrouter implements AutoCloseable {
    private final TestCloud cloud;
    private final SimulatorHypervisor simulator;
    private final InMemoryRouterDao dao = new InMemoryRouterDao();
    private final ExecutorService agentThreads = Executors.newCachedThreadPool(daemonThreads("vrouter-agent-"));
    private final ScheduledExecutorService healthThreads = Executors.newSingleThreadScheduledExecutor(daemonThreads("vrouter-health-"));
    private final RecordingAgentManager agents;
    private final RouterManagerImpl manager;
    private final VirtualRouterElement element;
    private final RouterHealthChecker healthChecker;

    private SimulatedVrouter(TestCloud cloud, SimulatorHypervisor simulator) {
        this.cloud = requireNonNull(cloud, "cloud is null");
        this.simulator = requireNonNull(simulator, "simulator is null");
        Clock clock = Clock.systemUTC();
        agents = new RecordingAgentManager(new AgentManagerImpl(agentThreads, Metrics.NOOP));
        agents.register(cloud.host().id(), simulator);
        CommandSetupHelper helper = new CommandSetupHelper();
        RouterGuru guru = new RouterGuru(GuruSettings.defaults(), new InMemoryAddressAllocator(), helper.commandFactory(), helper.commandFactory());
        NetworkConfigurationSource configurations = cloud.configurationSource();
        manager = new RouterManagerImpl(dao, agents, guru, helper, configurations, new HostCandidates(List.of(cloud.destination())), clock,
                RouterManagerSettings.of(Map.of(HypervisorType.SIMULATOR, cloud.routerTemplate())));
        element = new VirtualRouterElement(manager, configurations);
        healthChecker = new RouterHealthChecker(dao, agents, manager, healthThreads, clock, Metrics.NOOP, HealthCheckSettings.defaults());
    }

    /** The management side over a new simulator whose routers live under {@code workDirectory}. */
    public static SimulatedVrouter start(TestCloud cloud, Path workDirectory) {
        return start(cloud, SimulatorHypervisor.create(workDirectory));
    }

    /** The management side over {@code simulator} (built with fixed file ids, another converger...). */
    public static SimulatedVrouter start(TestCloud cloud, SimulatorHypervisor simulator) {
        return new SimulatedVrouter(cloud, simulator);
    }

    public TestCloud cloud() {
        return cloud;
    }

    /** What a controller calls: implement, prepare, apply rules... */
    public VirtualRouterElement element() {
        return element;
    }

    /** The router manager behind the element: lifecycle calls, and {@code lastFailure} of a router. */
    public RouterManagerImpl manager() {
        return manager;
    }

    /** Every command sent to the simulator, with its answer, in order. */
    public RecordingAgentManager agents() {
        return agents;
    }

    public SimulatorHypervisor simulator() {
        return simulator;
    }

    /** Not scheduled: run a round with {@code checkNow()}. */
    public RouterHealthChecker healthChecker() {
        return healthChecker;
    }

    /**
     * The one router of {@code network}, as stored now.
     *
     * @throws IllegalStateException when the network has none or several (name them by id then)
     */
    public DomainRouter router(TestNetwork network) {
        List<DomainRouter> routers = manager.routers(network.id());
        if (routers.size() != 1) {
            throw new IllegalStateException("network " + network.id() + " has " + routers.size() + " routers, not one: "
                    + routers.stream().map(DomainRouter::instanceName).toList());
        }
        return routers.get(0);
    }

    /** The simulated VM of {@code router}: its files, scripts run and power state. */
    public SimulatedRouter simulated(DomainRouter router) {
        return simulator.router(router.instanceName());
    }

    /** Cancels the health checker's schedule and stops the agent and health threads. */
    @Override
    public void close() {
        healthChecker.close();
        agentThreads.shutdownNow();
        healthThreads.shutdownNow();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public String toString() {
        return "SimulatedVrouter[" + simulator + ", " + dao.list().size() + " routers]";
    }
}
