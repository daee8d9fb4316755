package org.vrouter.router.databag;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.EnumSet;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Every databag of a router, typed: the input of every renderer and of the converge. Immutable; a merge
 * returns a new {@code Databags}. A bag that does not exist on disk is present here, empty.
 *
 * <p>Accessors are named after the bags ({@link #ips()}, {@link #dhcpEntry()}...). Two values are equal
 * when every bag is.
 */
public final class Databags {
    private static final Map<BagKey, Databag> EMPTY = emptyBags();
    private static final Databags NONE = new Databags(EMPTY);

    private final Map<BagKey, Databag> bags;

    private Databags(Map<BagKey, Databag> bags) {
        this.bags = bags;
    }

    /** A router with no state: every bag empty. */
    public static Databags empty() {
        return NONE;
    }

    /** Empty bags replaced by the given ones (one per key at most). */
    public static Databags of(Collection<? extends Databag> bags) {
        Databags result = NONE;
        for (Databag bag : bags) {
            result = result.with(bag);
        }
        return result;
    }

    /** The bag of a key. */
    public Databag get(BagKey key) {
        return bags.get(requireNonNull(key, "key is null"));
    }

    /** This state with one bag replaced. */
    public Databags with(Databag bag) {
        requireNonNull(bag, "bag is null");
        Map<BagKey, Databag> copy = new EnumMap<>(bags);
        copy.put(bag.key(), bag);
        return new Databags(copy);
    }

    /** The keys whose bags differ between this state and {@code other}, in key order. */
    public Set<BagKey> differences(Databags other) {
        Set<BagKey> changed = EnumSet.noneOf(BagKey.class);
        for (BagKey key : BagKey.values()) {
            if (!bags.get(key).equals(other.bags.get(key))) {
                changed.add(key);
            }
        }
        return changed;
    }

    public CmdLineBag cmdLine() {
        return (CmdLineBag) bags.get(BagKey.CMD_LINE);
    }

    public IpsBag ips() {
        return (IpsBag) bags.get(BagKey.IPS);
    }

    public GuestNetworkBag guestNetwork() {
        return (GuestNetworkBag) bags.get(BagKey.GUEST_NETWORK);
    }

    public NetworkAclBag networkAcl() {
        return (NetworkAclBag) bags.get(BagKey.NETWORK_ACL);
    }

    public VmDataBag vmData() {
        return (VmDataBag) bags.get(BagKey.VM_DATA);
    }

    public DhcpEntryBag dhcpEntry() {
        return (DhcpEntryBag) bags.get(BagKey.DHCP_ENTRY);
    }

    public VmPasswordBag vmPassword() {
        return (VmPasswordBag) bags.get(BagKey.VM_PASSWORD);
    }

    public ForwardingRulesBag forwardingRules() {
        return (ForwardingRulesBag) bags.get(BagKey.FORWARDING_RULES);
    }

    public FirewallRulesBag firewallRules() {
        return (FirewallRulesBag) bags.get(BagKey.FIREWALL_RULES);
    }

    public Ipv6FirewallRulesBag ipv6FirewallRules() {
        return (Ipv6FirewallRulesBag) bags.get(BagKey.IPV6_FIREWALL_RULES);
    }

    public VpnUserListBag vpnUserList() {
        return (VpnUserListBag) bags.get(BagKey.VPN_USER_LIST);
    }

    public Site2SiteVpnBag site2SiteVpn() {
        return (Site2SiteVpnBag) bags.get(BagKey.SITE_2_SITE_VPN);
    }

    public RemoteAccessVpnBag remoteAccessVpn() {
        return (RemoteAccessVpnBag) bags.get(BagKey.REMOTE_ACCESS_VPN);
    }

    public StaticRoutesBag staticRoutes() {
        return (StaticRoutesBag) bags.get(BagKey.STATIC_ROUTES);
    }

    public MonitorServiceBag monitorService() {
        return (MonitorServiceBag) bags.get(BagKey.MONITOR_SERVICE);
    }

    public LoadBalancerBag loadBalancer() {
        return (LoadBalancerBag) bags.get(BagKey.LOAD_BALANCER);
    }

    public BgpPeersBag bgpPeers() {
        return (BgpPeersBag) bags.get(BagKey.BGP_PEERS);
    }

    public DnsConfigBag dnsConfig() {
        return (DnsConfigBag) bags.get(BagKey.DNS_CONFIG);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Databags databags && bags.equals(databags.bags);
    }

    @Override
    public int hashCode() {
        return bags.hashCode();
    }

    @Override
    public String toString() {
        return "Databags" + bags.values().stream().filter(bag -> !bag.isEmpty()).map(Databag::key).toList();
    }

    private static Map<BagKey, Databag> emptyBags() {
        Map<BagKey, Databag> empty = new EnumMap<>(BagKey.class);
        for (BagKey key : BagKey.values()) {
            empty.put(key, emptyBag(key));
        }
        return empty;
    }

    /** The empty bag of a key. */
    public static Databag emptyBag(BagKey key) {
        return switch (requireNonNull(key, "key is null")) {
            case CMD_LINE -> CmdLineBag.empty();
            case IPS -> IpsBag.empty();
            case GUEST_NETWORK -> GuestNetworkBag.empty();
            case NETWORK_ACL -> NetworkAclBag.empty();
            case VM_DATA -> VmDataBag.empty();
            case DHCP_ENTRY -> DhcpEntryBag.empty();
            case VM_PASSWORD -> VmPasswordBag.empty();
            case FORWARDING_RULES -> ForwardingRulesBag.empty();
            case FIREWALL_RULES -> FirewallRulesBag.empty();
            case IPV6_FIREWALL_RULES -> Ipv6FirewallRulesBag.empty();
            case VPN_USER_LIST -> VpnUserListBag.empty();
            case SITE_2_SITE_VPN -> Site2SiteVpnBag.empty();
            case REMOTE_ACCESS_VPN -> RemoteAccessVpnBag.empty();
            case STATIC_ROUTES -> StaticRoutesBag.empty();
            case MONITOR_SERVICE -> MonitorServiceBag.empty();
            case LOAD_BALANCER -> LoadBalancerBag.empty();
            case BGP_PEERS -> BgpPeersBag.empty();
            case DNS_CONFIG -> DnsConfigBag.empty();
        };
    }
}
