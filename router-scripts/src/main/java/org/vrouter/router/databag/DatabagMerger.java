package org.vrouter.router.databag;

import static java.util.Objects.requireNonNull;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.commands.wire.payload.BgpPeersPayload;
import org.vrouter.commands.wire.payload.CmdLinePayload;
import org.vrouter.commands.wire.payload.DatabagType;
import org.vrouter.commands.wire.payload.DhcpEntryPayload;
import org.vrouter.commands.wire.payload.DnsConfigPayload;
import org.vrouter.commands.wire.payload.FirewallRulesPayload;
import org.vrouter.commands.wire.payload.ForwardingRulesPayload;
import org.vrouter.commands.wire.payload.GuestNetworkPayload;
import org.vrouter.commands.wire.payload.IpAddressEntry;
import org.vrouter.commands.wire.payload.IpAliasesPayload;
import org.vrouter.commands.wire.payload.IpAssociationsPayload;
import org.vrouter.commands.wire.payload.Ipv6FirewallRulesPayload;
import org.vrouter.commands.wire.payload.LoadBalancerPayload;
import org.vrouter.commands.wire.payload.MonitorServicePayload;
import org.vrouter.commands.wire.payload.NetworkAclPayload;
import org.vrouter.commands.wire.payload.Payload;
import org.vrouter.commands.wire.payload.RemoteAccessVpnPayload;
import org.vrouter.commands.wire.payload.Site2SiteVpnPayload;
import org.vrouter.commands.wire.payload.StaticNatRulesPayload;
import org.vrouter.commands.wire.payload.StaticRoutesPayload;
import org.vrouter.commands.wire.payload.VmMetadataPayload;
import org.vrouter.commands.wire.payload.VmPasswordPayload;
import org.vrouter.commands.wire.payload.VpnUserListPayload;

/**
 * Merges a payload into the databags: one pure function per payload type, with CloudStack's semantics
 * (wire-format §8) except where CloudStack is wrong; every deviation is listed in
 * {@code docs/router-merge.md}. No I/O: the only machine state a merge needs, the interfaces' MAC
 * addresses, is a parameter.
 *
 * <p>Every merge is idempotent: merging the same payload twice gives the same bags as merging it once,
 * so re-running an interrupted update converges to the same state.
 */
public final class DatabagMerger {
    private DatabagMerger() {}

    /**
     * The bags after merging {@code payload}.
     *
     * @throws InvalidParameterException when the payload cannot apply to this state (IP aliases on a router
     *     without a guest address, boot arguments with an address but no netmask); nothing is merged
     */
    public static Databags merge(Databags bags, Payload payload, InterfaceMacs macs) {
        requireNonNull(bags, "bags is null");
        requireNonNull(macs, "macs is null");
        DatabagType type = requireNonNull(payload, "payload is null").databagType();
        return switch (type) {
            case CMD_LINE -> InjectingMerges.cmdLine(bags, (CmdLinePayload) payload);
            case GUEST_NETWORK -> InjectingMerges.guestNetwork(bags, (GuestNetworkPayload) payload);
            case IP_ALIASES -> InjectingMerges.ipAliases(bags, (IpAliasesPayload) payload);
            case IP_ASSOCIATIONS -> ipAssociations(bags, (IpAssociationsPayload) payload, macs);
            case NETWORK_ACL -> bags.with(bags.networkAcl().with((NetworkAclPayload) payload));
            case VM_METADATA -> bags.with(EntryMerges.vmData(bags.vmData(), (VmMetadataPayload) payload));
            case VM_DHCP_ENTRY -> bags.with(EntryMerges.dhcpEntry(bags.dhcpEntry(), (DhcpEntryPayload) payload));
            case VM_PASSWORD -> bags.with(EntryMerges.vmPassword((VmPasswordPayload) payload));
            case FORWARDING_RULES -> bags.with(RuleMerges.forwards(bags.forwardingRules(), ((ForwardingRulesPayload) payload).rules()));
            case STATICNAT_RULES -> bags.with(RuleMerges.staticNats(bags.forwardingRules(), ((StaticNatRulesPayload) payload).rules()));
            case FIREWALL_RULES -> bags.with(new FirewallRulesBag(
                    RuleMerges.firewall(bags.firewallRules().rules(), ((FirewallRulesPayload) payload).rules())));
            case IPV6_FIREWALL_RULES -> bags.with(new Ipv6FirewallRulesBag(
                    RuleMerges.firewall(bags.ipv6FirewallRules().rules(), ((Ipv6FirewallRulesPayload) payload).rules())));
            case VPN_USER_LIST -> bags.with(EntryMerges.vpnUsers(bags.vpnUserList(), (VpnUserListPayload) payload));
            case SITE_2_SITE_VPN -> bags.with(EntryMerges.site2SiteVpn(bags.site2SiteVpn(), (Site2SiteVpnPayload) payload));
            case REMOTE_ACCESS_VPN -> bags.with(EntryMerges.remoteAccessVpn(bags.remoteAccessVpn(), (RemoteAccessVpnPayload) payload));
            case STATIC_ROUTES -> bags.with(RuleMerges.staticRoutes(bags.staticRoutes(), ((StaticRoutesPayload) payload).routes()));
            case MONITOR_SERVICE -> bags.with(EntryMerges.monitorService(bags.monitorService(), (MonitorServicePayload) payload));
            case LOAD_BALANCER -> bags.with(new LoadBalancerBag(((LoadBalancerPayload) payload).rules()));
            case BGP_PEERS -> bags.with(EntryMerges.bgpPeers((BgpPeersPayload) payload));
            // CloudStack ignores dhcp.json (logged, not saved): DHCP is rendered from the dhcpentry bag
            case DHCP_CONFIG -> bags;
            // vrouter's own type: each file is the whole DNS configuration
            case DNS_CONFIG -> bags.with(DnsConfigBag.of((DnsConfigPayload) payload));
        };
    }

    /**
     * The bags after merging DHCP entries in order: what merging each with {@link #merge} gives, in one pass
     * (a boot batch carries one file per VM NIC).
     */
    public static Databags mergeDhcpEntries(Databags bags, List<DhcpEntryPayload> entries) {
        requireNonNull(bags, "bags is null");
        return entries.isEmpty() ? bags : bags.with(EntryMerges.dhcpEntries(bags.dhcpEntry(), List.copyOf(entries)));
    }

    /**
     * The bags a file type merges into, which its converge must look at: its own bag, plus {@code ips} for
     * the types that place addresses; {@code dhcp.json} is not saved but re-renders {@code dhcpentry}.
     */
    public static Set<BagKey> bagsOf(DatabagType type) {
        Set<BagKey> bags = EnumSet.noneOf(BagKey.class);
        BagKey.of(type).ifPresent(bags::add);
        switch (type) {
            case CMD_LINE, GUEST_NETWORK -> bags.add(BagKey.IPS);
            case DHCP_CONFIG -> bags.add(BagKey.DHCP_ENTRY);
            default -> { }
        }
        return bags;
    }

    private static Databags ipAssociations(Databags bags, IpAssociationsPayload payload, InterfaceMacs macs) {
        IpsBag ips = bags.ips();
        for (IpAddressEntry entry : payload.ipAddress()) {
            ips = IpsMerge.apply(ips, entry, macs);
        }
        return bags.with(ips);
    }
}
