package org.vrouter.testkit.embedding;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

import org.vrouter.api.router.DomainRouter;
import org.vrouter.testkit.fixture.TestCloud;
import org.vrouter.testkit.fixture.TestNetwork;
import org.vrouter.testkit.simulator.SimulatedRouter;
import org.vrouter.testkit.simulator.SimulatorHypervisor;

/**
 * vrouter's whole management side ({@link ManagementSide}: element, router manager, dao, recording
 * agent manager, guru, setup helper, health checker, the cloud's networks as configuration source)
 * over a {@link SimulatorHypervisor}, wired as a host controller wires it (docs/embedding.md). The
 * simulator is registered for the cloud's host and runs the real router side, so every router's root holds the
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
public final class SimulatedVrouter implements EmbeddedVrouter, AutoCloseable {
    private final SimulatorHypervisor simulator;
    private final ManagementSide side;

    private SimulatedVrouter(TestCloud cloud, SimulatorHypervisor simulator) {
        this.simulator = requireNonNull(simulator, "simulator is null");
        this.side = new ManagementSide(cloud, simulator);
    }

    /** The management side over a new simulator whose routers live under {@code workDirectory}. */
    public static SimulatedVrouter start(TestCloud cloud, Path workDirectory) {
        return start(cloud, SimulatorHypervisor.create(workDirectory));
    }

    /** The management side over {@code simulator} (built with fixed file ids, another converger...). */
    public static SimulatedVrouter start(TestCloud cloud, SimulatorHypervisor simulator) {
        return new SimulatedVrouter(cloud, simulator);
    }

    public SimulatorHypervisor simulator() {
        return simulator;
    }

    /** The simulated VM of {@code router}: its files, scripts run and power state. */
    public SimulatedRouter simulated(DomainRouter router) {
        return simulator.router(router.instanceName());
    }

    @Override
    public ManagementSide managementSide() {
        return side;
    }

    /** Cancels the health checker's schedule and stops the agent and health threads. */
    @Override
    public void close() {
        side.close();
    }

    @Override
    public String toString() {
        return "SimulatedVrouter[" + simulator + ", " + side.routerCount() + " routers]";
    }
}
