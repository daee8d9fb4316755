package org.vrouter.core.manager;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.vrouter.api.address.IpAlias;
import org.vrouter.api.address.PublicIpAddress;
import org.vrouter.api.agent.AgentManager;
import org.vrouter.api.dc.DeployDestination;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.PrivateGateway;
import org.vrouter.api.network.Vpc;
import org.vrouter.api.route.StaticRoute;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.NetworkConfigurationSource;
import org.vrouter.api.router.NetworkUsage;
import org.vrouter.api.router.RouterDao;
import org.vrouter.api.router.RouterDeployment;
import org.vrouter.api.router.RouterManager;
import org.vrouter.api.router.VirtualRouterGuru;
import org.vrouter.api.rule.FirewallRule;
import org.vrouter.api.rule.LoadBalancingRule;
import org.vrouter.api.rule.NetworkAclItem;
import org.vrouter.api.rule.PortForwardingRule;
import org.vrouter.api.rule.StaticNat;
import org.vrouter.api.vm.Nic;
import org.vrouter.api.vm.VirtualMachineProfile;
import org.vrouter.api.vpn.RemoteAccessVpn;
import org.vrouter.api.vpn.Site2SiteVpnConnection;
import org.vrouter.api.vpn.VpnUser;
import org.vrouter.core.health.RouterRecovery;
import org.vrouter.core.setup.CommandSetupHelper;

/**
 * vrouter's {@link RouterManager} (CloudStack's {@code VirtualNetworkApplianceManagerImpl}, split
 * by concept): lifecycle in {@code RouterOperations} with the start sequence in
 * {@code RouterStarter} and stops in {@code RouterStopper}; rules, VM data and VPNs in
 * {@code RuleApplications}, {@code VmDataApplications} and {@code VpnApplications}, all sent
 * through {@code RouterDispatch}; VRRP polling in {@code RedundantStatePoller}. It also serves the
 * health checker ({@link RouterRecovery}).
 *
 * <p><b>Wiring.</b> Every collaborator comes through the constructor:
 * <pre>{@code
 * CommandSetupHelper helper = new CommandSetupHelper();
 * VirtualRouterGuru guru = new RouterGuru(guruSettings, allocator, helper.commandFactory(), helper.commandFactory());
 * RouterManagerImpl manager = new RouterManagerImpl(new InMemoryRouterDao(), agentManager, guru, helper,
 *         controller::networkConfiguration, new HostCandidates(hosts), Clock.systemUTC(), RouterManagerSettings.of(templates));
 * }</pre>
 *
 * <p><b>State.</b> Router states follow {@link org.vrouter.api.router.RouterState}: every change
 * goes through {@link DomainRouter#withState} (an illegal one is an
 * {@link org.vrouter.api.error.InvalidStateException}) and a versioned {@link RouterDao#update}
 * (a lost race is a {@link org.vrouter.api.error.ConcurrentOperationException}). A deployment
 * stores new routers Starting; a start ends Running, or Stopped with the failure recorded
 * ({@link #lastFailure}) and thrown; a graceful stop the host does not confirm leaves the router
 * Running; the health checker's last resort is Error.
 *
 * <p><b>Threading.</b> Thread-safe. Operations on one router are serialized by a lock per router
 * id (waiting at most {@link RouterManagerSettings#lockTimeout()}); operations on different
 * routers run in parallel; deployments for one network are serialized by a lock per network while
 * they create routers. Every method blocks until done.
 */
public final class RouterManagerImpl implements RouterManager, RouterRecovery {
    /** How often a rolling restart asks a router for its VRRP state. */
    private static final Duration ROLLING_POLL = Duration.ofMillis(200);

    private final RouterOperations operations;
    private final RuleApplications rules;
    private final VmDataApplications vmData;
    private final VpnApplications vpns;
    private final AggregatedExecution aggregation;
    private final RedundantStatePoller redundancy;
    private final RouterRuntime runtime;
    private final NetworkUsages usages;
    private final Clock clock;

    /**
     * @param dao where routers are stored
     * @param agents delivers commands to the routers' hosts
     * @param guru shapes routers: size, NICs, boot arguments, start batch
     * @param helper builds the router commands of the appliers
     * @param source the host controller's view of each network's configuration, replayed at start
     * @param placement picks the host each router starts on
     * @param clock for the start wait and failure times
     * @param settings timings, templates, lock timeout
     */
    public RouterManagerImpl(RouterDao dao, AgentManager agents, VirtualRouterGuru guru, CommandSetupHelper helper,
            NetworkConfigurationSource source, RouterPlacement placement, Clock clock, RouterManagerSettings settings) {
        ManagerParts parts = new ManagerParts(dao, agents, guru, helper, source, placement, clock, settings);
        KeyedLocks routerLocks = new KeyedLocks("router", settings.lockTimeout());
        this.runtime = new RouterRuntime();
        RouterStopper stopper = new RouterStopper(dao, agents, guru, runtime, settings);
        RouterStarter starter = new RouterStarter(parts, stopper, runtime);
        this.operations = new RouterOperations(parts, routerLocks, starter, stopper, runtime);
        RouterDispatch dispatch = new RouterDispatch(dao, agents, routerLocks);
        this.rules = new RuleApplications(operations, dispatch, helper, source, runtime);
        this.vmData = new VmDataApplications(operations, dispatch, helper, source);
        this.vpns = new VpnApplications(operations, dispatch, helper, source);
        this.aggregation = new AggregatedExecution(operations, dispatch, helper, dao, routerLocks);
        this.redundancy = new RedundantStatePoller(dao, agents, helper, routerLocks);
        this.usages = new NetworkUsages(parts, operations, routerLocks);
        this.clock = clock;
    }

    /** Why the router's last start (or recovery) failed; empty after a successful start or when it never failed. */
    public Optional<RouterFailure> lastFailure(long routerId) {
        return runtime.lastFailure(routerId);
    }

    /** Whether more than one of {@code routers} (a network's, as {@link #refreshRedundantState} returns them) is PRIMARY. */
    public static boolean hasMultiplePrimaries(List<DomainRouter> routers) {
        return RedundantStatePoller.multiplePrimaries(routers);
    }

    // ---- lifecycle

    /**
     * {@inheritDoc}
     *
     * <p>Counts the network's routers under the network's lock, places and stores the missing ones
     * Starting (a redundant pair on different hosts when the placement has two), then starts them
     * and the network's Stopped routers. When several fail, the first failure is thrown with the
     * others suppressed.
     */
    @Override
    public List<DomainRouter> deployRouters(RouterDeployment deployment) {
        return operations.deploy(deployment);
    }

    @Override
    public DomainRouter start(long routerId) {
        return operations.start(routerId);
    }

    /** {@inheritDoc} A graceful stop the host does not confirm throws, and the router stays Running. */
    @Override
    public DomainRouter stop(long routerId, boolean forced) {
        return operations.stop(routerId, forced);
    }

    @Override
    public DomainRouter reboot(long routerId) {
        return operations.reboot(routerId);
    }

    @Override
    public void destroy(long routerId) {
        operations.destroy(routerId);
    }

    @Override
    public List<DomainRouter> routers(long networkId) {
        return operations.routers(networkId);
    }

    @Override
    public List<DomainRouter> refreshRedundantState(long networkId) {
        return redundancy.refresh(networkId, operations.routers(networkId));
    }

    /**
     * Restarts the network's redundant pair one router at a time (see {@code RollingRestart}): the BACKUP
     * first, then a graceful failover, then the old PRIMARY; the network has a gateway throughout.
     *
     * @param limit how long each router may take to answer its new VRRP state
     * @return one line per step, with its duration
     * @throws org.vrouter.api.error.InvalidStateException unless the pair is Running with one PRIMARY
     * @throws org.vrouter.api.error.OperationTimedOutException when a router does not reach its state in time
     */
    public List<String> restartInSequence(long networkId, Duration limit) {
        return new RollingRestart(operations, "network", this::refreshRedundantState, clock, ROLLING_POLL).run(networkId, limit);
    }

    /**
     * {@link #restartInSequence} for the redundant pair of VPC {@code vpcId}, which serves all its tiers.
     *
     * @throws org.vrouter.api.error.InvalidStateException unless the pair is Running with one PRIMARY
     * @throws org.vrouter.api.error.OperationTimedOutException when a router does not reach its state in time
     */
    public List<String> restartVpcInSequence(long vpcId, Duration limit) {
        return new RollingRestart(operations, "VPC", id -> redundancy.refresh(id, operations.vpcRouters(id)), clock, ROLLING_POLL)
                .run(vpcId, limit);
    }

    @Override
    public DomainRouter restart(long routerId) {
        return operations.restart(routerId);
    }

    @Override
    public DomainRouter markError(long routerId, String reason) {
        return operations.markError(routerId, reason);
    }

    @Override
    public List<DomainRouter> vpcRouters(long vpcId) {
        return operations.vpcRouters(vpcId);
    }

    /** {@inheritDoc} Routers are handled one at a time; the first failure stops the rest. */
    @Override
    public void removeVpcTier(Network tier) {
        operations.removeVpcTier(tier);
    }

    @Override
    public NetworkUsage networkUsage(long routerId, boolean reset) {
        return usages.read(routerId, reset);
    }

    // ---- rules

    @Override
    public void applyIps(Network network, List<PublicIpAddress> ips) {
        rules.applyIps(network, ips);
    }

    @Override
    public void applyFirewallRules(Network network, List<FirewallRule> firewallRules) {
        rules.applyFirewallRules(network, firewallRules);
    }

    @Override
    public void applyPortForwardingRules(Network network, List<PortForwardingRule> portForwardingRules) {
        rules.applyPortForwardingRules(network, portForwardingRules);
    }

    @Override
    public void applyStaticNats(Network network, List<StaticNat> staticNats) {
        rules.applyStaticNats(network, staticNats);
    }

    @Override
    public void applyLoadBalancingRules(Network network, List<LoadBalancingRule> loadBalancingRules) {
        rules.applyLoadBalancingRules(network, loadBalancingRules);
    }

    @Override
    public void applyNetworkAcls(Network network, List<NetworkAclItem> items) {
        rules.applyNetworkAcls(network, items);
    }

    @Override
    public void applyStaticRoutes(Vpc vpc, List<StaticRoute> routes) {
        rules.applyStaticRoutes(vpc, routes);
    }

    @Override
    public void applyPrivateGateway(PrivateGateway gateway, boolean add) {
        rules.applyPrivateGateway(gateway, add);
    }

    @Override
    public void applyPrivateGatewayAcl(PrivateGateway gateway) {
        rules.applyPrivateGatewayAcl(gateway);
    }

    // ---- VM data

    @Override
    public void applyDhcpEntry(Network network, VirtualMachineProfile vm, Nic nic) {
        vmData.applyDhcpEntry(network, vm, nic);
    }

    @Override
    public void removeDhcpEntry(Network network, VirtualMachineProfile vm, Nic nic) {
        vmData.removeDhcpEntry(network, vm, nic);
    }

    @Override
    public void applyVmData(Network network, VirtualMachineProfile vm, Nic nic) {
        vmData.applyVmData(network, vm, nic);
    }

    @Override
    public void savePassword(Network network, VirtualMachineProfile vm, Nic nic) {
        vmData.savePassword(network, vm, nic);
    }

    @Override
    public void applyIpAliases(Network network, List<IpAlias> aliases) {
        vmData.applyIpAliases(network, aliases);
    }

    // ---- VPN

    @Override
    public void applyVpnUsers(RemoteAccessVpn vpn, List<VpnUser> users) {
        vpns.applyVpnUsers(vpn, users);
    }

    @Override
    public void startRemoteAccessVpn(RemoteAccessVpn vpn, List<VpnUser> users) {
        vpns.startRemoteAccessVpn(vpn, users);
    }

    @Override
    public void stopRemoteAccessVpn(RemoteAccessVpn vpn) {
        vpns.stopRemoteAccessVpn(vpn);
    }

    @Override
    public void startSite2SiteVpn(Site2SiteVpnConnection connection) {
        vpns.startSite2SiteVpn(connection);
    }

    @Override
    public void stopSite2SiteVpn(Site2SiteVpnConnection connection) {
        vpns.stopSite2SiteVpn(connection);
    }

    // ---- aggregation

    @Override
    public void prepareAggregatedExecution(Network network, DeployDestination destination) {
        aggregation.prepare(network, destination);
    }

    @Override
    public void completeAggregatedExecution(Network network, DeployDestination destination) {
        aggregation.complete(network, destination);
    }
}
