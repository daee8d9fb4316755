package org.vrouter.element;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrouter.api.address.PublicIpAddress;
import org.vrouter.api.dc.DeployDestination;
import org.vrouter.api.error.ResourceUnavailableException;
import org.vrouter.api.error.VrouterException;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.Provider;
import org.vrouter.api.network.Service;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.NetworkConfigurationSource;
import org.vrouter.api.router.RouterDeployment;
import org.vrouter.api.router.RouterLifecycle;

/**
 * The lifecycle half of the element: deploys a network's routers through the manager, checks that
 * enough of them run, and stops or destroys them.
 */
final class NetworkRouters {
    private static final Logger log = LoggerFactory.getLogger(NetworkRouters.class);

    private final RouterLifecycle lifecycle;
    private final NetworkConfigurationSource configurations;

    NetworkRouters(RouterLifecycle lifecycle, NetworkConfigurationSource configurations) {
        this.lifecycle = requireNonNull(lifecycle, "lifecycle is null");
        this.configurations = requireNonNull(configurations, "configurations is null");
    }

    /** How many routers the network should run: 2 for a redundant offering, else 1. */
    static int expectedRunning(Network network) {
        return network.offering().redundantRouter() ? RouterDeployment.MAX_ROUTERS : 1;
    }

    static long runningCount(List<DomainRouter> routers) {
        return routers.stream().filter(DomainRouter::isRunning).count();
    }

    /**
     * Deploys and starts the network's missing routers and requires as many Running routers as
     * the offering expects.
     *
     * <p>When fewer routers come back than expected, CloudStack lists the network's routers and
     * fails only when fewer than a literal 2 exist, whatever it expected and whatever their state:
     * a redundant pair whose second router exists but did not start passes. Here the Running
     * routers that come back are counted against the expected number.
     *
     * @throws ResourceUnavailableException when fewer routers run than expected
     */
    List<DomainRouter> implement(Network network, DeployDestination destination) {
        List<DomainRouter> deployed = deploy(network, destination);
        long running = runningCount(deployed);
        int expected = expectedRunning(network);
        if (running < expected) {
            throw new ResourceUnavailableException("network " + network.id() + ": Can't find all necessary running routers! (" + running
                    + " of " + expected + " running)");
        }
        log.info("network {}: implemented with {} running router(s) {}", network.id(), running, names(deployed));
        return deployed;
    }

    /**
     * Makes sure a router runs for a VM that is starting, deploying routers lazily. When the
     * network already runs its expected routers nothing is deployed: no network lock is taken and
     * no configuration is read on every VM start.
     *
     * @throws ResourceUnavailableException when no router runs after the deployment
     */
    List<DomainRouter> ensureRunning(Network network, DeployDestination destination) {
        List<DomainRouter> current = lifecycle.routers(network.id());
        if (runningCount(current) >= expectedRunning(network)) {
            return current;
        }
        List<DomainRouter> deployed = deploy(network, destination);
        if (runningCount(deployed) == 0) {
            throw new ResourceUnavailableException("network " + network.id() + ": Can't find at least one running router!");
        }
        log.info("network {}: routers deployed for a starting VM {}", network.id(), names(deployed));
        return deployed;
    }

    private List<DomainRouter> deploy(Network network, DeployDestination destination) {
        List<DomainRouter> existing = lifecycle.routers(network.id());
        RouterDeployment deployment = new RouterDeployment(network, destination, sourceNatIp(network), existing, Optional.empty());
        return lifecycle.deployRouters(deployment);
    }

    /**
     * The network's source NAT address when the virtual router provides SourceNat there. CloudStack
     * assigns one during the deployment; here the host controller owns addresses, so it is read from
     * the network's configuration (empty when the controller has not assigned one yet; the manager
     * then decides).
     */
    private Optional<PublicIpAddress> sourceNatIp(Network network) {
        if (!network.isProvidedBy(Service.SOURCE_NAT, Provider.VIRTUAL_ROUTER)) {
            return Optional.empty();
        }
        Optional<PublicIpAddress> address = configurations.load(network.id()).sourceNatIp();
        if (address.isEmpty()) {
            log.debug("network {}: the virtual router provides SourceNat but no source NAT address is assigned yet", network.id());
        }
        return address;
    }

    /**
     * Stops every router of the network (not forced) and, with {@code cleanup}, destroys it. Every
     * router is attempted even when one fails (CloudStack also cleans up after a failed stop); the
     * first failure is then thrown with the others suppressed.
     */
    void shutdown(Network network, boolean cleanup) {
        List<DomainRouter> current = lifecycle.routers(network.id());
        VrouterException failure = null;
        for (DomainRouter router : current) {
            failure = attempt(failure, router, r -> lifecycle.stop(r.id(), false));
            if (cleanup) {
                failure = attempt(failure, router, r -> lifecycle.destroy(r.id()));
            }
        }
        if (failure != null) {
            throw failure;
        }
        log.info("network {}: {} router(s) {} {}", network.id(), current.size(), cleanup ? "stopped and destroyed" : "stopped", names(current));
    }

    /**
     * Destroys every router of the network, attempting all of them (CloudStack stops at the first
     * failure); the first failure is thrown with the others suppressed.
     */
    void destroy(Network network) {
        List<DomainRouter> current = lifecycle.routers(network.id());
        VrouterException failure = null;
        for (DomainRouter router : current) {
            failure = attempt(failure, router, r -> lifecycle.destroy(r.id()));
        }
        if (failure != null) {
            throw failure;
        }
        log.info("network {}: {} router(s) destroyed {}", network.id(), current.size(), names(current));
    }

    // Catching here is acting: the remaining routers still get their stop or destroy, and every
    // failure reaches the caller.
    private static VrouterException attempt(VrouterException earlier, DomainRouter router, Consumer<DomainRouter> action) {
        try {
            action.accept(router);
            return earlier;
        }
        catch (VrouterException e) {
            if (earlier == null) {
                return e;
            }
            earlier.addSuppressed(e);
            return earlier;
        }
    }

    private static List<String> names(List<DomainRouter> routers) {
        return routers.stream().map(DomainRouter::instanceName).toList();
    }
}
