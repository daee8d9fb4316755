package org.vrouter.testkit.embedding;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.vrouter.api.agent.HypervisorResource;
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
import org.vrouter.element.VpcVirtualRouterElement;
import org.vrouter.guru.GuruSettings;
import org.vrouter.guru.RouterGuru;
import org.vrouter.guru.address.InMemoryAddressAllocator;
import org.vrouter.testkit.agent.RecordingAgentManager;
import org.vrouter.testkit.fixture.TestCloud;
import org.vrouter.testkit.fixture.TestNetwork;

/**
 * The management side of a {@link TestCloud} over one {@link HypervisorResource} registered for the
 * cloud's host, wired with constructors as a host controller wires it (docs/embedding.md): the
 * {@link VirtualRouterElement}, the {@link RouterManagerImpl} behind it, an {@link InMemoryRouterDao},
 * an {@link AgentManagerImpl} wrapped in a {@link RecordingAgentManager}, the real {@link RouterGuru}
 * and {@link CommandSetupHelper}, an unscheduled {@link RouterHealthChecker}, and the cloud's
 * networks as the {@link NetworkConfigurationSource} (or a given source, e.g. a {@code TestVpc}, for
 * the {@link VpcVirtualRouterElement} on the same manager). The bootstraps {@link SimulatedVrouter} and
 * {@code NetnsVrouter} build one each; the resource must be of the cloud's host's hypervisor type,
 * whose router template is the cloud's.
 *
 * <p>Thread-safe as its parts are; {@link #close} stops the threads it made, not the resource.
 */
public final class ManagementSide implements AutoCloseable {
    private final TestCloud cloud;
    private final InMemoryRouterDao dao = new InMemoryRouterDao();
    private final ExecutorService agentThreads = Executors.newCachedThreadPool(daemonThreads("vrouter-agent-"));
    private final ScheduledExecutorService healthThreads = Executors.newSingleThreadScheduledExecutor(daemonThreads("vrouter-health-"));
    private final RecordingAgentManager agents;
    private final RouterManagerImpl manager;
    private final VirtualRouterElement element;
    private final VpcVirtualRouterElement vpcElement;
    private final RouterHealthChecker healthChecker;

    /**
     * Wires the management side and registers {@code resource} for the cloud's host.
     *
     * @throws IllegalArgumentException when the resource's type is not the host's
     */
    public ManagementSide(TestCloud cloud, HypervisorResource resource) {
        this(cloud, resource, requireNonNull(cloud, "cloud is null").configurationSource());
    }

    /**
     * As {@link #ManagementSide(TestCloud, HypervisorResource)}, the networks (and VPCs) read from
     * {@code configurations}, which must know the cloud's networks too.
     */
    public ManagementSide(TestCloud cloud, HypervisorResource resource, NetworkConfigurationSource configurations) {
        this.cloud = requireNonNull(cloud, "cloud is null");
        requireNonNull(resource, "resource is null");
        if (resource.type() != cloud.host().hypervisorType()) {
            throw new IllegalArgumentException("the cloud's host runs " + cloud.host().hypervisorType().wireName() + ", the resource is "
                    + resource.type().wireName() + ": build the cloud with TestCloud.advanced(" + resource.type() + ")");
        }
        Clock clock = Clock.systemUTC();
        agents = new RecordingAgentManager(new AgentManagerImpl(agentThreads, Metrics.NOOP));
        agents.register(cloud.host().id(), resource);
        CommandSetupHelper helper = new CommandSetupHelper();
        RouterGuru guru = new RouterGuru(GuruSettings.defaults(), new InMemoryAddressAllocator(), helper.commandFactory(), helper.commandFactory());
        requireNonNull(configurations, "configurations is null");
        manager = new RouterManagerImpl(dao, agents, guru, helper, configurations, new HostCandidates(List.of(cloud.destination())), clock,
                RouterManagerSettings.of(Map.of(cloud.host().hypervisorType(), cloud.routerTemplate())));
        element = new VirtualRouterElement(manager, configurations);
        vpcElement = new VpcVirtualRouterElement(manager, configurations);
        healthChecker = new RouterHealthChecker(dao, agents, manager, healthThreads, clock, Metrics.NOOP, HealthCheckSettings.defaults());
    }

    public TestCloud cloud() {
        return cloud;
    }

    public VirtualRouterElement element() {
        return element;
    }

    /** The VPC element on the same manager: its VPCs come from the configuration source given at construction. */
    public VpcVirtualRouterElement vpcElement() {
        return vpcElement;
    }

    public RouterManagerImpl manager() {
        return manager;
    }

    public RecordingAgentManager agents() {
        return agents;
    }

    /** Not scheduled: run a round with {@code checkNow()}. */
    public RouterHealthChecker healthChecker() {
        return healthChecker;
    }

    /** How many routers the dao holds. */
    public int routerCount() {
        return dao.list().size();
    }

    public DomainRouter router(TestNetwork network) {
        List<DomainRouter> routers = manager.routers(network.id());
        if (routers.size() != 1) {
            throw new IllegalStateException("network " + network.id() + " has " + routers.size() + " routers, not one: "
                    + routers.stream().map(DomainRouter::instanceName).toList());
        }
        return routers.get(0);
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
}
