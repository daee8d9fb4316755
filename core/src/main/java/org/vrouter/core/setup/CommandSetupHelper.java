package org.vrouter.core.setup;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.vrouter.api.address.IpAlias;
import org.vrouter.api.address.PublicIpAddress;
import org.vrouter.api.command.Commands;
import org.vrouter.api.dc.Zone;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.PrivateGateway;
import org.vrouter.api.network.Vpc;
import org.vrouter.api.route.StaticRoute;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.NetworkConfiguration;
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
import org.vrouter.commands.AggregationControlCommand;
import org.vrouter.commands.CheckRouterCommand;
import org.vrouter.commands.CheckS2SVpnConnectionsCommand;
import org.vrouter.commands.CheckSshCommand;
import org.vrouter.commands.GetDomRVersionCommand;
import org.vrouter.commands.IpAssocCommand;
import org.vrouter.commands.IpAssocVpcCommand;
import org.vrouter.commands.LoadBalancerConfigCommand;
import org.vrouter.commands.NetworkElementCommand;
import org.vrouter.commands.NetworkUsageCommand;
import org.vrouter.commands.PlugNicCommand;
import org.vrouter.commands.RemoteAccessVpnCfgCommand;
import org.vrouter.commands.SavePasswordCommand;
import org.vrouter.commands.SetDhcpConfigCommand;
import org.vrouter.commands.SetFirewallRulesCommand;
import org.vrouter.commands.SetIpv6FirewallRulesCommand;
import org.vrouter.commands.SetMonitorServiceCommand;
import org.vrouter.commands.SetNetworkACLCommand;
import org.vrouter.commands.SetPortForwardingRulesCommand;
import org.vrouter.commands.SetStaticNatRulesCommand;
import org.vrouter.commands.SetStaticRouteCommand;
import org.vrouter.commands.SetupGuestNetworkCommand;
import org.vrouter.commands.Site2SiteVpnCfgCommand;
import org.vrouter.commands.UnPlugNicCommand;
import org.vrouter.commands.VmDataCommand;
import org.vrouter.commands.VpnUsersCfgCommand;

/**
 * Builds router commands from domain objects (CloudStack's {@code CommandSetupHelper}): one
 * {@code createXxx} per command, with the access details of management-side §11.2 filled in, and
 * {@link #createStartCommands} for the batch a freshly booted router gets. Used by the router
 * manager and by {@code VirtualRouterGuru.finalizeCommandsOnStart}.
 *
 * <p>Pure and stateless: no I/O, no clock, nothing sent; the constructor takes only configuration
 * values. Thread-safe. Every method either returns valid commands or throws
 * {@link org.vrouter.api.error.InvalidParameterException} naming the field: a router without a
 * control address, a network the router does not serve, a NIC of another network, or a value the
 * command itself refuses (an empty rule list where the command needs rules, a udp load balancer).
 * Callers skip empty lists, as CloudStack's appliers do.
 *
 * <p><b>CloudStack behaviour kept</b> (the wire and stock routers depend on it):
 * <ul>
 *   <li>IP association: grouped by VLAN, source NAT first, {@code first_i_p} true up to the first
 *       added address, and on isolated/shared networks that first address also sent as
 *       {@code source_nat} (the router makes it the interface's primary address); VPC routers
 *       also get {@code SetSourceNatCommand}, which the router ignores;</li>
 *   <li>the start egress firewall leads with a System rule under an allow-by-default offering,
 *       so {@code firewall.egress.default} reads {@code System};</li>
 *   <li>ingress firewall rules carry {@code default_egress_policy = false}, egress rules the
 *       offering's default; every rule carries the guest CIDR;</li>
 *   <li>no monitor command for redundant offerings; monitoring off unless configured on;</li>
 *   <li>VM data in the order of §11.3, {@code public-ipv4} as CloudStack chooses it;</li>
 *   <li>passwords only for the default NIC and only when the profile carries one.</li>
 * </ul>
 *
 * <p><b>CloudStack defects fixed</b> (§15):
 * <ul>
 *   <li>DHCP default DNS of a redundant offering is the network gateway (the VRRP address, as
 *       CloudStack's {@code findGatewayIp} intends), not the VM's own address;</li>
 *   <li>at start, public addresses are associated whenever the router provides a service that
 *       uses them (CloudStack: only when it provides Firewall);</li>
 *   <li>{@code network.public.last.ip} is true only when every listed address of the VLAN is being
 *       removed (CloudStack reads rule state from its database);</li>
 *   <li>a VLAN's router NIC MAC is filled in for addresses that lack one;</li>
 *   <li>a password a router never received goes out again at start (api contract of
 *       {@code VmDataApplier.savePassword}).</li>
 * </ul>
 * Not built (no command or no domain data yet): BGP peers, user-data details and
 * the hypervisor host name in VM metadata.
 */
public final class CommandSetupHelper {
    private final RuleCommands rules;
    private final VmCommands vms;
    private final RouterCommands routers;
    private final StartSequence start;
    private final SetupCommandFactory commandFactory;

    /** A helper with CloudStack's default settings. */
    public CommandSetupHelper() {
        this(CommandSetupSettings.defaults());
    }

    public CommandSetupHelper(CommandSetupSettings settings) {
        requireNonNull(settings, "settings is null");
        this.rules = new RuleCommands(settings);
        this.vms = new VmCommands(settings);
        this.routers = new RouterCommands(settings);
        this.start = new StartSequence(rules, vms, routers, settings);
        this.commandFactory = new SetupCommandFactory(rules, vms, routers);
    }

    /**
     * These builders behind the factory interfaces of {@code org.vrouter.commands.setup}, for the
     * guru's start-batch planner: {@code new RouterGuru(settings, allocator, factory, factory)}.
     */
    public SetupCommandFactory commandFactory() {
        return commandFactory;
    }

    // ---- router

    /** {@code checkSsh}: the router's control address on port 3922. */
    public CheckSshCommand createCheckSshCommand(DomainRouter router) {
        return RouterCommands.checkSsh(router);
    }

    /** {@code getDomRVersion}: IP, NAME. */
    public GetDomRVersionCommand createGetDomRVersionCommand(DomainRouter router) {
        return RouterCommands.version(router);
    }

    /** {@code CheckRouterCommand}, the VRRP state query of a redundant router: IP, NAME. */
    public CheckRouterCommand createCheckRouterCommand(DomainRouter router) {
        return new CheckRouterCommand(Envelope.router(router).build());
    }

    /** {@code CheckS2SVpnConnectionsCommand}, the tunnel query of a VPC router for {@code peers} (not empty): IP, NAME. */
    public CheckS2SVpnConnectionsCommand createCheckS2SVpnConnectionsCommand(DomainRouter router, List<IpAddress> peers) {
        return new CheckS2SVpnConnectionsCommand(Envelope.router(router).build(), peers);
    }

    /** Start or finish of the router's batch for {@code network}: IP, NAME, GUEST_IP. */
    public AggregationControlCommand createAggregationCommand(DomainRouter router, Network network, AggregationControlCommand.Action action) {
        return RouterCommands.aggregation(router, network, requireNonNull(action, "action is null"));
    }

    /** {@code monitor}: IP, GUEST_IP, NAME; empty for a redundant offering. */
    public Optional<SetMonitorServiceCommand> createMonitorServiceCommand(DomainRouter router, Network network) {
        return routers.monitor(router, network);
    }

    /** {@code setupguestnetwork} on the router's NIC in a VPC tier: IP, NAME and the details the command derives from the NIC. */
    public SetupGuestNetworkCommand createSetupGuestNetworkCommand(DomainRouter router, Network network, Nic routerNic, boolean add) {
        return RouterCommands.setupGuestNetwork(router, network, routerNic, add);
    }

    // ---- addresses

    /**
     * {@code IPAssocCommand}, one per public VLAN: IP, GUEST_IP, NAME, ZONE, NETWORK_PUB_LAST_IP.
     *
     * @param ips the network's addresses to add or (state Releasing) remove; not empty. The wire
     *     needs each address's router NIC MAC: give it on at least one address of each VLAN (it is
     *     shared with the others), or use the start batch, which takes it from the router's profile
     */
    public List<IpAssocCommand> createIpAssociationCommands(DomainRouter router, Network network, List<PublicIpAddress> ips) {
        return IpAssociations.forNetwork(router, network, ips, Map.of());
    }

    /** Hot-plugs {@code nic} into the running VPC router ({@code PlugNicCommand}); {@code network} is the tier for a guest NIC. */
    public PlugNicCommand createPlugNicCommand(DomainRouter router, Nic nic, Optional<Network> network) {
        return NicPlugging.plug(router, nic, network);
    }

    /** Removes {@code nic} from the running VPC router ({@code UnPlugNicCommand}). */
    public UnPlugNicCommand createUnplugNicCommand(DomainRouter router, Nic nic, Optional<Network> network) {
        return NicPlugging.unplug(router, nic, network);
    }

    /** An isolated router's {@code NetworkUsageCommand} (id {@code networkUsage}): IP, NAME. */
    public NetworkUsageCommand createNetworkUsageCommand(DomainRouter router, NetworkUsageCommand.Option option) {
        return RouterCommands.networkUsage(router, option);
    }

    /** A VPC router's {@code NetworkUsageCommand} for the interface of {@code publicIp}: IP, NAME. */
    public NetworkUsageCommand createVpcNetworkUsageCommand(DomainRouter router, Vpc vpc, IpAddress publicIp, NetworkUsageCommand.Option option) {
        return RouterCommands.vpcNetworkUsage(router, vpc, publicIp, option);
    }

    /**
     * A shared network's IP aliases: {@code DeleteIpAliasCommand} (with revoked aliases, id
     * {@code deleteIpalias}) or {@code CreateIpAliasCommand} (id {@code ipalias}), then
     * {@code DnsMasqConfigCommand} (id {@code dnsMasqConfig}); IP, NAME, GUEST_IP, ZONE.
     */
    public List<NetworkElementCommand> createIpAliasCommands(DomainRouter router, Network network, List<IpAlias> aliases) {
        return SubnetCommands.aliases(router, network, aliases);
    }

    /** The router's NIC on a private gateway's VLAN, as device {@code ethN}: the private address, a MAC derived from it. */
    public Nic createPrivateGatewayNic(PrivateGateway gateway, int deviceId) {
        return PrivateGatewayCommands.nic(gateway, deviceId);
    }

    /** The private gateway's address ({@code IPAssocVpcCommand} with {@code is_private_gateway}): IP, NAME, ZONE. */
    public IpAssocVpcCommand createPrivateGatewayIpCommand(DomainRouter router, Vpc vpc, PrivateGateway gateway, Nic nic, boolean add) {
        return PrivateGatewayCommands.address(router, vpc, gateway, nic, add);
    }

    /** The private gateway's ACL on its NIC ({@code SetNetworkACLCommand}, {@code vpc.gateway.private}): IP, NAME, ZONE. */
    public SetNetworkACLCommand createPrivateGatewayAclCommand(DomainRouter router, Vpc vpc, PrivateGateway gateway, Nic nic) {
        return PrivateGatewayCommands.acl(router, vpc, gateway, nic);
    }

    /** {@code IPAssocVpcCommand} per VLAN and {@code SetSourceNatCommand} (IP, NAME, ZONE) for a VPC router. */
    public VpcIpAssociation createVpcIpAssociationCommands(DomainRouter router, Vpc vpc, List<PublicIpAddress> ips) {
        RuleCommands.requireRouterOf(router, vpc);
        return IpAssociations.forVpc(router, vpc.zone(), vpc.accountId(), OptionalInt.empty(), ips, Map.of());
    }

    // ---- rules

    /** Firewall rules as given (ingress and egress): IP, GUEST_IP, NAME, ZONE, FIREWALL_EGRESS_DEFAULT. */
    public SetFirewallRulesCommand createFirewallRulesCommand(DomainRouter router, Network network, List<FirewallRule> rules) {
        return this.rules.firewall(router, network, rules);
    }

    /** The egress rules a starting router gets: a System allow-all rule first when the offering's default is allow. */
    public SetFirewallRulesCommand createEgressFirewallCommand(DomainRouter router, Network network, List<FirewallRule> egressRules) {
        return rules.egressOnStart(router, network, egressRules);
    }

    /** The IPv6 firewall of a network with an IPv6 prefix, without the System rule (add it with the start batch). */
    public SetIpv6FirewallRulesCommand createIpv6FirewallRulesCommand(DomainRouter router, Network network, List<FirewallRule> rules) {
        return this.rules.ipv6Firewall(router, network, rules, false);
    }

    /** Port forwarding (the VPC variant for a tier): IP, GUEST_IP, NAME, ZONE. */
    public SetPortForwardingRulesCommand createPortForwardingRulesCommand(DomainRouter router, Network network,
            List<PortForwardingRule> rules) {
        return this.rules.portForwarding(router, network, rules);
    }

    /** One-to-one static NAT: IP, GUEST_IP, NAME, ZONE. */
    public SetStaticNatRulesCommand createStaticNatCommand(DomainRouter router, Network network, List<StaticNat> staticNats) {
        return rules.staticNats(router, network, staticNats);
    }

    /** Static NAT rules by protocol and ports, to the VMs the addresses in {@code ips} are static-NATed to. */
    public SetStaticNatRulesCommand createStaticNatRulesCommand(DomainRouter router, Network network, List<FirewallRule> rules,
            List<PublicIpAddress> ips) {
        return this.rules.staticNatRules(router, network, rules, ips);
    }

    /** The load balancer of an isolated or shared network: IP, GUEST_IP, NAME, ZONE. */
    public LoadBalancerConfigCommand createLoadBalancerCommand(DomainRouter router, Network network, List<LoadBalancingRule> rules) {
        return this.rules.loadBalancer(router, network, rules, Optional.empty());
    }

    /** The load balancer of a VPC tier, naming the router's NIC there. */
    public LoadBalancerConfigCommand createLoadBalancerCommand(DomainRouter router, Network network, List<LoadBalancingRule> rules,
            Nic routerNic) {
        return this.rules.loadBalancer(router, network, rules, Optional.of(routerNic));
    }

    /** A tier's or private gateway's ACL: IP, NAME, ZONE, and GUEST_IP, GUEST_VLAN_TAG [, VPC_PRIVATE_GATEWAY] from the NIC. */
    public SetNetworkACLCommand createNetworkAclCommand(DomainRouter router, Network network, Nic routerNic, List<NetworkAclItem> items,
            boolean privateGateway) {
        return rules.networkAcl(router, network, routerNic, items, privateGateway);
    }

    /** The VPC's static routes: IP, NAME, ZONE. */
    public SetStaticRouteCommand createStaticRouteCommand(DomainRouter router, Vpc vpc, List<StaticRoute> routes) {
        return rules.staticRoutes(router, vpc, routes);
    }

    // ---- VMs

    /** {@code dhcp}: the entry of {@code nic} (or its removal): IP, NAME, GUEST_IP, ZONE. */
    public SetDhcpConfigCommand createDhcpEntryCommand(DomainRouter router, Network network, VirtualMachineProfile vm, Nic nic,
            boolean remove) {
        return vms.dhcpEntry(router, network, vm, nic, remove);
    }

    /**
     * {@code vmdata}: IP, GUEST_IP, NAME, ZONE.
     *
     * @param staticNatIp the public address static-NATed to the VM, if any (its {@code public-ipv4})
     */
    public VmDataCommand createVmDataCommand(DomainRouter router, Network network, VirtualMachineProfile vm, Nic nic,
            Optional<IpAddress> staticNatIp) {
        return vms.vmData(router, network, vm, nic, staticNatIp);
    }

    /** {@code password}: present only when the profile carries a password and {@code nic} is the default NIC. */
    public Optional<SavePasswordCommand> createPasswordCommand(DomainRouter router, Network network, VirtualMachineProfile vm, Nic nic) {
        return vms.password(router, network, vm, nic);
    }

    // ---- VPN

    /** {@code users} of a network's VPN: ACCOUNT_ID, IP, NAME, ZONE. */
    public VpnUsersCfgCommand createVpnUsersCommand(DomainRouter router, Network network, List<VpnUser> users) {
        Envelope.requireServes(router, network);
        return VpnCommands.users(router, network.zone(), network.accountId(), users);
    }

    /** {@code users} of a VPC's VPN: ACCOUNT_ID, IP, NAME, ZONE. */
    public VpnUsersCfgCommand createVpnUsersCommand(DomainRouter router, Vpc vpc, List<VpnUser> users) {
        RuleCommands.requireRouterOf(router, vpc);
        return VpnCommands.users(router, vpc.zone(), vpc.accountId(), users);
    }

    /** {@code startVpn}: the L2TP/IPsec server on ({@code create}) or off: IP, NAME, ZONE. */
    public RemoteAccessVpnCfgCommand createRemoteAccessVpnCommand(DomainRouter router, Zone zone, RemoteAccessVpn vpn, boolean create) {
        return VpnCommands.remoteAccess(router, requireNonNull(zone, "zone is null"), requireNonNull(vpn, "vpn is null"), create);
    }

    /** {@code applyS2SVpn}: IP, NAME, ZONE. */
    public Site2SiteVpnCfgCommand createSite2SiteVpnCommand(DomainRouter router, Vpc vpc, Site2SiteVpnConnection connection,
            boolean create) {
        return VpnCommands.site2Site(router, vpc, connection, create);
    }

    // ---- start

    /**
     * The start batch of a router of isolated or shared networks, reprogramming everything (see
     * {@link #createStartCommands(DomainRouter, VirtualMachineProfile, List, boolean)}).
     */
    public Commands createStartCommands(DomainRouter router, List<NetworkConfiguration> networks) {
        return start.commands(router, Optional.empty(), networks, true);
    }

    /**
     * The batch a freshly booted router gets, stopping at the first failure: {@code checkSsh},
     * {@code getDomRVersion}, then per network in the given order (VPC tiers first get
     * {@code setupguestnetwork} on the router's NIC from {@code routerProfile}): aggregation start;
     * when {@code reprogram}: IP associations, egress firewall, IPv6 firewall, static NAT,
     * ingress firewall, port forwarding, static NAT rules, VPN users and server, load balancer,
     * the tier's ACL, monitor; then DHCP entries of all VMs, password and VM data per VM;
     * aggregation finish. Each part only where the router provides the service and there is
     * something to send.
     *
     * @param routerProfile the router's profile, whose NICs give public NIC MACs and VPC tier NICs
     * @param reprogram CloudStack's {@code ReProgramGuestNetworks}; false replays only DHCP and VM data
     */
    public Commands createStartCommands(DomainRouter router, VirtualMachineProfile routerProfile, List<NetworkConfiguration> networks,
            boolean reprogram) {
        return start.commands(router, Optional.of(requireNonNull(routerProfile, "routerProfile is null")), networks, reprogram);
    }
}
