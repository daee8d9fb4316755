package org.vrouter.core.manager;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrouter.api.dc.DeployDestination;
import org.vrouter.api.dc.Host;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.error.InvalidStateException;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.PrivateGateway;
import org.vrouter.api.network.Vpc;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.NetworkConfiguration;
import org.vrouter.api.router.Role;
import org.vrouter.api.router.RouterDao;
import org.vrouter.api.router.RouterDeployment;
import org.vrouter.api.router.RouterState;

/**
 * The lifecycle operations of {@link RouterManagerImpl}: deploy, start, stop, reboot, destroy, and
 * the health checker's restart and give-up. Each runs under its router's lock (a deployment also
 * under its network's lock while it creates routers) and re-reads the router inside the lock, so it
 * acts on the stored state and version.
 */
final class RouterOperations {
    private static final Logger log = LoggerFactory.getLogger(RouterOperations.class);

    private final ManagerParts parts;
    private final RouterDao dao;
    private final KeyedLocks routerLocks;
    private final KeyedLocks networkLocks;
    private final KeyedLocks vpcLocks;
    private final VpcTiers tiers;
    private final PrivateGateways gateways;
    private final RouterStarter starter;
    private final RouterStopper stopper;
    private final RouterRuntime runtime;

    RouterOperations(ManagerParts parts, KeyedLocks routerLocks, RouterStarter starter, RouterStopper stopper, RouterRuntime runtime) {
        this.parts = parts;
        this.dao = parts.dao();
        this.routerLocks = routerLocks;
        this.networkLocks = new KeyedLocks("network", parts.settings().lockTimeout());
        this.vpcLocks = new KeyedLocks("vpc", parts.settings().lockTimeout());
        this.tiers = new VpcTiers(parts, runtime);
        this.gateways = new PrivateGateways(parts, runtime);
        this.starter = starter;
        this.stopper = stopper;
        this.runtime = runtime;
    }

    /** A router created by a deployment, its lock held until its first start is over. */
    private record Created(DomainRouter router, RouterDeployment deployment, ReentrantLock lock) {}

    /**
     * Deploys the network's missing routers. For a VPC tier the routers are the VPC's: missing ones
     * are counted and created under the VPC's lock, and existing ones that do not serve the tier
     * yet get it plugged (see {@link VpcTiers#addTier}).
     */
    List<DomainRouter> deploy(RouterDeployment deployment) {
        long networkId = deployment.network().id();
        boolean vpc = deployment.vpc().isPresent();
        List<DomainRouter> existing = vpc ? vpcRouters(deployment.vpc().get().id()) : routers(networkId);
        List<DomainRouter> stopped = existing.stream().filter(router -> router.state() == RouterState.STOPPED).toList();
        List<Created> created = vpc ? createMissing(deployment, vpcLocks, deployment.vpc().get().id(),
                () -> vpcRouters(deployment.vpc().get().id())) : createMissing(deployment, networkLocks, networkId, () -> routers(networkId));
        List<RuntimeException> failures = new ArrayList<>();
        if (vpc) {
            for (DomainRouter router : existing) {
                try {
                    routerLocks.withLock(router.id(), () -> tiers.addTier(require(router.id()), deployment.network()));
                }
                catch (RuntimeException e) {
                    failures.add(e);
                }
            }
        }
        for (Created router : created) {
            try {
                starter.start(dao.findById(router.router().id()).orElseThrow(), router.deployment());
            }
            catch (RuntimeException e) {
                // the other router of a pair still gets its start; the first failure is raised below
                failures.add(e);
            }
            finally {
                router.lock().unlock();
            }
        }
        for (DomainRouter router : stopped) {
            try {
                start(router.id());
            }
            catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            failures.subList(1, failures.size()).forEach(failures.get(0)::addSuppressed);
            throw failures.get(0);
        }
        return routers(networkId);
    }

    /** A router placed but not stored yet. */
    private record Placed(DomainRouter router, RouterDeployment deployment) {}

    /**
     * Under the network's (a VPC tier: the VPC's) lock: counts the network's routers, places and stores the missing ones
     * Starting. Each is locked before it is stored, so nothing else acts on it before its start.
     */
    private List<Created> createMissing(RouterDeployment requested, KeyedLocks locks, long key, Supplier<List<DomainRouter>> current) {
        ReentrantLock networkLock = locks.lock(key);
        try {
            List<DomainRouter> peers = new ArrayList<>(current.get());
            int missing = Math.max(0, requested.expectedRouterCount() - peers.size());
            List<Placed> placed = new ArrayList<>(missing);
            for (int i = 0; i < missing; i++) {
                DeployDestination destination = parts.placement().place(withPeers(requested, requested.destination(), peers), Optional.empty(),
                        hostsOf(peers));
                RouterDeployment forRouter = withPeers(requested, destination, peers);
                DomainRouter router = newRouter(forRouter, destination);
                placed.add(new Placed(router, forRouter));
                peers.add(router);
            }
            return store(placed);
        }
        finally {
            networkLock.unlock();
        }
    }

    private List<Created> store(List<Placed> placed) {
        List<Created> created = new ArrayList<>(placed.size());
        try {
            for (Placed router : placed) {
                ReentrantLock lock = routerLocks.lock(router.router().id());
                created.add(new Created(router.router(), router.deployment(), lock));
                dao.persist(router.router());
                log.info("{} deployed for network {} on host {}", router.router().displayName(), router.deployment().network().id(),
                        router.router().hostId().orElseThrow());
            }
            return created;
        }
        catch (RuntimeException e) {
            // the routers stored so far never start: record them Stopped (Starting -> Stopped)
            for (Created router : created) {
                try {
                    dao.findById(router.router().id()).ifPresent(stopper::markStopped);
                }
                catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
                finally {
                    router.lock().unlock();
                }
            }
            throw e;
        }
    }

    private DomainRouter newRouter(RouterDeployment deployment, DeployDestination destination) {
        Host host = destination.host().orElseThrow(() -> new IllegalStateException("the placement returned no host"));
        long offering = parts.guru().serviceOffering(deployment).id();
        long id = dao.nextId();
        DomainRouter.Builder router = DomainRouter.builder(id, UUID.randomUUID().toString(), deployment.network().zone().id(), host.hypervisorType(),
                        offering)
                .networkIds(List.of(deployment.network().id()))
                .placement(host.podId(), host.id())
                .redundant(deployment.isRedundant())
                .state(RouterState.STARTING);
        deployment.vpc().ifPresent(vpc -> router.vpcId(vpc.id()));
        return router.build();
    }

    DomainRouter start(long routerId) {
        return routerLocks.withLock(routerId, () -> {
            DomainRouter router = require(routerId);
            if (router.isRunning()) {
                return router;
            }
            if (router.state() != RouterState.STOPPED) {
                throw InvalidStateException.operation(router.displayName(), router.state(), "start");
            }
            RouterDeployment deployment = restartDeployment(router);
            DeployDestination destination = parts.placement().place(deployment, Optional.of(router.hypervisorType()), peerHosts(router));
            Host host = destination.host().orElseThrow(() -> new IllegalStateException("the placement returned no host"));
            DomainRouter starting = dao.update(router.withState(RouterState.STARTING).toBuilder().placement(host.podId(), host.id()).build());
            return starter.start(starting, withPeers(deployment, destination, deployment.existingRouters()));
        });
    }

    /** The deployment a stopped router restarts with: its first network as it is now, where it last ran. */
    private RouterDeployment restartDeployment(DomainRouter router) {
        long networkId = router.networkIds().stream().findFirst().orElseThrow(() -> InvalidStateException.operation(router.displayName(),
                router.state(), "start without a guest network"));
        NetworkConfiguration network = parts.source().load(networkId);
        Optional<Vpc> vpc = router.vpcId().isPresent() ? Optional.of(parts.source().vpc(router.vpcId().getAsLong())) : Optional.empty();
        DeployDestination destination = runtime.lastDestination(router.id()).orElseGet(() -> DeployDestination.of(network.network().zone()));
        return new RouterDeployment(network.network(), destination, network.sourceNatIp(), routers(networkId), vpc);
    }

    DomainRouter stop(long routerId, boolean forced) {
        return routerLocks.withLock(routerId, () -> stopper.stop(require(routerId), forced));
    }

    DomainRouter reboot(long routerId) {
        return routerLocks.withLock(routerId, () -> {
            DomainRouter router = require(routerId);
            if (!router.isRunning()) {
                throw InvalidStateException.operation(router.displayName(), router.state(), "reboot");
            }
            stopper.stop(router, false);
            return start(routerId);
        });
    }

    /** Stops a Running router forcibly and starts it; starts a Stopped one. */
    DomainRouter restart(long routerId) {
        return routerLocks.withLock(routerId, () -> {
            DomainRouter router = require(routerId);
            if (router.state() != RouterState.RUNNING && router.state() != RouterState.STOPPED) {
                throw InvalidStateException.operation(router.displayName(), router.state(), "restart");
            }
            stopper.stop(router, true);
            return start(routerId);
        });
    }

    /** Gives up on a router: state Error, the reason recorded as its last failure. */
    DomainRouter markError(long routerId, String reason) {
        return routerLocks.withLock(routerId, () -> {
            DomainRouter router = require(routerId);
            if (router.state() == RouterState.ERROR) {
                return router;
            }
            DomainRouter failed = dao.update(router.withState(RouterState.ERROR));
            runtime.failed(new RouterFailure(routerId, router.instanceName(), "recover", Optional.empty(), Optional.empty(), reason,
                    parts.clock().instant()));
            log.error("{} is in state Error: {}", router.displayName(), reason);
            return failed;
        });
    }

    void destroy(long routerId) {
        try {
            routerLocks.withLock(routerId, () -> {
                Optional<DomainRouter> found = dao.findById(routerId);
                if (found.isPresent()) {
                    DomainRouter stopped = stopper.stop(found.get(), true);
                    DomainRouter destroyed = dao.update(stopped.withState(RouterState.DESTROYED));
                    parts.guru().finalizeExpunge(destroyed);
                    dao.remove(routerId);
                    runtime.forget(routerId);
                    log.info("{} destroyed", destroyed.displayName());
                }
                return null;
            });
        }
        finally {
            routerLocks.forget(routerId);
        }
    }

    /** The network's VIRTUAL_ROUTER routers, ascending by id. */
    List<DomainRouter> routers(long networkId) {
        return dao.listByNetwork(networkId).stream().filter(router -> router.role() == Role.VIRTUAL_ROUTER).toList();
    }

    /** The VPC's VIRTUAL_ROUTER routers, ascending by id. */
    List<DomainRouter> vpcRouters(long vpcId) {
        return dao.listByVpc(vpcId).stream().filter(router -> router.role() == Role.VIRTUAL_ROUTER).toList();
    }

    /** Takes {@code tier} off every router of its VPC that serves it (see {@link VpcTiers#removeTier}). */
    void removeVpcTier(Network tier) {
        if (tier.vpcId().isEmpty()) {
            throw new InvalidParameterException("vpc_id", "network " + tier.id() + " is not a VPC tier", "none");
        }
        for (DomainRouter router : vpcRouters(tier.vpcId().getAsLong())) {
            if (router.serves(tier.id())) {
                routerLocks.withLock(router.id(), () -> tiers.removeTier(require(router.id()), tier));
            }
        }
    }

    /**
     * Puts a private gateway on (or takes it off) the VPC's Running routers, one at a time; Stopped
     * and Stopping ones are skipped (their start replays the gateways).
     *
     * @throws InvalidStateException naming the first router in another state, before any router changes
     */
    void applyPrivateGateway(PrivateGateway gateway, boolean add) {
        forPrivateGateway(gateway, add ? "add a private gateway" : "remove a private gateway",
                (router, vpc) -> {
                    if (add) {
                        gateways.add(router, vpc, gateway);
                    }
                    else {
                        gateways.remove(router, vpc, gateway);
                    }
                });
    }

    /** Replaces a private gateway's ACL on the VPC's Running routers, as {@link #applyPrivateGateway}. */
    void applyPrivateGatewayAcl(PrivateGateway gateway) {
        forPrivateGateway(gateway, "apply a private gateway ACL", (router, vpc) -> gateways.acl(router, vpc, gateway));
    }

    private void forPrivateGateway(PrivateGateway gateway, String what, BiConsumer<DomainRouter, Vpc> action) {
        Vpc vpc = parts.source().vpc(gateway.vpcId());
        List<DomainRouter> routers = vpcRouters(vpc.id());
        for (DomainRouter router : routers) {
            if (!router.isRunning() && router.state() != RouterState.STOPPED && router.state() != RouterState.STOPPING) {
                throw InvalidStateException.operation(router.displayName(), router.state(), what);
            }
        }
        for (DomainRouter router : routers) {
            routerLocks.withLock(router.id(), () -> {
                DomainRouter current = require(router.id());
                if (current.isRunning()) {
                    action.accept(current, vpc);
                }
                return null;
            });
        }
    }

    DomainRouter require(long routerId) {
        return dao.findById(routerId).orElseThrow(() -> new InvalidParameterException("router_id", "no such router", routerId));
    }

    private static RouterDeployment withPeers(RouterDeployment deployment, DeployDestination destination, List<DomainRouter> peers) {
        // a VPC's routers need not serve this tier yet; a deployment lists those that do
        List<DomainRouter> serving = peers.stream().filter(router -> router.serves(deployment.network().id())).toList();
        return new RouterDeployment(deployment.network(), destination, deployment.sourceNatIp(), serving, deployment.vpc());
    }

    /** The hosts the router's peers in its networks are placed on. */
    private Set<Long> peerHosts(DomainRouter router) {
        return hostsOf(router.networkIds().stream().flatMap(network -> routers(network).stream()).filter(peer -> peer.id() != router.id()).toList());
    }

    private static Set<Long> hostsOf(List<DomainRouter> routers) {
        return routers.stream().filter(router -> router.hostId().isPresent()).map(router -> router.hostId().getAsLong()).collect(Collectors.toSet());
    }
}
