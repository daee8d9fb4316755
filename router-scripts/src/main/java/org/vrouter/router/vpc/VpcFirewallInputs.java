package org.vrouter.router.vpc;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.rule.Icmp;
import org.vrouter.api.rule.Protocol;
import org.vrouter.commands.wire.payload.AclRule;
import org.vrouter.commands.wire.payload.AllAclRule;
import org.vrouter.commands.wire.payload.GuestNetworkPayload;
import org.vrouter.commands.wire.payload.IcmpAclRule;
import org.vrouter.commands.wire.payload.NetworkAclPayload;
import org.vrouter.commands.wire.payload.PortAclRule;
import org.vrouter.commands.wire.payload.ProtocolAclRule;
import org.vrouter.commands.wire.payload.RemoteAccessVpnPayload;
import org.vrouter.commands.wire.payload.Site2SiteVpnPayload;
import org.vrouter.commands.wire.payload.StaticRoute;
import org.vrouter.router.databag.CmdLineBag;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.databag.IpEntry;
import org.vrouter.router.databag.IpsBag;
import org.vrouter.router.firewall.CidrLists;
import org.vrouter.router.firewall.ControlNic;
import org.vrouter.router.firewall.GuestNic;
import org.vrouter.router.firewall.NatInputs;
import org.vrouter.router.firewall.PublicAddress;
import org.vrouter.router.firewall.RemoteAccessVpnOpening;
import org.vrouter.router.firewall.SiteToSiteVpnOpening;

/**
 * Maps the databags of a VPC router ({@code type=vpcrouter}) into the {@link VpcFirewallInput}: a pure
 * function.
 *
 * <ul>
 *   <li>{@code cmdline}: {@code vpccidr} (required), {@code redundant_router}; the control interface is
 *       the {@code ips} device with {@code nw_type} control, else {@code eth0ip};</li>
 *   <li>tiers: one per {@code guestnetwork} entry (address, gateway, network);</li>
 *   <li>{@code ips}: an entry with {@code is_private_gateway} is its device's private gateway (the first
 *       such entry of the device, with its {@code source_nat}); every other public entry is a public
 *       address; guest entries are the tiers' (above);</li>
 *   <li>{@code networkacl}: the ACL of each tier and private gateway, items in list order; the device's
 *       role comes from the bags above, not from {@code private_gateway_acl};</li>
 *   <li>{@code staticroutes}: the networks behind the private gateways;</li>
 *   <li>{@code forwardingrules}, {@code loadbalancer}: as on every router (see {@link NatInputs}).</li>
 * </ul>
 *
 * <p>Left out and reported to {@code ignored}, rather than holding back the whole firewall: the ACL of
 * a device that is no tier or private gateway (a tier removed after its ACL arrived); an ACL item whose
 * CIDRs are all IPv6 (the IPv6 ACL is another ruleset, not rendered yet; the IPv4 part of a mixed list is
 * kept); NAT for an address the router does not hold or into no tier. {@code firewallrules} and
 * {@code remoteaccessvpn} entries are reported too: a VPC's traffic is governed by its ACLs, and its VPN
 * is not rendered yet.
 */
public final class VpcFirewallInputs {
    private VpcFirewallInputs() {}

    /**
     * The firewall input the databags describe.
     *
     * @param ignored receives one line per databag entry left out, naming the bag, the entry and why
     * @throws InvalidParameterException naming the bag and field when the bags do not make a valid input
     *     (no {@code vpccidr}, an ACL item with an invalid match, a tier outside the VPC, conflicting NAT)
     */
    public static VpcFirewallInput from(Databags bags, Consumer<String> ignored) {
        requireNonNull(bags, "bags is null");
        requireNonNull(ignored, "ignored is null");
        VpcFirewallInput.Builder input = VpcFirewallInput.builder(control(bags.ips(), bags.cmdLine()), vpcCidr(bags.cmdLine()));
        List<GuestNic> tiers = new ArrayList<>();
        for (GuestNetworkPayload network : bags.guestNetwork().devices().values()) {
            Tier tier = tier(network);
            input.tier(tier);
            tiers.add(tier.guestNic());
        }
        Set<IpAddress> publics = new HashSet<>();
        addInterfaces(bags.ips(), input, publics);
        for (NetworkAclPayload acl : bags.networkAcl().devices().values()) {
            addAcl(acl, input, ignored);
        }
        for (StaticRoute route : bags.staticRoutes().routes().values()) {
            if (route.network().isIpv4()) {
                input.routedNetwork(route.network());
            }
        }
        NatInputs.portForwards(bags, publics, tiers, ignored).forEach(input::portForward);
        NatInputs.staticNats(bags, publics, tiers, ignored).forEach(input::staticNat);
        NatInputs.loadBalancers(bags).forEach(input::loadBalancer);
        int firewallRules = bags.firewallRules().rules().size();
        if (firewallRules > 0) {
            ignored.accept("firewallrules: " + firewallRules + " rule(s) left out: a VPC router's traffic is governed by its network ACLs");
        }
        for (Site2SiteVpnPayload peer : bags.site2SiteVpn().peers().values()) {
            if (publics.contains(peer.localPublicIp())) {
                input.siteToSiteVpn(siteToSite(peer));
            }
            else {
                ignored.accept("site2sitevpn[" + peer.peerGatewayIp() + "]: left out: local_public_ip " + peer.localPublicIp()
                        + " is not an address of this router");
            }
        }
        for (RemoteAccessVpnPayload server : bags.remoteAccessVpn().servers().values()) {
            if (publics.contains(server.vpnServerIp())) {
                input.remoteAccessVpn(new RemoteAccessVpnOpening(server.vpnServerIp(), server.localIp(), server.localCidr().network()));
            }
            else {
                ignored.accept("remoteaccessvpn[" + server.vpnServerIp() + "]: left out: not an address of this router");
            }
        }
        return input.redundant(bags.cmdLine().isRedundant()).build();
    }

    private static SiteToSiteVpnOpening siteToSite(Site2SiteVpnPayload peer) {
        try {
            return new SiteToSiteVpnOpening(peer.localPublicIp(), peer.peerGatewayIp(), peer.localGuestCidr().network(),
                    peer.peerGuestCidrList().cidrs().stream().map(Cidr::network).toList());
        }
        catch (InvalidParameterException e) {
            throw e.within("site2sitevpn[" + peer.peerGatewayIp() + "].");
        }
    }

    private static ControlNic control(IpsBag ips, CmdLineBag cmdLine) {
        for (String device : ips.devicesOf(TrafficType.CONTROL)) {
            for (IpEntry entry : ips.entries(device)) {
                if (entry.nwType() == TrafficType.CONTROL) {
                    return new ControlNic(device, entry.publicIp());
                }
            }
        }
        String address = cmdLine.get("eth0ip")
                .orElseThrow(() -> new InvalidParameterException("ips", "no control address (nw_type control) and no eth0ip boot argument"));
        return new ControlNic("eth0", IpAddress.parse("cmdline.eth0ip", address));
    }

    private static Cidr vpcCidr(CmdLineBag cmdLine) {
        String text = cmdLine.get("vpccidr")
                .orElseThrow(() -> new InvalidParameterException("cmdline.vpccidr", "is missing: a VPC router needs its VPC's CIDR"));
        return Cidr.parseNetwork("cmdline.vpccidr", text);
    }

    private static Tier tier(GuestNetworkPayload network) {
        try {
            Cidr address = Cidr.of(network.routerGuestIp(), network.routerGuestNetmask());
            return new Tier(network.device(), network.routerGuestIp(), network.routerGuestGateway(), address.network());
        }
        catch (InvalidParameterException e) {
            throw e.within("guestnetwork[" + network.device() + "].");
        }
    }

    private static void addInterfaces(IpsBag ips, VpcFirewallInput.Builder input, Set<IpAddress> publics) {
        for (Map.Entry<String, List<IpEntry>> device : ips.devices().entrySet()) {
            boolean gateway = false;
            for (IpEntry entry : device.getValue()) {
                if (entry.isPrivateGateway()) {
                    if (!gateway) {
                        input.privateGateway(new PrivateGateway(device.getKey(), entry.cidr(), entry.sourceNat()));
                        gateway = true;
                    }
                }
                else if (entry.nwType() == TrafficType.PUBLIC) {
                    input.publicAddress(new PublicAddress(device.getKey(), entry.cidr(), entry.sourceNat()));
                    publics.add(entry.publicIp());
                }
            }
        }
    }

    private static void addAcl(NetworkAclPayload acl, VpcFirewallInput.Builder input, Consumer<String> ignored) {
        String device = acl.device();
        String entry = "networkacl[" + device + "]";
        boolean tier = input.hasTier(device);
        if (!tier && !input.hasPrivateGateway(device)) {
            ignored.accept(entry + ": " + device + " is no tier or private gateway of this router");
            return;
        }
        if (acl.privateGatewayAcl() == tier) {
            ignored.accept(entry + ": private_gateway_acl is " + acl.privateGatewayAcl() + " but " + device + " is a "
                    + (tier ? "tier" : "private gateway") + "; applied as its ACL");
        }
        input.acl(new NetworkAcl(device, items(entry + ".ingress_rules", acl.ingressRules(), ignored),
                items(entry + ".egress_rules", acl.egressRules(), ignored)));
    }

    private static List<AclItem> items(String field, List<AclRule> wire, Consumer<String> ignored) {
        List<AclItem> items = new ArrayList<>(wire.size());
        for (int i = 0; i < wire.size(); i++) {
            String item = field + "[" + i + "]";
            Optional<List<Cidr>> cidrs = CidrLists.ipv4Only(wire.get(i).cidr().cidrs());
            if (cidrs.isEmpty()) {
                ignored.accept(item + ": cidr " + wire.get(i).cidr() + " holds only IPv6 networks (the IPv6 ACL is not rendered yet)");
                continue;
            }
            try {
                items.add(item(wire.get(i), cidrs.get()));
            }
            catch (InvalidParameterException e) {
                throw e.within(item + ".");
            }
        }
        return items;
    }

    private static AclItem item(AclRule wire, List<Cidr> cidrs) {
        if (wire instanceof PortAclRule rule) {
            return AclItem.ports(Protocol.parse("type", rule.type()), rule.ports(), cidrs, rule.allowed());
        }
        if (wire instanceof IcmpAclRule rule) {
            return AclItem.icmp(new Icmp(rule.icmpType(), rule.icmpCode()), cidrs, rule.allowed());
        }
        if (wire instanceof ProtocolAclRule rule) {
            return AclItem.number(rule.protocol(), cidrs, rule.allowed());
        }
        return AclItem.all(cidrs, ((AllAclRule) wire).allowed());
    }
}
