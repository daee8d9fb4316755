package org.vrouter.router.vpc;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.router.firewall.ControlNic;
import org.vrouter.router.firewall.LoadBalancerOpening;
import org.vrouter.router.firewall.NatChecks;
import org.vrouter.router.firewall.PortForward;
import org.vrouter.router.firewall.PublicAddress;
import org.vrouter.router.firewall.RemoteAccessVpnOpening;
import org.vrouter.router.firewall.SiteToSiteVpnOpening;
import org.vrouter.router.firewall.StaticNat;

/**
 * Everything the IPv4 firewall of a VPC router ({@code type=vpcrouter}) is rendered from: its interfaces
 * by role, the network ACL of each tier and private gateway, NAT and the haproxy listeners.
 * {@link VpcFirewallInputs} maps the databags into it; it holds only what is in force. Immutable and
 * consistent: every interface has one role, tiers lie inside the VPC CIDR and do not overlap, every ACL
 * belongs to a tier or private gateway, every NAT rule names a public address and a VM inside a tier.
 *
 * <p>The order of the lists other than an ACL's items does not matter: {@link VpcFirewallRenderer} sorts
 * what it renders. The items of an ACL are matched in their list order.
 *
 * @param control the control interface ({@code eth0}: SSH 3922)
 * @param vpcCidr the VPC's super-network ({@code vpccidr} boot argument), without host bits
 * @param tiers the tiers
 * @param privateGateways the private gateways, one per interface
 * @param publicAddresses the public addresses, any number per interface, at most one source-NAT address
 *     per interface
 * @param acls the network ACLs, at most one per tier or private gateway; a tier or gateway without one
 *     has an empty ACL
 * @param routedNetworks networks reached through a private gateway by static routes: a static-NAT VM's
 *     connections to them do not take its public interface
 * @param portForwards port forwards into tiers
 * @param staticNats one-to-one NATs into tiers, never on a source-NAT address
 * @param loadBalancerOpenings haproxy listeners and statistics page
 * @param redundant whether the router is one of a redundant pair (opens VRRP and conntrackd sync)
 * @param siteToSiteVpns site-to-site IPsec peers, each on a public address of the router
 * @param remoteAccessVpns L2TP/IPsec servers, at most one per public address
 */
public record VpcFirewallInput(ControlNic control, Cidr vpcCidr, List<Tier> tiers, List<PrivateGateway> privateGateways,
        List<PublicAddress> publicAddresses, List<NetworkAcl> acls, List<Cidr> routedNetworks, List<PortForward> portForwards,
        List<StaticNat> staticNats, List<LoadBalancerOpening> loadBalancerOpenings, boolean redundant,
        List<SiteToSiteVpnOpening> siteToSiteVpns, List<RemoteAccessVpnOpening> remoteAccessVpns) {
    public VpcFirewallInput {
        requireNonNull(control, "control is null");
        requireNonNull(vpcCidr, "vpcCidr is null");
        tiers = List.copyOf(requireNonNull(tiers, "tiers is null"));
        privateGateways = List.copyOf(requireNonNull(privateGateways, "privateGateways is null"));
        publicAddresses = List.copyOf(requireNonNull(publicAddresses, "publicAddresses is null"));
        acls = List.copyOf(requireNonNull(acls, "acls is null"));
        routedNetworks = List.copyOf(requireNonNull(routedNetworks, "routedNetworks is null"));
        portForwards = List.copyOf(requireNonNull(portForwards, "portForwards is null"));
        staticNats = List.copyOf(requireNonNull(staticNats, "staticNats is null"));
        loadBalancerOpenings = List.copyOf(requireNonNull(loadBalancerOpenings, "loadBalancerOpenings is null"));
        siteToSiteVpns = List.copyOf(requireNonNull(siteToSiteVpns, "siteToSiteVpns is null"));
        remoteAccessVpns = List.copyOf(requireNonNull(remoteAccessVpns, "remoteAccessVpns is null"));
        if (!vpcCidr.isIpv4() || !vpcCidr.isNetworkAddress() || vpcCidr.prefixLength() == 0) {
            throw new InvalidParameterException("vpccidr", "must be an IPv4 network without host bits", vpcCidr);
        }
        Map<String, String> roles = new HashMap<>();
        role(roles, control.device(), "control", "control.device");
        checkTiers(roles, vpcCidr, tiers);
        for (int i = 0; i < privateGateways.size(); i++) {
            role(roles, privateGateways.get(i).device(), "private gateway", "private_gateways[" + i + "].device");
        }
        checkPublic(roles, publicAddresses);
        checkAcls(roles, acls);
        for (int i = 0; i < routedNetworks.size(); i++) {
            Cidr network = requireNonNull(routedNetworks.get(i), "routed network is null");
            if (!network.isIpv4() || !network.isNetworkAddress()) {
                throw new InvalidParameterException("static_routes[" + i + "].network", "must be an IPv4 network without host bits", network);
            }
        }
        NatChecks.check(NatChecks.byIp(publicAddresses), tiers.stream().map(Tier::guestNic).toList(), portForwards, staticNats);
        for (int i = 0; i < siteToSiteVpns.size(); i++) {
            NatChecks.requirePublic(NatChecks.byIp(publicAddresses), siteToSiteVpns.get(i).localPublicIp(),
                    "site_to_site_vpns[" + i + "].local_public_ip");
        }
        Set<IpAddress> servers = new HashSet<>();
        for (int i = 0; i < remoteAccessVpns.size(); i++) {
            String field = "remote_access_vpns[" + i + "].vpn_server_ip";
            NatChecks.requirePublic(NatChecks.byIp(publicAddresses), remoteAccessVpns.get(i).publicIp(), field);
            if (!servers.add(remoteAccessVpns.get(i).publicIp())) {
                throw new InvalidParameterException(field, "has a second VPN server", remoteAccessVpns.get(i).publicIp());
            }
        }
    }

    public static Builder builder(ControlNic control, Cidr vpcCidr) {
        return new Builder(control, vpcCidr);
    }

    private static void role(Map<String, String> roles, String device, String role, String field) {
        String earlier = roles.putIfAbsent(device, role);
        if (earlier != null && !(earlier.equals("public") && role.equals("public"))) {
            throw new InvalidParameterException(field, "is already the router's " + earlier + " interface", device);
        }
    }

    private static void checkTiers(Map<String, String> roles, Cidr vpcCidr, List<Tier> tiers) {
        for (int i = 0; i < tiers.size(); i++) {
            Tier tier = tiers.get(i);
            role(roles, tier.device(), "tier", "tiers[" + i + "].device");
            if (!vpcCidr.contains(tier.network())) {
                throw new InvalidParameterException("tiers[" + i + "].cidr", "is not inside the VPC CIDR " + vpcCidr, tier.network());
            }
            for (int j = 0; j < i; j++) {
                Cidr other = tiers.get(j).network();
                if (tier.network().contains(other.address()) || other.contains(tier.network().address())) {
                    throw new InvalidParameterException("tiers[" + i + "].cidr", "overlaps the tier on " + tiers.get(j).device(),
                            tier.network());
                }
            }
        }
    }

    private static void checkPublic(Map<String, String> roles, List<PublicAddress> publics) {
        Set<String> sourceNatDevices = new HashSet<>();
        for (int i = 0; i < publics.size(); i++) {
            PublicAddress address = publics.get(i);
            role(roles, address.device(), "public", "public_addresses[" + i + "].device");
            if (address.sourceNat() && !sourceNatDevices.add(address.device())) {
                throw new InvalidParameterException("public_addresses[" + i + "].source_nat",
                        "a second source-NAT address on " + address.device(), address.ip());
            }
        }
    }

    private static void checkAcls(Map<String, String> roles, List<NetworkAcl> acls) {
        Set<String> devices = new HashSet<>();
        for (int i = 0; i < acls.size(); i++) {
            String device = acls.get(i).device();
            String role = roles.get(device);
            if (!"tier".equals(role) && !"private gateway".equals(role)) {
                throw new InvalidParameterException("acls[" + i + "].device", "is no tier or private gateway of the router", device);
            }
            if (!devices.add(device)) {
                throw new InvalidParameterException("acls[" + i + "].device", "has a second ACL", device);
            }
        }
    }

    /** Collects an input; {@link #build()} validates it. Not thread-safe. */
    public static final class Builder {
        private final ControlNic control;
        private final Cidr vpcCidr;
        private final List<Tier> tiers = new ArrayList<>();
        private final List<PrivateGateway> privateGateways = new ArrayList<>();
        private final List<PublicAddress> publicAddresses = new ArrayList<>();
        private final List<NetworkAcl> acls = new ArrayList<>();
        private final List<Cidr> routedNetworks = new ArrayList<>();
        private final List<PortForward> portForwards = new ArrayList<>();
        private final List<StaticNat> staticNats = new ArrayList<>();
        private final List<LoadBalancerOpening> loadBalancerOpenings = new ArrayList<>();
        private final List<SiteToSiteVpnOpening> siteToSiteVpns = new ArrayList<>();
        private final List<RemoteAccessVpnOpening> remoteAccessVpns = new ArrayList<>();
        private boolean redundant;

        private Builder(ControlNic control, Cidr vpcCidr) {
            this.control = requireNonNull(control, "control is null");
            this.vpcCidr = requireNonNull(vpcCidr, "vpcCidr is null");
        }

        public Builder tier(Tier tier) {
            tiers.add(requireNonNull(tier, "tier is null"));
            return this;
        }

        public Builder privateGateway(PrivateGateway gateway) {
            privateGateways.add(requireNonNull(gateway, "gateway is null"));
            return this;
        }

        public Builder publicAddress(PublicAddress address) {
            publicAddresses.add(requireNonNull(address, "address is null"));
            return this;
        }

        public Builder acl(NetworkAcl acl) {
            acls.add(requireNonNull(acl, "acl is null"));
            return this;
        }

        public Builder routedNetwork(Cidr network) {
            routedNetworks.add(requireNonNull(network, "network is null"));
            return this;
        }

        public Builder portForward(PortForward forward) {
            portForwards.add(requireNonNull(forward, "forward is null"));
            return this;
        }

        public Builder staticNat(StaticNat nat) {
            staticNats.add(requireNonNull(nat, "nat is null"));
            return this;
        }

        public Builder loadBalancer(LoadBalancerOpening opening) {
            loadBalancerOpenings.add(requireNonNull(opening, "opening is null"));
            return this;
        }

        public Builder siteToSiteVpn(SiteToSiteVpnOpening vpn) {
            siteToSiteVpns.add(requireNonNull(vpn, "vpn is null"));
            return this;
        }

        public Builder remoteAccessVpn(RemoteAccessVpnOpening vpn) {
            remoteAccessVpns.add(requireNonNull(vpn, "vpn is null"));
            return this;
        }

        public Builder redundant(boolean value) {
            redundant = value;
            return this;
        }

        /** Whether an interface is one of the tiers added so far. */
        boolean hasTier(String device) {
            return tiers.stream().anyMatch(tier -> tier.device().equals(device));
        }

        /** Whether an interface is one of the private gateways added so far. */
        boolean hasPrivateGateway(String device) {
            return privateGateways.stream().anyMatch(gateway -> gateway.device().equals(device));
        }

        public VpcFirewallInput build() {
            return new VpcFirewallInput(control, vpcCidr, tiers, privateGateways, publicAddresses, acls, routedNetworks, portForwards,
                    staticNats, loadBalancerOpenings, redundant, siteToSiteVpns,
                    remoteAccessVpns);
        }
    }
}
