package org.vrouter.router.service;

import static java.util.Objects.requireNonNull;

import java.io.IOException;

import org.vrouter.router.host.Host;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.ProgramResult;

/**
 * Daemons as systemd units on a real router: {@code systemctl start|stop|restart|reload}, signals by
 * {@code systemctl kill} to the main process. The daemon's argv is the unit's business and is
 * ignored here.
 */
public final class SystemdServiceManager implements ServiceManager {
    private final Host host;

    public SystemdServiceManager(Host host) {
        this.host = requireNonNull(host, "host is null");
    }

    @Override
    public void start(Daemon daemon) throws IOException {
        systemctl(daemon, "start", "start", daemon.name());
    }

    @Override
    public void stop(Daemon daemon) throws IOException {
        systemctl(daemon, "stop", "stop", daemon.name());
    }

    @Override
    public void restart(Daemon daemon) throws IOException {
        systemctl(daemon, "restart", "restart", daemon.name());
    }

    @Override
    public void reload(Daemon daemon) throws IOException {
        systemctl(daemon, "reload", "reload", daemon.name());
    }

    @Override
    public void signal(Daemon daemon, Signal signal) throws IOException {
        systemctl(daemon, "send SIG" + signal + " to", "kill", "--kill-whom=main", "--signal=SIG" + signal, daemon.name());
    }

    @Override
    public boolean isRunning(Daemon daemon) throws IOException {
        // is-active exits 0 for an active unit and non-zero (3, or 4 for an unknown one) otherwise
        return host.run(ProgramCall.of("systemctl", "is-active", "--quiet", daemon.name())).succeeded();
    }

    private void systemctl(Daemon daemon, String action, String... arguments) throws IOException {
        String[] argv = new String[arguments.length + 1];
        argv[0] = "systemctl";
        System.arraycopy(arguments, 0, argv, 1, arguments.length);
        ProgramResult result = host.run(ProgramCall.of(argv));
        if (!result.succeeded()) {
            throw ServiceException.of(daemon, action, result);
        }
    }
}
