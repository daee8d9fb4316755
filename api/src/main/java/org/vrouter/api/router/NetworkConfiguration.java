package org.vrouter.api.router;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.ToLongFunction;

import org.vrouter.api.address.IpAlias;
import org.vrouter.api.address.PublicIpAddress;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.network.Network;
import org.vrouter.api.rule.FirewallRule;
import org.vrouter.api.rule.LoadBalancingRule;
import org.vrouter.api.rule.NetworkAclItem;
import org.vrouter.api.rule.PortForwardingRule;
import org.vrouter.api.rule.StaticNat;
import org.vrouter.api.vm.VirtualMachineProfile;
import org.vrouter.api.vpn.RemoteAccessVpn;
import org.vrouter.api.vpn.VpnUser;

/**
 * Everything a router must hold for one guest network, read at one point in time: addresses,
 * rules, VPN and the VMs that need DHCP entries and user data. A router manager replays it in full
 * when a router starts (CloudStack's {@code finalizeCommandsOnStart}), so a restarted router comes
 * back with the same configuration. The host controller supplies it through a
 * {@link NetworkConfigurationSource}.
 *
 * <p>Validated at construction: every address, rule, VPN and VM belongs to {@code network}.
 *
 * @param aclItems the network ACL of a VPC tier, in any order (routers apply them by number)
 * @param vpnUsers the remote-access VPN's users; empty without a VPN
 * @param vms the VMs with a NIC in the network whose state needs configuration (Running, Migrating, Stopping)
 * @param ipAliases the router's addresses in further subnets of a shared network (revoked ones are
 *     removed at the next start); empty for single-subnet networks
 */
public record NetworkConfiguration(
        Network network,
        List<PublicIpAddress> publicIps,
        List<FirewallRule> firewallRules,
        List<PortForwardingRule> portForwardingRules,
        List<StaticNat> staticNats,
        List<LoadBalancingRule> loadBalancingRules,
        List<NetworkAclItem> aclItems,
        Optional<RemoteAccessVpn> remoteAccessVpn,
        List<VpnUser> vpnUsers,
        List<VirtualMachineProfile> vms,
        List<IpAlias> ipAliases) {

    public NetworkConfiguration {
        requireNonNull(network, "network is null");
        publicIps = List.copyOf(publicIps);
        firewallRules = List.copyOf(firewallRules);
        portForwardingRules = List.copyOf(portForwardingRules);
        staticNats = List.copyOf(staticNats);
        loadBalancingRules = List.copyOf(loadBalancingRules);
        aclItems = List.copyOf(aclItems);
        requireNonNull(remoteAccessVpn, "remoteAccessVpn is null");
        vpnUsers = List.copyOf(vpnUsers);
        vms = List.copyOf(vms);
        ipAliases = List.copyOf(ipAliases);
        long id = network.id();
        for (int i = 0; i < publicIps.size(); i++) {
            OptionalLong owner = publicIps.get(i).networkId();
            if (owner.isPresent() && owner.getAsLong() != id) {
                throw foreign("public_ips[" + i + "]", owner.getAsLong(), id);
            }
        }
        requireOwned("firewall_rules", firewallRules, FirewallRule::networkId, id);
        requireOwned("port_forwarding_rules", portForwardingRules, PortForwardingRule::networkId, id);
        requireOwned("static_nats", staticNats, StaticNat::networkId, id);
        requireOwned("load_balancing_rules", loadBalancingRules, LoadBalancingRule::networkId, id);
        requireOwned("ip_aliases", ipAliases, IpAlias::networkId, id);
        if (remoteAccessVpn.isPresent()) {
            RemoteAccessVpn vpn = remoteAccessVpn.get();
            boolean owned = vpn.networkId().isPresent() ? vpn.networkId().getAsLong() == id
                    : network.vpcId().isPresent() && vpn.vpcId().getAsLong() == network.vpcId().getAsLong();
            if (!owned) {
                throw new InvalidParameterException("remote_access_vpn", "belongs to another network or VPC than network " + id);
            }
        }
        else if (!vpnUsers.isEmpty()) {
            throw new InvalidParameterException("vpn_users", "given without a remote-access VPN");
        }
        for (int i = 0; i < vms.size(); i++) {
            if (vms.get(i).nicIn(id).isEmpty()) {
                throw new InvalidParameterException("vms[" + i + "]", "has no NIC in network " + id, vms.get(i).vm().instanceName());
            }
        }
    }

    private static <T> void requireOwned(String field, List<T> items, ToLongFunction<T> networkId, long id) {
        for (int i = 0; i < items.size(); i++) {
            long owner = networkId.applyAsLong(items.get(i));
            if (owner != id) {
                throw foreign(field + "[" + i + "]", owner, id);
            }
        }
    }

    private static InvalidParameterException foreign(String field, long owner, long id) {
        return new InvalidParameterException(field + ".network_id", "belongs to network " + owner + ", not " + id, owner);
    }

    /** A network with nothing configured on it yet. */
    public static NetworkConfiguration empty(Network network) {
        return builder(network).build();
    }

    public static Builder builder(Network network) {
        return new Builder(network);
    }

    /** The same configuration with {@code newPublicIps} (e.g. with the router's NIC MACs filled in). */
    public NetworkConfiguration withPublicIps(List<PublicIpAddress> newPublicIps) {
        return new NetworkConfiguration(network, newPublicIps, firewallRules, portForwardingRules, staticNats, loadBalancingRules, aclItems,
                remoteAccessVpn, vpnUsers, vms, ipAliases);
    }

    /** The network's source NAT address, if it has one. */
    public Optional<PublicIpAddress> sourceNatIp() {
        return publicIps.stream().filter(PublicIpAddress::sourceNat).findFirst();
    }

    /** Collects the parts of a {@link NetworkConfiguration}; {@link #build()} validates them. Every list starts empty. */
    public static final class Builder {
        private final Network network;
        private List<PublicIpAddress> publicIps = List.of();
        private List<FirewallRule> firewallRules = List.of();
        private List<PortForwardingRule> portForwardingRules = List.of();
        private List<StaticNat> staticNats = List.of();
        private List<LoadBalancingRule> loadBalancingRules = List.of();
        private List<NetworkAclItem> aclItems = List.of();
        private Optional<RemoteAccessVpn> remoteAccessVpn = Optional.empty();
        private List<VpnUser> vpnUsers = List.of();
        private List<VirtualMachineProfile> vms = List.of();
        private List<IpAlias> ipAliases = List.of();

        private Builder(Network network) {
            this.network = network;
        }

        public Builder publicIps(List<PublicIpAddress> publicIps) {
            this.publicIps = publicIps;
            return this;
        }

        public Builder firewallRules(List<FirewallRule> firewallRules) {
            this.firewallRules = firewallRules;
            return this;
        }

        public Builder portForwardingRules(List<PortForwardingRule> portForwardingRules) {
            this.portForwardingRules = portForwardingRules;
            return this;
        }

        public Builder staticNats(List<StaticNat> staticNats) {
            this.staticNats = staticNats;
            return this;
        }

        public Builder loadBalancingRules(List<LoadBalancingRule> loadBalancingRules) {
            this.loadBalancingRules = loadBalancingRules;
            return this;
        }

        public Builder aclItems(List<NetworkAclItem> aclItems) {
            this.aclItems = aclItems;
            return this;
        }

        /** The remote-access VPN and its users. */
        public Builder remoteAccessVpn(RemoteAccessVpn vpn, List<VpnUser> users) {
            this.remoteAccessVpn = Optional.of(vpn);
            this.vpnUsers = users;
            return this;
        }

        public Builder vms(List<VirtualMachineProfile> vms) {
            this.vms = vms;
            return this;
        }

        public Builder ipAliases(List<IpAlias> ipAliases) {
            this.ipAliases = ipAliases;
            return this;
        }

        public NetworkConfiguration build() {
            return new NetworkConfiguration(network, publicIps, firewallRules, portForwardingRules, staticNats, loadBalancingRules,
                    aclItems, remoteAccessVpn, vpnUsers, vms, ipAliases);
        }
    }
}
