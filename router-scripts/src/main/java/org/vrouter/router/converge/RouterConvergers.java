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
import org.vrouter.router.service.ServiceManager;

/**
 * Assembles the router's converger: every service the router side handles, in dependency order, over one
 * {@link Host} and {@link ServiceManager}. The one place that knows the service list; the CLI and the
 * netns backend call it once per router.
 *
 * <p>Order: {@code addresses} (every rule and daemon refers to them), {@code firewall}, {@code dnsmasq},
 * {@code haproxy}. The daemons depend on {@code addresses}: they bind to the router's addresses, so when
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
        return new OrderedConverger(List.of(
                new AddressService(host, new AddressApplier(host)),
                new FirewallService(host, new FirewallApplier(host, clock), Set.of()),
                new DnsmasqService(new DnsmasqApplier(host, services, clock), boundToAddresses),
                new HaproxyService(new HaproxyApplier(host, services, clock), boundToAddresses)), clock, metrics);
    }
}
