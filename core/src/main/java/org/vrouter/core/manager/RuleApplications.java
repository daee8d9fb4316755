package org.vrouter.core.manager;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.vrouter.api.address.PublicIpAddress;
import org.vrouter.api.command.Command;
import org.vrouter.api.command.Commands;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.error.ResourceUnavailableException;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.PrivateGateway;
import org.vrouter.api.network.Vpc;
import org.vrouter.api.route.StaticRoute;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.NetworkConfigurationSource;
import org.vrouter.api.router.RuleApplier;
import org.vrouter.api.rule.FirewallRule;
import org.vrouter.api.rule.LoadBalancingRule;
import org.vrouter.api.rule.NetworkAclItem;
import org.vrouter.api.rule.PortForwardingRule;
import org.vrouter.api.rule.Purpose;
import org.vrouter.api.rule.StaticNat;
import org.vrouter.api.vm.Nic;
import org.vrouter.commands.CommandIds;
import org.vrouter.core.setup.CommandSetupHelper;

/**
 * The {@link RuleApplier} half of {@link RouterManagerImpl}: each method builds the commands with
 * the {@link CommandSetupHelper} for every Running router of the network (or VPC) and sends them
 * through {@link RouterDispatch}, under {@link Commands.OnError#CONTINUE} as CloudStack's rule
 * appliers do (management-side §5.2). An empty list sends nothing.
 */
final class RuleApplications implements RuleApplier {
    private final RouterOperations operations;
    private final RouterDispatch dispatch;
    private final CommandSetupHelper helper;
    private final NetworkConfigurationSource source;
    private final RouterRuntime runtime;

    RuleApplications(RouterOperations operations, RouterDispatch dispatch, CommandSetupHelper helper, NetworkConfigurationSource source,
            RouterRuntime runtime) {
        this.operations = requireNonNull(operations, "operations is null");
        this.dispatch = requireNonNull(dispatch, "dispatch is null");
        this.helper = requireNonNull(helper, "helper is null");
        this.source = requireNonNull(source, "source is null");
        this.runtime = requireNonNull(runtime, "runtime is null");
    }

    /** Addresses carry the router's public NIC MAC on their VLAN when the router's profile is known. */
    @Override
    public void applyIps(Network network, List<PublicIpAddress> ips) {
        if (ips.isEmpty()) {
            return;
        }
        List<DomainRouter> routers = network.isVpcTier() ? operations.vpcRouters(network.vpcId().getAsLong()) : operations.routers(network.id());
        dispatch.apply("ip association", routers, router -> {
            List<PublicIpAddress> withMacs = runtime.profile(router.id())
                    .map(profile -> RouterVm.withRouterMacs(ips, RouterVm.publicMacs(profile)))
                    .orElse(ips);
            return Batches.of(Commands.OnError.CONTINUE, network.isVpcTier() ? CommandIds.IP_ASSOC_VPC : CommandIds.IP_ASSOC,
                    helper.commandFactory().ipAssociation(router, network, withMacs));
        });
    }

    /**
     * Firewall rules of purpose Firewall in one {@code SetFirewallRulesCommand}, Ipv6Firewall in one
     * {@code SetIpv6FirewallRulesCommand}, StaticNat in one {@code SetStaticNatRulesCommand} (to
     * the VMs the network's addresses are static-NATed to).
     *
     * @throws InvalidParameterException naming {@code rules[i].purpose} for a rule another method
     *     applies (port forwarding, load balancing, VPN, ACL)
     */
    @Override
    public void applyFirewallRules(Network network, List<FirewallRule> rules) {
        Map<Purpose, List<FirewallRule>> byPurpose = byPurpose(rules);
        if (byPurpose.isEmpty()) {
            return;
        }
        List<PublicIpAddress> ips = byPurpose.containsKey(Purpose.STATIC_NAT) ? source.load(network.id()).publicIps() : List.of();
        dispatch.apply("firewall rules", operations.routers(network.id()), router -> {
            Commands.Builder batch = Commands.builder(Commands.OnError.CONTINUE);
            byPurpose.forEach((purpose, group) -> batch.add("firewall:" + purpose.wireName(), switch (purpose) {
                case IPV6_FIREWALL -> helper.createIpv6FirewallRulesCommand(router, network, group);
                case STATIC_NAT -> helper.createStaticNatRulesCommand(router, network, group, ips);
                default -> helper.createFirewallRulesCommand(router, network, group);
            }));
            return batch.build();
        });
    }

    private static Map<Purpose, List<FirewallRule>> byPurpose(List<FirewallRule> rules) {
        Map<Purpose, List<FirewallRule>> groups = new EnumMap<>(Purpose.class);
        for (int i = 0; i < rules.size(); i++) {
            Purpose purpose = rules.get(i).purpose();
            if (purpose != Purpose.FIREWALL && purpose != Purpose.IPV6_FIREWALL && purpose != Purpose.STATIC_NAT) {
                throw new InvalidParameterException("rules[" + i + "].purpose", "is applied with its own method, not as a firewall rule",
                        purpose.wireName());
            }
            groups.computeIfAbsent(purpose, key -> new ArrayList<>()).add(rules.get(i));
        }
        return groups;
    }

    @Override
    public void applyPortForwardingRules(Network network, List<PortForwardingRule> rules) {
        applyOne(network, "port forwarding rules", "portForwarding", rules.isEmpty(),
                router -> helper.createPortForwardingRulesCommand(router, network, rules));
    }

    @Override
    public void applyStaticNats(Network network, List<StaticNat> staticNats) {
        applyOne(network, "static NATs", "staticNat", staticNats.isEmpty(), router -> helper.createStaticNatCommand(router, network, staticNats));
    }

    /** A VPC tier's load balancer names the router's NIC in the tier. */
    @Override
    public void applyLoadBalancingRules(Network network, List<LoadBalancingRule> rules) {
        applyOne(network, "load balancing rules", "loadBalancer", rules.isEmpty(), router -> network.isVpcTier()
                ? helper.createLoadBalancerCommand(router, network, rules, tierNic(router, network))
                : helper.createLoadBalancerCommand(router, network, rules));
    }

    /**
     * {@inheritDoc}
     *
     * @throws ResourceUnavailableException for a router whose NIC in the tier this manager does not
     *     know (a router started before the manager: restart it)
     */
    @Override
    public void applyNetworkAcls(Network network, List<NetworkAclItem> items) {
        applyOne(network, "network ACL", "networkAcl", items.isEmpty(),
                router -> helper.createNetworkAclCommand(router, network, tierNic(router, network), items, false));
    }

    @Override
    public void applyStaticRoutes(Vpc vpc, List<StaticRoute> routes) {
        if (routes.isEmpty()) {
            return;
        }
        dispatch.apply("static routes", operations.vpcRouters(vpc.id()),
                router -> Commands.of("staticRoutes", helper.createStaticRouteCommand(router, vpc, routes)));
    }

    @Override
    public void applyPrivateGateway(PrivateGateway gateway, boolean add) {
        operations.applyPrivateGateway(gateway, add);
    }

    @Override
    public void applyPrivateGatewayAcl(PrivateGateway gateway) {
        operations.applyPrivateGatewayAcl(gateway);
    }

    private void applyOne(Network network, String what, String id, boolean nothing, Function<DomainRouter, Command> build) {
        if (nothing) {
            return;
        }
        dispatch.apply(what, operations.routers(network.id()), router -> Batches.of(Commands.OnError.CONTINUE, id, List.of(build.apply(router))));
    }

    private Nic tierNic(DomainRouter router, Network network) {
        return runtime.profile(router.id()).flatMap(profile -> profile.nicIn(network.id())).orElseThrow(() -> ResourceUnavailableException
                .forRouter(router.instanceName(), "has no known NIC in VPC tier " + network.id() + " (started before this manager? restart it)"));
    }
}
