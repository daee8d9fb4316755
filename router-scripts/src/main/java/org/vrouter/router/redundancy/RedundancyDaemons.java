package org.vrouter.router.redundancy;

import java.util.List;

import org.vrouter.router.host.Host;
import org.vrouter.router.service.Daemon;
import org.vrouter.router.service.Signal;

/**
 * keepalived and conntrackd as the router's service manager runs them: systemd's {@code keepalived} and
 * {@code conntrackd} units on a router (Debian's units read the same configuration paths), or in the
 * foreground under the direct service manager, with every path under the host's root, so that two
 * namespace routers on one machine share no pid file, lock or socket.
 */
public final class RedundancyDaemons {
    public static final String KEEPALIVED = "keepalived";
    public static final String CONNTRACKD = "conntrackd";

    private RedundancyDaemons() {}

    /**
     * VRRP only ({@code --vrrp}), in the foreground, logging to the console (the service manager's log file) in
     * detail ({@code --log-detail}: priority-0 advertisements sent and received, the interface events that put
     * it in FAULT, which an election is read from); SIGHUP reloads.
     */
    public static Daemon keepalived(Host host) {
        return new Daemon(KEEPALIVED, List.of("/usr/sbin/keepalived", "--dont-fork", "--log-console", "--log-detail", "--vrrp",
                "--use-file=" + host.resolve(RedundancyPaths.KEEPALIVED_CONF),
                "--pid=" + host.resolve(RedundancyPaths.KEEPALIVED_MAIN_PID),
                "--vrrp_pid=" + host.resolve(RedundancyPaths.KEEPALIVED_VRRP_PID)), Signal.HUP);
    }

    /** In the foreground (no {@code -d}); it has no reload, a changed file is a restart. */
    public static Daemon conntrackd(Host host) {
        return new Daemon(CONNTRACKD, List.of("/usr/sbin/conntrackd", "-C", host.resolve(RedundancyPaths.CONNTRACKD_CONF).toString()),
                Signal.TERM);
    }
}
