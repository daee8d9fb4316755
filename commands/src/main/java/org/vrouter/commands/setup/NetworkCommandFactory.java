package org.vrouter.commands.setup;

import java.util.List;

import org.vrouter.api.address.IpAlias;
import org.vrouter.api.address.PublicIpAddress;
import org.vrouter.api.network.Network;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.rule.FirewallRule;
import org.vrouter.api.rule.LoadBalancingRule;
import org.vrouter.api.rule.NetworkAclItem;
import org.vrouter.api.rule.PortForwardingRule;
import org.vrouter.api.rule.StaticNat;
import org.vrouter.api.vm.Nic;
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

    /**
     * A VPC tier's network ACL on the router's NIC in the tier, which the ACL command names. Default:
     * the NIC-less variant.
     */
    default List<NetworkElementCommand> networkAcl(DomainRouter router, Network network, Nic routerNic, List<NetworkAclItem> items) {
        return networkAcl(router, network, items);
    }

    /**
     * A VPC tier's guest network on the router's NIC there ({@code createSetupGuestNetworkCommand},
     * id {@code setupguestnetwork}), sent once the NIC is plugged.
     *
     * @throws UnsupportedOperationException by default: the factory builds no VPC tier commands
     */
    default List<NetworkElementCommand> setupGuestNetwork(DomainRouter router, Network network, Nic routerNic) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " builds no guest network set-up for VPC tiers");
    }

    /**
     * A shared network's IP aliases (CloudStack's {@code createIpAlias} / {@code createDeleteIpAliasCommand}
     * and {@code configDnsMasq}): the alias command, then the dnsmasq subnet list. {@code aliases} is never empty.
     *
     * @throws UnsupportedOperationException by default: the factory builds no IP alias commands
     */
    default List<NetworkElementCommand> ipAliases(DomainRouter router, Network network, List<IpAlias> aliases) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " builds no IP alias commands");
    }

    /** The processes the router's monitor watches for this network's services ({@code createMonitorServiceCommand}). */
    List<NetworkElementCommand> monitorService(DomainRouter router, Network network);
}
