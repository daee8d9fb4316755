package org.vrouter.cli;

import static java.util.Objects.requireNonNull;

import java.time.Clock;

import org.vrouter.router.converge.RouterConverger;
import org.vrouter.router.converge.RouterConvergers;
import org.vrouter.router.host.Host;
import org.vrouter.router.service.DirectServiceManager;
import org.vrouter.router.service.ServiceManager;
import org.vrouter.router.service.SystemdServiceManager;

/**
 * How a router-side subcommand gets its machine and its converger, once per invocation. {@link Main}
 * uses {@link #standard}; tests supply their own (a recording converger, a scripted machine).
 */
interface RouterWiring {
    /** The machine the options describe ({@code --root}, {@code --netns}, {@code --dry-run}). */
    Host host(RouterOptions options) throws UsageException;

    /** The converger of every router service, over {@code host}. */
    RouterConverger converger(RouterOptions options, Host host);

    /**
     * The real wiring: {@link RouterOptions#host()}, and the services the router side handles
     * ({@link RouterConvergers#standard}) with daemons managed by systemd, or started directly inside the
     * network namespace with {@code --netns} (a namespace has no systemd of its own). A dry run logs the
     * programs the real router would run.
     */
    static RouterWiring standard(Clock clock) {
        requireNonNull(clock, "clock is null");
        return new RouterWiring() {
            @Override
            public Host host(RouterOptions options) throws UsageException {
                return options.host();
            }

            @Override
            public RouterConverger converger(RouterOptions options, Host host) {
                ServiceManager services = options.netns().isPresent() ? new DirectServiceManager(host) : new SystemdServiceManager(host);
                return RouterConvergers.standard(host, services, clock);
            }
        };
    }
}
