package org.vrouter.api.router;

import java.util.List;

import org.vrouter.api.address.PublicIpAddress;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.PrivateGateway;
import org.vrouter.api.network.Vpc;
import org.vrouter.api.route.StaticRoute;
import org.vrouter.api.rule.FirewallRule;
import org.vrouter.api.rule.LoadBalancingRule;
import org.vrouter.api.rule.NetworkAclItem;
import org.vrouter.api.rule.PortForwardingRule;
import org.vrouter.api.rule.StaticNat;

/**
 * Pushing addresses and rules to a network's routers (CloudStack's topology {@code applyXxx}
 * methods): the rule half of a {@link RouterManager}.
 *
 * <p>Every method follows one contract. The network's VIRTUAL_ROUTER routers are each handled by
 * state: Running routers get the commands; Stopped and Stopping routers are skipped, because a
 * start replays the whole configuration; a router in any other state is an
 * {@link org.vrouter.api.error.InvalidStateException}. No routers, or an empty list, means nothing
 * to do. A failed answer is a {@link org.vrouter.api.error.CommandFailedException}; a host that
 * cannot be reached is an {@link org.vrouter.api.error.AgentUnavailableException}, except that a
 * redundant router whose peer took the change is marked stop-pending instead. Lists hold the
 * changes (rules in state Add or Revoke) plus, where the router rebuilds a whole table, the active
 * rules too. Methods block until every router answered and are safe to call from several threads.
 */
public interface RuleApplier {
    /** Adds or removes public addresses on the routers (IP association; Releasing addresses are removed). */
    void applyIps(Network network, List<PublicIpAddress> ips);

    /**
     * Applies firewall rules (ingress and egress) with the network offering's egress default.
     * Implementations send the rules they are given: dropping CloudStack's lone System egress rule
     * (a list of just that rule under an allow-by-default offering; routers get it in their start
     * sequence) is the element's job, done once there.
     */
    void applyFirewallRules(Network network, List<FirewallRule> rules);

    void applyPortForwardingRules(Network network, List<PortForwardingRule> rules);

    void applyStaticNats(Network network, List<StaticNat> staticNats);

    /** Applies load-balancing rules; routers regenerate their haproxy configuration from the full list. */
    void applyLoadBalancingRules(Network network, List<LoadBalancingRule> rules);

    /** Replaces the ACL of a VPC tier with {@code items}. */
    void applyNetworkAcls(Network network, List<NetworkAclItem> items);

    /** Applies static routes to the VPC's routers. */
    void applyStaticRoutes(Vpc vpc, List<StaticRoute> routes);

    /**
     * Puts a private gateway on the VPC's Running routers ({@code add}: its NIC plugged when
     * missing, the private address associated, its ACL applied) or takes it off (address removed,
     * NIC unplugged). Stopped routers are skipped: a start replays
     * {@link NetworkConfigurationSource#privateGateways}.
     */
    void applyPrivateGateway(PrivateGateway gateway, boolean add);

    /** Replaces the ACL of a private gateway on the Running routers that carry it. */
    void applyPrivateGatewayAcl(PrivateGateway gateway);
}
