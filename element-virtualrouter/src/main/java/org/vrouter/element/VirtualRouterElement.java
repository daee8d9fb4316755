package org.vrouter.element;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.vrouter.api.address.PublicIpAddress;
import org.vrouter.api.dc.DeployDestination;
import org.vrouter.api.dc.Host;
import org.vrouter.api.element.AggregatedCommandExecutor;
import org.vrouter.api.element.DhcpServiceProvider;
import org.vrouter.api.element.DnsServiceProvider;
import org.vrouter.api.element.FirewallServiceProvider;
import org.vrouter.api.element.IpDeployer;
import org.vrouter.api.element.LoadBalancingServiceProvider;
import org.vrouter.api.element.PortForwardingServiceProvider;
import org.vrouter.api.element.RemoteAccessVPNServiceProvider;
import org.vrouter.api.element.SourceNatServiceProvider;
import org.vrouter.api.element.StaticNatServiceProvider;
import org.vrouter.api.element.UserDataServiceProvider;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.metrics.Metrics;
import org.vrouter.api.network.Capability;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.NetworkOffering;
import org.vrouter.api.network.Provider;
import org.vrouter.api.network.Service;
import org.vrouter.api.router.NetworkConfigurationSource;
import org.vrouter.api.router.RouterManager;
import org.vrouter.api.rule.Direction;
import org.vrouter.api.rule.FirewallRule;
import org.vrouter.api.rule.LoadBalancingRule;
import org.vrouter.api.rule.PortForwardingRule;
import org.vrouter.api.rule.StaticNat;
import org.vrouter.api.vm.Nic;
import org.vrouter.api.vm.VirtualMachine;
import org.vrouter.api.vm.VirtualMachineProfile;
import org.vrouter.api.vpn.RemoteAccessVpn;
import org.vrouter.api.vpn.VpnUser;
import org.vrouter.element.RouterGate.WithoutRouters;

/**
 * The {@code VirtualRouter} provider (CloudStack's {@code VirtualRouterElement}): the network
 * element a host controller's orchestration calls for isolated and shared networks whose offering
 * maps services to the virtual router. It decides whether a request is its business and which
 * routers it concerns, and hands the work to a {@link RouterManager}.
 *
 * <p>Semantics, following the {@link org.vrouter.api.element.NetworkElement} contract (complete or
 * throw; a request that is not the element's business completes without doing anything):
 * <ul>
 *   <li>{@link #canHandle}: the virtual router is the offering's provider of the service (or of
 *       any service); VPC tiers belong to the VPC element and are never handled here.</li>
 *   <li>{@link #implement}: deploys through the manager and requires as many Running routers as
 *       the offering expects (2 redundant, else 1).</li>
 *   <li>{@link #prepare}, for User VMs only: makes sure a router runs (deploying lazily), then
 *       writes the NIC's DHCP entry and the VM's data and password. An orchestrator that, like
 *       CloudStack's, also calls {@link #addDhcpEntry} and {@link #addPasswordAndUserdata} on VM
 *       start sends them twice; routers rewrite the same entries.</li>
 *   <li>Changes ({@code applyXxx}, VPN, user data) go to the manager only when a router runs:
 *       Running routers take them, Stopped and Stopping ones are skipped (a start replays
 *       everything), any other state is an {@code InvalidStateException} before any router is
 *       changed, and a network without routers has nothing to do. DHCP entries and user data at
 *       VM start need a router: without one they are a {@code ResourceUnavailableException}.</li>
 *   <li>{@link #release} does nothing; {@link #shutdown} stops the routers (destroying them with
 *       {@code cleanup}); {@link #destroy} destroys them.</li>
 * </ul>
 *
 * <p>Where it departs from CloudStack (each documented on its method): the expected router count
 * is checked against Running routers, not a literal 2; a router in a wrong state fails a change
 * before any router is changed; shutdown and destroy attempt every router; load-balancing rules are
 * validated whether or not a router exists yet; IP aliases for secondary subnets are the host
 * controller's to allocate (listed in the network configuration). Not carried over: rolling restarts and
 * {@code RedundantResource}, PVLAN migration, marking routers
 * UPDATE_FAILED when implement fails (the SPI has no update-state call).
 *
 * <p>Thread-safe: it holds no mutable state; concurrency is the manager's.
 */
public final class VirtualRouterElement implements DhcpServiceProvider, DnsServiceProvider, UserDataServiceProvider,
        SourceNatServiceProvider, StaticNatServiceProvider, PortForwardingServiceProvider, FirewallServiceProvider,
        LoadBalancingServiceProvider, RemoteAccessVPNServiceProvider, IpDeployer, AggregatedCommandExecutor {
    private final RouterManager routerManager;
    private final RouterGate gate;
    private final NetworkRouters networkRouters;
    private final HaproxyRuleValidator lbValidator;
    private final OperationMetrics metrics;
    private final RuleChanges ruleChanges;
    private final VmDataOperations vmData;
    private final VpnOperations vpnOperations;
    private final AggregationOperations aggregation;

    /**
     * @param routerManager deploys routers and sends them every change
     * @param configurations the host controller's network configurations: the element reads a
     *     network's source NAT address before deploying routers, and a VPN's network
     * @param settings the configuration keys the element reads
     * @param metrics receives {@code vrouter.element.operation} timings tagged by operation and result
     */
    public VirtualRouterElement(RouterManager routerManager, NetworkConfigurationSource configurations, ElementSettings settings,
            Metrics metrics) {
        this.routerManager = requireNonNull(routerManager, "routerManager is null");
        requireNonNull(configurations, "configurations is null");
        this.gate = new RouterGate(routerManager);
        this.networkRouters = new NetworkRouters(routerManager, configurations);
        this.lbValidator = new HaproxyRuleValidator(requireNonNull(settings, "settings is null").haproxyStatsPort());
        this.metrics = new OperationMetrics(metrics);
        this.ruleChanges = new RuleChanges(this.metrics, gate);
        this.vmData = new VmDataOperations(routerManager, configurations, gate, this.metrics);
        this.vpnOperations = new VpnOperations(routerManager, configurations, gate, this.metrics);
        this.aggregation = new AggregationOperations(routerManager, gate, this.metrics);
    }

    /** An element with CloudStack's default settings and no metrics. */
    public VirtualRouterElement(RouterManager routerManager, NetworkConfigurationSource configurations) {
        this(routerManager, configurations, ElementSettings.defaults(), Metrics.NOOP);
    }

    @Override
    public Provider provider() {
        return Provider.VIRTUAL_ROUTER;
    }

    /** CloudStack's capabilities with its exact strings; UserData, Gateway and StaticNat map to empty maps. */
    @Override
    public Map<Service, Map<Capability, String>> capabilities() {
        return VirtualRouterCapabilities.CAPABILITIES;
    }

    /** Whether the virtual router provides {@code service} in {@code network} (never in a VPC tier). */
    public boolean canHandle(Network network, Service service) {
        return handles(network, service);
    }

    /** Whether the virtual router provides any service in {@code network} (never in a VPC tier). */
    public boolean canHandle(Network network) {
        return handlesAny(network);
    }

    static boolean handlesAny(Network network) {
        return !network.isVpcTier() && !network.offering().servicesOf(Provider.VIRTUAL_ROUTER).isEmpty();
    }

    static boolean handles(Network network, Service service) {
        return !network.isVpcTier() && network.isProvidedBy(service, Provider.VIRTUAL_ROUTER);
    }

    /** True, as in CloudStack: offerings may take single services from the virtual router. */
    @Override
    public boolean canEnableIndividualServices() {
        return true;
    }

    /**
     * Deploys and starts the network's routers for {@code offering}. Nothing for system-only
     * offerings or networks the virtual router does not serve.
     *
     * @throws org.vrouter.api.error.ResourceUnavailableException when fewer routers run than the
     *     offering expects (CloudStack's "Can't find all necessary running routers!")
     */
    @Override
    public void implement(Network network, NetworkOffering offering, DeployDestination destination) {
        metrics.measure(Operation.IMPLEMENT, () -> {
            Network target = offering.equals(network.offering()) ? network : network.toBuilder().offering(offering).build();
            if (offering.systemOnly() || !canHandle(target)) {
                return Outcome.NOT_HANDLED;
            }
            networkRouters.implement(target, destination);
            return Outcome.APPLIED;
        });
    }

    /**
     * For a User VM: makes sure a router runs, deploying one lazily, then writes the NIC's DHCP
     * entry (when the router provides Dhcp) and the VM's data and password (when it provides
     * UserData). System VMs and system-only offerings are not handled.
     *
     * @throws org.vrouter.api.error.ResourceUnavailableException when no router runs after the deployment
     */
    @Override
    public void prepare(Network network, Nic nic, VirtualMachineProfile vm, DeployDestination destination) {
        metrics.measure(Operation.PREPARE, () -> {
            if (!isUserVm(vm) || network.offering().systemOnly() || !canHandle(network)) {
                return Outcome.NOT_HANDLED;
            }
            networkRouters.ensureRunning(network, destination);
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

    @Override
    public void shutdown(Network network, boolean cleanup) {
        metrics.measure(Operation.SHUTDOWN, lifecycle(network, () -> networkRouters.shutdown(network, cleanup)));
    }

    @Override
    public void destroy(Network network) {
        metrics.measure(Operation.DESTROY, lifecycle(network, () -> networkRouters.destroy(network)));
    }

    // A VPC tier's routers are the VPC's: never stop or destroy them from here.
    private static Supplier<Outcome> lifecycle(Network network, Runnable action) {
        return () -> {
            if (network.isVpcTier()) {
                return Outcome.NOT_HANDLED;
            }
            action.run();
            return Outcome.APPLIED;
        };
    }

    // ---- addresses and rules ----

    /** The element deploys its own addresses, as CloudStack's returns itself. */
    @Override
    public Optional<IpDeployer> ipDeployer(Network network) {
        return Optional.of(this);
    }

    /** Handled only when the virtual router provides every one of {@code services} in the network. */
    @Override
    public void applyIps(Network network, List<PublicIpAddress> ips, Set<Service> services) {
        boolean handled = canHandle(network) && services.stream().allMatch(service -> canHandle(network, service));
        ruleChanges.apply(Operation.APPLY_IPS, handled, network, ips, () -> routerManager.applyIps(network, ips));
    }

    /**
     * Applies firewall rules. A list holding only the System egress rule under an allow-by-default
     * offering is not sent, as in CloudStack: routers get that rule first in their start sequence.
     * The router manager sends whatever it is given, so this is the one place that drops it.
     */
    @Override
    public void applyFirewallRules(Network network, List<FirewallRule> rules) {
        List<FirewallRule> toSend = isLoneSystemEgressRule(network, rules) ? List.of() : rules;
        ruleChanges.apply(Operation.APPLY_FIREWALL_RULES, canHandle(network, Service.FIREWALL), network, toSend,
                () -> routerManager.applyFirewallRules(network, toSend));
    }

    static boolean isLoneSystemEgressRule(Network network, List<FirewallRule> rules) {
        return rules.size() == 1 && rules.get(0).direction() == Direction.EGRESS
                && rules.get(0).type() == FirewallRule.Type.SYSTEM && network.offering().egressDefaultPolicy().isAllow();
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

    /**
     * Applies load-balancing rules. Every {@link LoadBalancingRule} is in the Public scheme (the
     * only one in the virtual router's {@code LbSchemes}); internal LB is another provider's.
     */
    @Override
    public void applyLoadBalancingRules(Network network, List<LoadBalancingRule> rules) {
        ruleChanges.apply(Operation.APPLY_LOAD_BALANCING_RULES, canHandle(network, Service.LB), network, rules,
                () -> routerManager.applyLoadBalancingRules(network, rules));
    }

    /**
     * Rejects rules haproxy cannot serve (see {@link HaproxyRuleValidator}). CloudStack validates
     * only once the network has a router, so a udp rule created before the first router exists
     * fails later, at the router; here every rule of a network the virtual router balances is
     * checked.
     */
    @Override
    public void validateLoadBalancingRule(Network network, LoadBalancingRule rule) {
        if (canHandle(network, Service.LB)) {
            lbValidator.validate(rule);
        }
    }

    // ---- DHCP, DNS and user data: see VmDataOperations ----

    @Override
    public void addDhcpEntry(Network network, Nic nic, VirtualMachineProfile vm, DeployDestination destination) {
        vmData.addDhcpEntry(network, nic, vm);
    }

    @Override
    public void configDhcpSupportForSubnet(Network network, Nic nic, VirtualMachineProfile vm, DeployDestination destination) {
        vmData.configSubnet(Operation.CONFIG_DHCP_SUBNET, network, nic, Service.DHCP);
    }

    /** Removes the network's revoked IP aliases from its routers (the configuration lists them). */
    @Override
    public void removeDhcpSupportForSubnet(Network network) {
        vmData.removeSubnets(Operation.REMOVE_DHCP_SUBNET, network, Service.DHCP);
    }

    @Override
    public void removeDhcpEntry(Network network, Nic nic, VirtualMachineProfile vm) {
        vmData.removeDhcpEntry(network, nic, vm);
    }

    @Override
    public void addDnsEntry(Network network, Nic nic, VirtualMachineProfile vm, DeployDestination destination) {
        vmData.addDnsEntry(network, nic, vm);
    }

    @Override
    public void configDnsSupportForSubnet(Network network, Nic nic, VirtualMachineProfile vm, DeployDestination destination) {
        if (!canHandle(network, Service.DHCP)) {
            vmData.configSubnet(Operation.CONFIG_DNS_SUBNET, network, nic, Service.DNS);
        }
    }

    /** As {@link #removeDhcpSupportForSubnet}, unless the router is the network's DHCP provider (that call covers it). */
    @Override
    public void removeDnsSupportForSubnet(Network network) {
        if (!canHandle(network, Service.DHCP)) {
            vmData.removeSubnets(Operation.REMOVE_DNS_SUBNET, network, Service.DNS);
        }
    }

    @Override
    public void addPasswordAndUserdata(Network network, Nic nic, VirtualMachineProfile vm, DeployDestination destination) {
        vmData.addPasswordAndUserdata(network, nic, vm);
    }

    /**
     * Pushes the profile's password to every Running router. With no Running router nothing is
     * sent and nothing fails: the host controller keeps the password, which reaches the router in
     * the VM's profile at its next {@link #prepare} or in the network configuration at the router's
     * next start (CloudStack stores it encrypted in a VM detail for the same purpose).
     *
     * @throws InvalidParameterException naming {@code password} when the profile carries none
     */
    @Override
    public void savePassword(Network network, Nic nic, VirtualMachineProfile vm) {
        vmData.savePassword(network, nic, vm);
    }

    @Override
    public void saveUserData(Network network, Nic nic, VirtualMachineProfile vm) {
        vmData.saveUserData(network, nic, vm);
    }

    @Override
    public void saveSshKey(Network network, Nic nic, VirtualMachineProfile vm, String sshPublicKey) {
        vmData.saveSshKey(network, nic, vm, sshPublicKey);
    }

    /**
     * Rewrites the VM's data as placed on the destination host, so {@code hypervisor-host-name}
     * names it (CloudStack's {@code saveHypervisorHostname}).
     *
     * @throws InvalidParameterException naming {@code host_id} when the destination names no host
     */
    @Override
    public void saveHypervisorHostname(Network network, Nic nic, VirtualMachineProfile vm, DeployDestination destination) {
        Host host = destination.host().orElseThrow(() -> new InvalidParameterException("host_id",
                "the destination names no host for " + vm.vm().instanceName()));
        vmData.saveHypervisorHostname(network, nic, vm, host);
    }

    static boolean isUserVm(VirtualMachineProfile vm) {
        return vm.vm().type() == VirtualMachine.Type.USER;
    }

    // ---- remote-access VPN: see VpnOperations ----

    @Override
    public void applyVpnUsers(RemoteAccessVpn vpn, List<VpnUser> users) {
        vpnOperations.applyVpnUsers(vpn, users);
    }

    /** Starts the VPN server; every router of the network must be Running. */
    @Override
    public void startVpn(RemoteAccessVpn vpn, List<VpnUser> users) {
        vpnOperations.startVpn(vpn, users);
    }

    @Override
    public void stopVpn(RemoteAccessVpn vpn) {
        vpnOperations.stopVpn(vpn);
    }

    // ---- aggregated execution: see AggregationOperations ----

    /** @throws org.vrouter.api.error.ResourceUnavailableException when the network has no router */
    @Override
    public void prepareAggregatedExecution(Network network, DeployDestination destination) {
        aggregation.prepare(network, destination);
    }

    /** @throws org.vrouter.api.error.ResourceUnavailableException when the network has no router */
    @Override
    public void completeAggregatedExecution(Network network, DeployDestination destination) {
        aggregation.complete(network, destination);
    }

    @Override
    public void cleanupAggregatedExecution(Network network, DeployDestination destination) {
        aggregation.cleanup(network, destination);
    }
}
