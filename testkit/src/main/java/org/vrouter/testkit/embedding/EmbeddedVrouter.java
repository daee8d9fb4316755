package org.vrouter.testkit.embedding;

import org.vrouter.api.router.DomainRouter;
import org.vrouter.core.health.RouterHealthChecker;
import org.vrouter.core.manager.RouterManagerImpl;
import org.vrouter.element.VirtualRouterElement;
import org.vrouter.testkit.agent.RecordingAgentManager;
import org.vrouter.testkit.fixture.TestCloud;
import org.vrouter.testkit.fixture.TestNetwork;

/**
 * vrouter's management side wired over one hypervisor backend for a {@link TestCloud}: what
 * {@link IsolatedNetworkScenario} and the demo drive, whichever backend runs the routers (the
 * simulator's {@link SimulatedVrouter}, the namespaces of {@code org.vrouter.testkit.netns.NetnsVrouter}).
 */
public interface EmbeddedVrouter {
    /** The management side this backend wired; every accessor below reads it. */
    ManagementSide managementSide();

    default TestCloud cloud() {
        return managementSide().cloud();
    }

    /** What a controller calls: implement, prepare, apply rules... */
    default VirtualRouterElement element() {
        return managementSide().element();
    }

    /** The router manager behind the element: lifecycle calls, and {@code lastFailure} of a router. */
    default RouterManagerImpl manager() {
        return managementSide().manager();
    }

    /** Every command sent to the hypervisor, with its answer, in order. */
    default RecordingAgentManager agents() {
        return managementSide().agents();
    }

    /** The health checker, not scheduled: run a round with {@code checkNow()}. */
    default RouterHealthChecker healthChecker() {
        return managementSide().healthChecker();
    }

    /**
     * The one router of {@code network}, as stored now.
     *
     * @throws IllegalStateException when the network has none or several
     */
    default DomainRouter router(TestNetwork network) {
        return managementSide().router(network);
    }
}
