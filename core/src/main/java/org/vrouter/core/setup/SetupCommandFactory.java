package org.vrouter.core.setup;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vrouter.api.address.IpAlias;
import org.vrouter.api.address.PublicIpAddress;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.network.Network;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.rule.FirewallRule;
import org.vrouter.api.rule.LoadBalancingRule;
import org.vrouter.api.rule.NetworkAclItem;
import org.vrouter.api.rule.PortForwardingRule;
import org.vrouter.api.rule.Purpose;
import org.vrouter.api.rule.StaticNat;
import org.vrouter.api.vm.Nic;
import org.vrouter.api.vm.VirtualMachineProfile;
import org.vrouter.api.vpn.RemoteAccessVpn;
import org.vrouter.api.vpn.VpnUser;
import org.vrouter.commands.NetworkElementCommand;
import org.vrouter.commands.setup.NetworkCommandFactory;
import org.vrouter.commands.setup.VmCommandFactory;

/**
 * The command builders of {@link CommandSetupHelper} behind the factory interfaces the guru's
 * start-batch planner fills its steps with. A host controller wires it once:
 * {@code new RouterGuru(settings, allocator, factory, factory)} with
 * {@code factory = helper.commandFactory()}. The planner chooses steps, order and rules (the System
 * egress rule included); this class only turns what it is given into commands, with the same access
 * details as the helper's {@code createXxx} methods.
 *
 * <p>Limits of what the interfaces carry, documented where they bite:
 * <ul>
 *   <li>IP association has no router profile, so an address's VIF MAC is the one the address
 *       carries (the router manager fills it in from the router's public NICs before the batch is
 *       planned);</li>
 *   <li>a VPC tier's ACL names the router's NIC in the tier: the variant without the NIC refuses,
 *       the planner uses the one with it (the NIC is planned by the guru and plugged after boot).</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class SetupCommandFactory implements NetworkCommandFactory, VmCommandFactory {
    private final RuleCommands rules;
    private final VmCommands vms;
    private final RouterCommands routers;

    SetupCommandFactory(RuleCommands rules, VmCommands vms, RouterCommands routers) {
        this.rules = requireNonNull(rules, "rules is null");
        this.vms = requireNonNull(vms, "vms is null");
        this.routers = requireNonNull(routers, "routers is null");
    }

    /** A factory with {@code settings}; {@link CommandSetupHelper#commandFactory()} gives one with the helper's. */
    public SetupCommandFactory(CommandSetupSettings settings) {
        this(new RuleCommands(requireNonNull(settings, "settings is null")), new VmCommands(settings), new RouterCommands(settings));
    }

    /** Isolated and shared networks: one {@code IpAssocCommand} per VLAN; VPC tiers: {@code IpAssocVpcCommand} per VLAN, then {@code SetSourceNatCommand}. */
    @Override
    public List<NetworkElementCommand> ipAssociation(DomainRouter router, Network network, List<PublicIpAddress> addresses) {
        if (!network.isVpcTier()) {
            return List.copyOf(IpAssociations.forNetwork(router, network, addresses, Map.of()));
        }
        Envelope.requireServes(router, network);
        VpcIpAssociation association = IpAssociations.forVpc(router, network.zone(), network.accountId(), network.publicMtu(), addresses,
                Map.of());
        List<NetworkElementCommand> commands = new ArrayList<>(association.associations());
        association.sourceNat().ifPresent(commands::add);
        return List.copyOf(commands);
    }

    /** IPv6 rules (purpose Ipv6Firewall, the planner's System rule included) become {@code SetIpv6FirewallRulesCommand}; the rest {@code SetFirewallRulesCommand}. */
    @Override
    public List<NetworkElementCommand> firewallRules(DomainRouter router, Network network, List<FirewallRule> firewallRules) {
        if (firewallRules.stream().allMatch(rule -> rule.purpose() == Purpose.IPV6_FIREWALL)) {
            return List.of(rules.ipv6Firewall(router, network, firewallRules, false));
        }
        return List.of(rules.firewall(router, network, firewallRules));
    }

    @Override
    public List<NetworkElementCommand> staticNats(DomainRouter router, Network network, List<StaticNat> staticNats) {
        return List.of(rules.staticNats(router, network, staticNats));
    }

    @Override
    public List<NetworkElementCommand> portForwardingRules(DomainRouter router, Network network, List<PortForwardingRule> portForwardingRules) {
        return List.of(rules.portForwarding(router, network, portForwardingRules));
    }

    @Override
    public List<NetworkElementCommand> loadBalancingRules(DomainRouter router, Network network, List<LoadBalancingRule> loadBalancingRules) {
        return List.of(rules.loadBalancer(router, network, loadBalancingRules, Optional.empty()));
    }

    /** Users (when there are any), then the server: on unless the VPN is being removed. */
    @Override
    public List<NetworkElementCommand> remoteAccessVpn(DomainRouter router, Network network, RemoteAccessVpn vpn, List<VpnUser> users) {
        Envelope.requireServes(router, network);
        List<NetworkElementCommand> commands = new ArrayList<>(2);
        if (!users.isEmpty()) {
            commands.add(VpnCommands.users(router, network.zone(), network.accountId(), users));
        }
        commands.add(VpnCommands.remoteAccess(router, network.zone(), vpn, vpn.state() != RemoteAccessVpn.State.REMOVED));
        return List.copyOf(commands);
    }

    /**
     * Always refuses: the ACL command names the router's NIC in the tier; use
     * {@link #networkAcl(DomainRouter, Network, Nic, List)}.
     *
     * @throws InvalidParameterException naming {@code nic} always
     */
    @Override
    public List<NetworkElementCommand> networkAcl(DomainRouter router, Network network, List<NetworkAclItem> items) {
        throw new InvalidParameterException("nic", router.displayName() + ": the ACL of VPC tier " + network.id()
                + " names the router's NIC in the tier, and none was given (is the tier plugged?)");
    }

    @Override
    public List<NetworkElementCommand> networkAcl(DomainRouter router, Network network, Nic routerNic, List<NetworkAclItem> items) {
        return List.of(rules.networkAcl(router, network, routerNic, items, false));
    }

    @Override
    public List<NetworkElementCommand> setupGuestNetwork(DomainRouter router, Network network, Nic routerNic) {
        return List.of(RouterCommands.setupGuestNetwork(router, network, routerNic, true));
    }

    @Override
    public List<NetworkElementCommand> ipAliases(DomainRouter router, Network network, List<IpAlias> aliases) {
        return SubnetCommands.aliases(router, network, aliases);
    }

    @Override
    public List<NetworkElementCommand> monitorService(DomainRouter router, Network network) {
        return routers.monitor(router, network).<List<NetworkElementCommand>>map(List::of).orElse(List.of());
    }

    @Override
    public List<NetworkElementCommand> dhcpEntries(DomainRouter router, Network network, List<VirtualMachineProfile> guests) {
        return List.of(vms.dhcpEntries(router, network, guests));
    }

    /** Per VM with an IPv4 address in the network: its password (when one is pending on its default NIC), then its VM data. */
    @Override
    public List<NetworkElementCommand> vmData(DomainRouter router, Network network, List<VirtualMachineProfile> guests) {
        return vmData(router, network, guests, Map.of());
    }

    /** As the variant without static NATs; a static-NATed VM's {@code public-ipv4} is its own public address. */
    @Override
    public List<NetworkElementCommand> vmData(DomainRouter router, Network network, List<VirtualMachineProfile> guests,
            Map<IpAddress, IpAddress> staticNatIps) {
        List<NetworkElementCommand> commands = new ArrayList<>();
        for (VirtualMachineProfile vm : guests) {
            Nic nic = vm.nicIn(network.id()).orElseThrow(() -> new InvalidParameterException("vms",
                    "has no NIC in network " + network.id(), vm.vm().instanceName()));
            if (nic.ipAddress().isEmpty()) {
                continue; // an IPv6-only NIC has no metadata server entry
            }
            vms.password(router, network, vm, nic).ifPresent(commands::add);
            commands.add(vms.vmData(router, network, vm, nic, Optional.ofNullable(staticNatIps.get(nic.ipAddress().get()))));
        }
        return List.copyOf(commands);
    }
}
