package org.vrouter.element;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.vrouter.api.address.PublicIpAddress;
import org.vrouter.api.dc.DeployDestination;
import org.vrouter.api.element.IpDeployer;
import org.vrouter.api.element.LoadBalancingServiceProvider;
import org.vrouter.api.element.NetworkACLServiceProvider;
import org.vrouter.api.element.PortForwardingServiceProvider;
import org.vrouter.api.element.Site2SiteVpnServiceProvider;
import org.vrouter.api.element.SourceNatServiceProvider;
import org.vrouter.api.element.StaticNatServiceProvider;
import org.vrouter.api.element.VpcProvider;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.metrics.Metrics;
import org.vrouter.api.network.Capability;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.NetworkOffering;
import org.vrouter.api.network.PrivateGateway;
import org.vrouter.api.network.Provider;
import org.vrouter.api.network.Service;
import org.vrouter.api.network.Vpc;
import org.vrouter.api.route.StaticRoute;
import org.vrouter.api.router.NetworkConfigurationSource;
import org.vrouter.api.router.RouterManager;
import org.vrouter.api.rule.LoadBalancingRule;
import org.vrouter.api.rule.NetworkAclItem;
import org.vrouter.api.rule.PortForwardingRule;
import org.vrouter.api.rule.StaticNat;
import org.vrouter.api.vm.Nic;
import org.vrouter.api.vm.VirtualMachineProfile;
import org.vrouter.api.vpn.Site2SiteVpnConnection;
import org.vrouter.element.RouterGate.WithoutRouters;

/**
 * The {@code VpcVirtualRouter} provider (CloudStack's {@code VpcVirtualRouterElement}): one router
 * (or redundant pair) per VPC serving every tier, with network ACLs instead of a firewall, static
 * routes and site-to-site VPN. Hands the work to a {@link RouterManager}.
 *
 * <p>Semantics, following the {@link org.vrouter.api.element.NetworkElement} contract:
 * <ul>
 *   <li>{@link #canHandle}: the network is a VPC tier and the VPC virtual router provides the
 *       service there; other networks belong to {@link VirtualRouterElement}.</li>
 *   <li>{@link #implement} a tier: deploys the VPC's routers if it has none (the first tier shapes
 *       them) and plugs the tier into each ({@code PlugNicCommand}, then the tier's guest network,
 *       addresses, rules and ACL); requires as many Running routers as expected (2 for a redundant
 *       VPC or offering).</li>
 *   <li>{@link #shutdown} / {@link #destroy} a tier: takes it off the VPC's routers (guest network
 *       removed, NIC unplugged); the routers stay, they are the VPC's.</li>
 *   <li>{@link #implementVpc} starts the VPC's Stopped routers; {@link #shutdownVpc} destroys them.</li>
 *   <li>Rules, ACLs, addresses and static routes go to Running routers; Stopped and Stopping ones
 *       are skipped (a start replays them); other states are an {@code InvalidStateException}
 *       before any router changes; no routers means nothing to do.</li>
 *   <li>Site-to-site VPN is the router manager's ({@code VpnApplier}): the element checks nothing
 *       of its own and delegates.</li>
 *   <li>Private gateways: a NIC on the gateway's VLAN plugged into each Running router, the
 *       private address associated and its ACL applied; Stopped routers get them at their start.</li>
 * </ul>
 *
 * <p>Departures from CloudStack: {@link #implementVpc} deploys nothing (routers come with the
 * first tier); DHCP entries and user data of tier VMs
 * go out in {@link #prepare} (the DHCP and user-data provider interfaces are
 * {@link VirtualRouterElement}'s). Thread-safe: no mutable state.
 */
public final class VpcVirtualRouterElement implements VpcProvider, NetworkACLServiceProvider, Site2SiteVpnServiceProvider,
        SourceNatServiceProvider, StaticNatServiceProvider, PortForwardingServiceProvider, LoadBalancingServiceProvider, IpDeployer {
    private final RouterManager routerManager;
    private final RouterGate gate;
    private final VpcRouters vpcRouters;
    private final HaproxyRuleValidator lbValidator;
    private final OperationMetrics metrics;
    private final RuleChanges ruleChanges;

    /**
     * @param routerManager deploys the VPC's routers, plugs tiers and sends every change
     * @param configurations the host controller's tiers and VPCs ({@code vpc(id)} must be implemented)
     * @param settings the configuration keys the element reads
     * @param metrics receives {@code vrouter.element.operation} timings tagged by operation and result
     */
    public VpcVirtualRouterElement(RouterManager routerManager, NetworkConfigurationSource configurations, ElementSettings settings,
            Metrics metrics) {
        this.routerManager = requireNonNull(routerManager, "routerManager is null");
        this.gate = new RouterGate(routerManager);
        this.vpcRouters = new VpcRouters(routerManager, requireNonNull(configurations, "configurations is null"));
        this.lbValidator = new HaproxyRuleValidator(requireNonNull(settings, "settings is null").haproxyStatsPort());
        this.metrics = new OperationMetrics(metrics);
        this.ruleChanges = new RuleChanges(this.metrics, gate);
    }

    /** An element with CloudStack's default settings and no metrics. */
    public VpcVirtualRouterElement(RouterManager routerManager, NetworkConfigurationSource configurations) {
        this(routerManager, configurations, ElementSettings.defaults(), Metrics.NOOP);
    }

    @Override
    public Provider provider() {
        return Provider.VPC_VIRTUAL_ROUTER;
    }

    /** The virtual router's capabilities plus NetworkACL and site-to-site VPN (see {@link VpcVirtualRouterCapabilities}). */
    @Override
    public Map<Service, Map<Capability, String>> capabilities() {
        return VpcVirtualRouterCapabilities.CAPABILITIES;
    }

    /** Whether the VPC virtual router provides {@code service} in {@code network}, a VPC tier. */
    public boolean canHandle(Network network, Service service) {
        return network.isVpcTier() && network.isProvidedBy(service, Provider.VPC_VIRTUAL_ROUTER);
    }

    /** Whether the VPC virtual router provides any service in {@code network}, a VPC tier. */
    public boolean canHandle(Network network) {
        return network.isVpcTier() && !network.offering().servicesOf(Provider.VPC_VIRTUAL_ROUTER).isEmpty();
    }

    @Override
    public boolean canEnableIndividualServices() {
        return true;
    }

    // ---- VPC

    @Override
    public void implementVpc(Vpc vpc, DeployDestination destination) {
        requireNonNull(vpc, "vpc is null");
        metrics.measure(Operation.IMPLEMENT_VPC, () -> {
            vpcRouters.implementVpc(vpc, requireNonNull(destination, "destination is null"));
            return Outcome.APPLIED;
        });
    }

    @Override
    public void shutdownVpc(Vpc vpc) {
        requireNonNull(vpc, "vpc is null");
        metrics.measure(Operation.SHUTDOWN_VPC, () -> {
            vpcRouters.shutdownVpc(vpc);
            return Outcome.APPLIED;
        });
    }

    /**
     * Applies the VPC's static routes to its routers.
     *
     * @throws InvalidParameterException naming {@code routes[i].vpc_id} for a route of another VPC
     */
    @Override
    public void applyStaticRoutes(Vpc vpc, List<StaticRoute> routes) {
        for (int i = 0; i < routes.size(); i++) {
            if (routes.get(i).vpcId() != vpc.id()) {
                throw new InvalidParameterException("routes[" + i + "].vpc_id", "belongs to another VPC than " + vpc.id(), routes.get(i).vpcId());
            }
        }
        metrics.measure(Operation.APPLY_STATIC_ROUTES, () -> {
            if (routes.isEmpty() || routerManager.vpcRouters(vpc.id()).isEmpty()) {
                return Outcome.SKIPPED;
            }
            routerManager.applyStaticRoutes(vpc, routes);
            return Outcome.APPLIED;
        });
    }

    /** Puts the gateway (with its ACL) on the VPC's Running routers; Stopped ones get it at their start. */
    @Override
    public void createPrivateGateway(PrivateGateway gateway) {
        privateGateway(Operation.CREATE_PRIVATE_GATEWAY, gateway, () -> routerManager.applyPrivateGateway(gateway, true));
    }

    @Override
    public void deletePrivateGateway(PrivateGateway gateway) {
        privateGateway(Operation.DELETE_PRIVATE_GATEWAY, gateway, () -> routerManager.applyPrivateGateway(gateway, false));
    }

    @Override
    public void applyPrivateGatewayAcl(PrivateGateway gateway) {
        privateGateway(Operation.APPLY_PRIVATE_GATEWAY_ACL, gateway, () -> routerManager.applyPrivateGatewayAcl(gateway));
    }

    private void privateGateway(Operation operation, PrivateGateway gateway, Runnable send) {
        requireNonNull(gateway, "gateway is null");
        metrics.measure(operation, () -> {
            if (routerManager.vpcRouters(gateway.vpcId()).isEmpty()) {
                return Outcome.SKIPPED;
            }
            send.run();
            return Outcome.APPLIED;
        });
    }

    // ---- tiers

    @Override
    public void implement(Network network, NetworkOffering offering, DeployDestination destination) {
        metrics.measure(Operation.IMPLEMENT, () -> {
            Network tier = offering.equals(network.offering()) ? network : network.toBuilder().offering(offering).build();
            if (offering.systemOnly() || !canHandle(tier)) {
                return Outcome.NOT_HANDLED;
            }
            vpcRouters.implementTier(tier, destination);
            return Outcome.APPLIED;
        });
    }

    /** For a User VM of a tier: makes sure the VPC's routers serve the tier, then its DHCP entry and VM data. */
    @Override
    public void prepare(Network network, Nic nic, VirtualMachineProfile vm, DeployDestination destination) {
        metrics.measure(Operation.PREPARE, () -> {
            if (!VirtualRouterElement.isUserVm(vm) || network.offering().systemOnly() || !canHandle(network)) {
                return Outcome.NOT_HANDLED;
            }
            vpcRouters.ensureRunning(network, destination);
            if (!gate.admit(network, Operation.PREPARE, WithoutRouters.UNAVAILABLE)) {
                return Outcome.SKIPPED;
            }
            if (canHandle(network, Service.DHCP)) {
                routerManager.applyDhcpEntry(network, vm, nic);
            }
            if (canHandle(network, Service.USER_DATA)) {
                routerManager.applyVmData(network, vm, nic);
            }
            return Outcome.APPLIED;
        });
    }

    /** Takes the tier off the VPC's routers ({@code cleanup} changes nothing: the routers are the VPC's). */
    @Override
    public void shutdown(Network network, boolean cleanup) {
        metrics.measure(Operation.SHUTDOWN, () -> removeTier(network));
    }

    @Override
    public void destroy(Network network) {
        metrics.measure(Operation.DESTROY, () -> removeTier(network));
    }

    private Outcome removeTier(Network network) {
        if (!canHandle(network)) {
            return Outcome.NOT_HANDLED;
        }
        routerManager.removeVpcTier(network);
        return Outcome.APPLIED;
    }

    // ---- ACLs, addresses and rules

    @Override
    public void applyNetworkAcls(Network network, List<NetworkAclItem> items) {
        ruleChanges.apply(Operation.APPLY_NETWORK_ACLS, canHandle(network, Service.NETWORK_ACL), network, items,
                () -> routerManager.applyNetworkAcls(network, items));
    }

    @Override
    public Optional<IpDeployer> ipDeployer(Network network) {
        return Optional.of(this);
    }

    /** Handled only when the VPC virtual router provides every one of {@code services} in the tier. */
    @Override
    public void applyIps(Network network, List<PublicIpAddress> ips, Set<Service> services) {
        boolean handled = canHandle(network) && services.stream().allMatch(service -> canHandle(network, service));
        ruleChanges.apply(Operation.APPLY_IPS, handled, network, ips, () -> routerManager.applyIps(network, ips));
    }

    @Override
    public void applyPortForwardingRules(Network network, List<PortForwardingRule> rules) {
        ruleChanges.apply(Operation.APPLY_PORT_FORWARDING_RULES, canHandle(network, Service.PORT_FORWARDING), network, rules,
                () -> routerManager.applyPortForwardingRules(network, rules));
    }

    @Override
    public void applyStaticNats(Network network, List<StaticNat> staticNats) {
        ruleChanges.apply(Operation.APPLY_STATIC_NATS, canHandle(network, Service.STATIC_NAT), network, staticNats,
                () -> routerManager.applyStaticNats(network, staticNats));
    }

    /** The tier's public load balancer; the command names the router's NIC in the tier. */
    @Override
    public void applyLoadBalancingRules(Network network, List<LoadBalancingRule> rules) {
        ruleChanges.apply(Operation.APPLY_LOAD_BALANCING_RULES, canHandle(network, Service.LB), network, rules,
                () -> routerManager.applyLoadBalancingRules(network, rules));
    }

    @Override
    public void validateLoadBalancingRule(Network network, LoadBalancingRule rule) {
        if (canHandle(network, Service.LB)) {
            lbValidator.validate(rule);
        }
    }

    // ---- site-to-site VPN: the router manager's VpnApplier

    @Override
    public void startSite2SiteVpn(Site2SiteVpnConnection connection) {
        requireNonNull(connection, "connection is null");
        metrics.measure(Operation.START_SITE2SITE_VPN, () -> {
            routerManager.startSite2SiteVpn(connection);
            return Outcome.APPLIED;
        });
    }

    @Override
    public void stopSite2SiteVpn(Site2SiteVpnConnection connection) {
        requireNonNull(connection, "connection is null");
        metrics.measure(Operation.STOP_SITE2SITE_VPN, () -> {
            routerManager.stopSite2SiteVpn(connection);
            return Outcome.APPLIED;
        });
    }
}
