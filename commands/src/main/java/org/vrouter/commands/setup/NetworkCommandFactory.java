package org.vrouter.commands.setup;

import java.util.List;

import org.vrouter.api.address.PublicIpAddress;
import org.vrouter.api.network.Network;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.rule.FirewallRule;
import org.vrouter.api.rule.LoadBalancingRule;
import org.vrouter.api.rule.NetworkAclItem;
import org.vrouter.api.rule.PortForwardingRule;
import org.vrouter.api.rule.StaticNat;
import org.vrouter.api.vpn.RemoteAccessVpn;
import org.vrouter.api.vpn.VpnUser;
import org.vrouter.commands.NetworkElementCommand;

/**
 * Builds the commands that put a network's addresses and rules on a router: the builders of
 * CloudStack's {@code CommandSetupHelper} that the start sequence needs. {@code core} implements it
 * ({@code SetupCommandFactory}, over its command setup helper); guru's {@code StartCommandPlanner}
 * decides which steps run, in which order, and with which rules (the synthetic default egress rule
 * included), so an implementation only turns the given values into commands.
 *
 * <p>Contract for every method: {@code router} carries its control address and its address in
 * {@code network} (the access details {@code router.ip}, {@code router.name},
 * {@code router.guest.ip}); rule and address lists are never empty (a VPN's user list may be); the
 * result is the commands in the order the router must run them, usually one, and every command
 * names {@code router} in its access details. Implementations are stateless and thread-safe;
 * invalid input is an {@link org.vrouter.api.error.InvalidParameterException}.
 */
public interface NetworkCommandFactory {
    /** IP association for the network's public addresses (CloudStack {@code createAssociateIPCommands}; VPC: per VLAN). */
    List<NetworkElementCommand> ipAssociation(DomainRouter router, Network network, List<PublicIpAddress> addresses);

    /** One direction and family of firewall rules: egress, ingress or IPv6 ({@code createFirewallRulesCommands}). */
    List<NetworkElementCommand> firewallRules(DomainRouter router, Network network, List<FirewallRule> rules);

    /** One-to-one NAT mappings ({@code createApplyStaticNatCommands}). */
    List<NetworkElementCommand> staticNats(DomainRouter router, Network network, List<StaticNat> staticNats);

    List<NetworkElementCommand> portForwardingRules(DomainRouter router, Network network, List<PortForwardingRule> rules);

    /** Public load-balancing rules with their destinations, stickiness and health checks (the haproxy configuration). */
    List<NetworkElementCommand> loadBalancingRules(DomainRouter router, Network network, List<LoadBalancingRule> rules);

    /** The remote-access VPN: its users, then the server ({@code createApplyVpnCommands}: ids {@code users}, {@code startVpn}). */
    List<NetworkElementCommand> remoteAccessVpn(DomainRouter router, Network network, RemoteAccessVpn vpn, List<VpnUser> users);

    /** A VPC tier's network ACL ({@code createNetworkACLsCommands}). */
    List<NetworkElementCommand> networkAcl(DomainRouter router, Network network, List<NetworkAclItem> items);

    /** The processes the router's monitor watches for this network's services ({@code createMonitorServiceCommand}). */
    List<NetworkElementCommand> monitorService(DomainRouter router, Network network);
}
