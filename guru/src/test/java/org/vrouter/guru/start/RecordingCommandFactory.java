package org.vrouter.guru.start;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.vrouter.api.address.IpAlias;
import org.vrouter.api.address.PublicIpAddress;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.network.Network;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.rule.FirewallRule;
import org.vrouter.api.rule.LoadBalancingRule;
import org.vrouter.api.rule.NetworkAclItem;
import org.vrouter.api.rule.PortForwardingRule;
import org.vrouter.api.rule.StaticNat;
import org.vrouter.api.vm.Nic;
import org.vrouter.api.vm.VirtualMachineProfile;
import org.vrouter.api.vpn.RemoteAccessVpn;
import org.vrouter.api.vpn.VpnUser;
import org.vrouter.commands.AccessDetails;
import org.vrouter.commands.NetworkElementCommand;
import org.vrouter.commands.setup.NetworkCommandFactory;
import org.vrouter.commands.setup.VmCommandFactory;

/**
 * A fake of core's command builders: each call yields one {@link Built} command (two for the VPN:
 * users, then the server) naming the router, carrying what it was given, and is recorded.
 */
public final class RecordingCommandFactory implements NetworkCommandFactory, VmCommandFactory {
    /** A command standing for whatever core would build from {@code values}. */
    public record Built(AccessDetails accessDetails, String kind, long networkId, List<?> values) implements NetworkElementCommand {}

    private final List<Built> built = new ArrayList<>();
    private String routerNameOverride;

    /** Every command built so far, in order. */
    public List<Built> built() {
        return List.copyOf(built);
    }

    /** Makes every later command name {@code name} instead of the router it is for (a broken factory). */
    public void nameCommandsFor(String name) {
        this.routerNameOverride = name;
    }

    private List<NetworkElementCommand> one(DomainRouter router, String kind, Network network, List<?> values) {
        AccessDetails.Builder details = AccessDetails.builder()
                .routerName(routerNameOverride != null ? routerNameOverride : router.instanceName())
                .routerIp(router.controlIp().orElseThrow());
        router.guestIp(network.id()).ifPresent(details::routerGuestIp);
        Built command = new Built(details.build(), kind, network.id(), List.copyOf(values));
        built.add(command);
        return List.of(command);
    }

    @Override
    public List<NetworkElementCommand> ipAssociation(DomainRouter router, Network network, List<PublicIpAddress> addresses) {
        return one(router, "ipAssoc", network, addresses);
    }

    @Override
    public List<NetworkElementCommand> firewallRules(DomainRouter router, Network network, List<FirewallRule> rules) {
        return one(router, "firewall", network, rules);
    }

    @Override
    public List<NetworkElementCommand> staticNats(DomainRouter router, Network network, List<StaticNat> staticNats) {
        return one(router, "staticNat", network, staticNats);
    }

    @Override
    public List<NetworkElementCommand> portForwardingRules(DomainRouter router, Network network, List<PortForwardingRule> rules) {
        return one(router, "portForwarding", network, rules);
    }

    @Override
    public List<NetworkElementCommand> loadBalancingRules(DomainRouter router, Network network, List<LoadBalancingRule> rules) {
        return one(router, "loadBalancing", network, rules);
    }

    @Override
    public List<NetworkElementCommand> remoteAccessVpn(DomainRouter router, Network network, RemoteAccessVpn vpn, List<VpnUser> users) {
        List<NetworkElementCommand> commands = new ArrayList<>(one(router, "vpnUsers", network, users));
        commands.addAll(one(router, "vpn", network, List.of(vpn)));
        return commands;
    }

    @Override
    public List<NetworkElementCommand> networkAcl(DomainRouter router, Network network, List<NetworkAclItem> items) {
        return one(router, "networkAcl", network, items);
    }

    @Override
    public List<NetworkElementCommand> monitorService(DomainRouter router, Network network) {
        return one(router, "monitor", network, List.of());
    }

    @Override
    public List<NetworkElementCommand> dhcpEntries(DomainRouter router, Network network, List<VirtualMachineProfile> vms) {
        return one(router, "dhcp", network, vms);
    }

    @Override
    public List<NetworkElementCommand> vmData(DomainRouter router, Network network, List<VirtualMachineProfile> vms) {
        return one(router, "vmData", network, vms);
    }

    @Override
    public List<NetworkElementCommand> networkAcl(DomainRouter router, Network network, Nic routerNic, List<NetworkAclItem> items) {
        return one(router, "networkAcl@" + routerNic.deviceName(), network, items);
    }

    @Override
    public List<NetworkElementCommand> setupGuestNetwork(DomainRouter router, Network network, Nic routerNic) {
        return one(router, "setupGuestNetwork@" + routerNic.deviceName(), network, List.of(routerNic));
    }

    @Override
    public List<NetworkElementCommand> ipAliases(DomainRouter router, Network network, List<IpAlias> aliases) {
        return one(router, "ipAliases", network, aliases);
    }

    @Override
    public List<NetworkElementCommand> vmData(DomainRouter router, Network network, List<VirtualMachineProfile> vms,
            Map<IpAddress, IpAddress> staticNatIps) {
        return one(router, "vmData" + (staticNatIps.isEmpty() ? "" : staticNatIps), network, vms);
    }
}
