package org.vrouter.element;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrouter.api.address.PublicIpAddress;
import org.vrouter.api.dc.DeployDestination;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.error.ResourceUnavailableException;
import org.vrouter.api.error.VrouterException;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.Provider;
import org.vrouter.api.network.Service;
import org.vrouter.api.network.Vpc;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.NetworkConfigurationSource;
import org.vrouter.api.router.RouterDeployment;
import org.vrouter.api.router.RouterLifecycle;
import org.vrouter.api.router.RouterState;

/**
 * The lifecycle half of the VPC element: a VPC's routers, deployed with its first tier and shared
 * by all tiers (the manager plugs each tier into them), started by {@code implementVpc} when
 * stopped, destroyed by {@code shutdownVpc}.
 */
final class VpcRouters {
    private static final Logger log = LoggerFactory.getLogger(VpcRouters.class);

    private final RouterLifecycle lifecycle;
    private final NetworkConfigurationSource configurations;

    VpcRouters(RouterLifecycle lifecycle, NetworkConfigurationSource configurations) {
        this.lifecycle = requireNonNull(lifecycle, "lifecycle is null");
        this.configurations = requireNonNull(configurations, "configurations is null");
    }

    /** 2 for a redundant VPC (or tier offering), else 1. */
    static int expectedRunning(Vpc vpc, Network tier) {
        return vpc.redundant() || tier.offering().redundantRouter() ? RouterDeployment.MAX_ROUTERS : 1;
    }

    /**
     * Deploys the VPC's routers if it has too few and makes every one serve {@code tier}; requires
     * as many Running routers as expected.
     *
     * @throws ResourceUnavailableException when fewer routers run than expected
     */
    List<DomainRouter> implementTier(Network tier, DeployDestination destination) {
        Vpc vpc = configurations.vpc(tier.vpcId().getAsLong());
        List<DomainRouter> deployed = lifecycle.deployRouters(new RouterDeployment(tier, destination, sourceNatIp(tier),
                lifecycle.routers(tier.id()), Optional.of(vpc)));
        long running = NetworkRouters.runningCount(deployed);
        int expected = expectedRunning(vpc, tier);
        if (running < expected) {
            throw new ResourceUnavailableException("VPC " + vpc.id() + " tier " + tier.id() + ": Can't find all necessary running routers! ("
                    + running + " of " + expected + " running)");
        }
        log.info("VPC {} tier {}: served by {}", vpc.id(), tier.id(), deployed.stream().map(DomainRouter::instanceName).toList());
        return deployed;
    }

    /** As {@link #implementTier}, skipped when the tier's routers already run (a VM start). */
    void ensureRunning(Network tier, DeployDestination destination) {
        List<DomainRouter> current = lifecycle.routers(tier.id());
        if (NetworkRouters.runningCount(current) == 0) {
            implementTier(tier, destination);
        }
    }

    /**
     * Starts the VPC's Stopped routers. A VPC without routers has none to start: they are deployed
     * with its first tier, because a router is shaped from a guest network (CloudStack deploys them
     * here, with the public NIC only).
     *
     * @throws InvalidParameterException naming {@code zone_id} when the destination is in another zone
     */
    void implementVpc(Vpc vpc, DeployDestination destination) {
        if (destination.zone().id() != vpc.zone().id()) {
            throw new InvalidParameterException("zone_id", "destination zone differs from the zone " + vpc.zone().id() + " of VPC " + vpc.id(),
                    destination.zone().id());
        }
        for (DomainRouter router : lifecycle.vpcRouters(vpc.id())) {
            if (router.state() == RouterState.STOPPED) {
                lifecycle.start(router.id());
            }
        }
    }

    /** Destroys every router of the VPC, attempting all; the first failure is thrown with the others suppressed. */
    void shutdownVpc(Vpc vpc) {
        List<DomainRouter> current = lifecycle.vpcRouters(vpc.id());
        VrouterException failure = null;
        for (DomainRouter router : current) {
            try {
                lifecycle.destroy(router.id());
            }
            catch (VrouterException e) {
                if (failure == null) {
                    failure = e;
                }
                else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        log.info("VPC {}: {} router(s) destroyed", vpc.id(), current.size());
    }

    /** The tier's source NAT address (the VPC's, as the controller hands it out) when the VPC router provides SourceNat. */
    private Optional<PublicIpAddress> sourceNatIp(Network tier) {
        if (!tier.isProvidedBy(Service.SOURCE_NAT, Provider.VPC_VIRTUAL_ROUTER)) {
            return Optional.empty();
        }
        return configurations.load(tier.id()).sourceNatIp();
    }
}
