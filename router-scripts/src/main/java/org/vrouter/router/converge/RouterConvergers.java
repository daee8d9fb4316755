package org.vrouter.router.converge;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.vrouter.api.metrics.Metrics;
import org.vrouter.router.address.AddressApplier;
import org.vrouter.router.dhcp.DnsmasqApplier;
import org.vrouter.router.firewall.FirewallApplier;
import org.vrouter.router.host.Host;
import org.vrouter.router.lb.HaproxyApplier;
import org.vrouter.router.metadata.MetadataServerService;
import org.vrouter.router.metadata.VmDataApplier;
import org.vrouter.router.metadata.VmDataService;
import org.vrouter.router.metadata.VmPasswordApplier;
import org.vrouter.router.metadata.VmPasswordService;
import org.vrouter.router.monitor.MonitorService;
import org.vrouter.router.redundancy.RedundancyService;
import org.vrouter.router.service.ServiceManager;
import org.vrouter.router.vpc.VpcFirewallService;
import org.vrouter.router.vpn.VpnRuntime;
import org.vrouter.router.vpn.VpnService;

/**
 * Assembles the router's converger: every service the router side handles, in dependency order, over one
 * {@link Host} and {@link ServiceManager}. The one place that knows the service list; the CLI and the
 * netns backend call it once per router.
 *
 * <p>Order: {@code addresses} (every rule and daemon refers to them; VPC static routes too), {@code firewall}
 * (isolated and shared-network routers: {@link FirewallService}; VPC routers: {@link VpcFirewallService}),
 * {@code dnsmasq}, {@code haproxy}, then the VM data files ({@code vmdata}), the password store
 * ({@code vmpassword}), the server of both ({@code metadata-server}), the monitoring files
 * ({@code monitor}), the VPN ({@code vpn}: strongSwan and xl2tpd), and keepalived/conntrackd on a
 * redundant router ({@code redundancy}, last: it starts VRRP once everything the PRIMARY serves is
 * in place). The daemons depend on {@code addresses}: they bind to the router's addresses, so when
 * the addresses failed they are not touched in that converge. The firewall does not: the kernel takes
 * rules for addresses and interfaces it does not hold, and a revoked rule must go even when an address
 * change failed. See {@link OrderedConverger}.
 */
public final class RouterConvergers {
    private RouterConvergers() {}

    /** The standard converger, its measurements discarded. */
    public static OrderedConverger standard(Host host, ServiceManager services, Clock clock) {
        return standard(host, services, clock, Metrics.NOOP);
    }

    /** The standard converger: the real appliers over {@code host}, daemons through {@code services}. */
    public static OrderedConverger standard(Host host, ServiceManager services, Clock clock, Metrics metrics) {
        Set<String> boundToAddresses = Set.of(AddressService.NAME);
        FirewallApplier firewall = new FirewallApplier(host, clock);
        return new OrderedConverger(List.of(
                new AddressService(host, new AddressApplier(host)),
                new VpcFirewallService(new FirewallService(host, firewall, Set.of()), host, firewall),
                new DnsmasqService(new DnsmasqApplier(host, services, clock), boundToAddresses),
                new HaproxyService(new HaproxyApplier(host, services, clock), boundToAddresses),
                new VmDataService(new VmDataApplier(host)),
                new VmPasswordService(new VmPasswordApplier(host)),
                new MetadataServerService(host, services, MetadataServerService.daemon(host), boundToAddresses),
                new MonitorService(host),
                new VpnService(host, services, VpnRuntime.standard(host), boundToAddresses),
                RedundancyService.standard(host, services)), clock, metrics);
    }
}
