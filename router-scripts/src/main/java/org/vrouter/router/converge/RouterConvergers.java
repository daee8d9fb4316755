package org.vrouter.router.converge;

import java.time.Clock;
import java.util.List;
import java.util.Set;

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
 * <p>Order: {@code firewall} (rules name addresses and interfaces, and the kernel takes them whether or
 * not those exist yet), {@code dnsmasq}, {@code haproxy}. See {@link OrderedConverger} for what a failure
 * does to the others.
 */
public final class RouterConvergers {
    private RouterConvergers() {}

    /** The standard converger: the real appliers over {@code host}, daemons through {@code services}. */
    public static OrderedConverger standard(Host host, ServiceManager services, Clock clock) {
        return new OrderedConverger(List.of(
                new FirewallService(host, new FirewallApplier(host, clock), Set.of()),
                new DnsmasqService(new DnsmasqApplier(host, services, clock), Set.of()),
                new HaproxyService(new HaproxyApplier(host, services, clock), Set.of())), clock);
    }
}
