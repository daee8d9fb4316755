package org.vrouter.router.databag;

/**
 * One merged databag, {@code /etc/cloudstack/<key>.json}, as an immutable typed value. Renderers read
 * it; only {@link DatabagMerger} makes new ones.
 *
 * <p>A bag holds desired state only: CloudStack's tombstones (entries kept with {@code add: false},
 * {@code remove: true}, {@code revoke: true} or {@code create: false}) are not part of the model. A
 * merge that removes something deletes the entry, and reading a bag CloudStack wrote drops its
 * tombstones; undoing a removed object is the converge's job, by comparing what it renders with what
 * it applied last (see {@code docs/router-merge.md}).
 */
public sealed interface Databag
        permits CmdLineBag, IpsBag, GuestNetworkBag, NetworkAclBag, VmDataBag, DhcpEntryBag, VmPasswordBag,
        ForwardingRulesBag, FirewallRulesBag, Ipv6FirewallRulesBag, VpnUserListBag, Site2SiteVpnBag, RemoteAccessVpnBag,
        StaticRoutesBag, MonitorServiceBag, LoadBalancerBag, BgpPeersBag, DnsConfigBag {

    /** Which bag this is. */
    BagKey key();

    /** Whether the bag holds nothing (the state of a missing file). */
    boolean isEmpty();
}
