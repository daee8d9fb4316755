package org.vrouter.router.service;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.vrouter.router.host.Host;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.ProgramResult;

/**
 * Daemons started by the router side itself, through the host (so inside the network namespace of
 * a {@link org.vrouter.router.host.NamespaceHost}), where there is no systemd. Uses Debian's
 * {@code start-stop-daemon}: it backgrounds the foreground daemon, writes its pid to
 * {@code /run/vrouter/<name>.pid} under the host's root, sends its output to
 * {@code /var/log/vrouter/<name>.log}, and signals and stops it by that pid.
 *
 * <p>{@link #start} returns once the daemon has been forked: a daemon that dies at once (a bad
 * flag, a missing binary) shows in its log and in {@link #isRunning}, which callers check when they
 * need the daemon up.
 */
public final class DirectServiceManager implements ServiceManager {
    /** Router directory of the pid files. */
    public static final String PID_DIRECTORY = "/run/vrouter";
    /** Router directory of the daemons' output. */
    public static final String LOG_DIRECTORY = "/var/log/vrouter";
    /** What stop sends: TERM, up to 5 s to exit, then KILL, up to 2 s more. */
    private static final String STOP_SCHEDULE = "TERM/5/KILL/2";

    private final Host host;

    public DirectServiceManager(Host host) {
        this.host = requireNonNull(host, "host is null");
    }

    /** The router path of the daemon's pid file. */
    public static String pidFile(Daemon daemon) {
        return PID_DIRECTORY + "/" + daemon.name() + ".pid";
    }

    @Override
    public void start(Daemon daemon) throws IOException {
        host.createDirectories(PID_DIRECTORY);
        host.createDirectories(LOG_DIRECTORY);
        List<String> argv = new ArrayList<>(List.of("start-stop-daemon", "--start", "--oknodo", "--background",
                "--make-pidfile", "--pidfile", pidPath(daemon),
                "--output", host.resolve(LOG_DIRECTORY + "/" + daemon.name() + ".log").toString(),
                "--startas", daemon.argv().get(0), "--"));
        argv.addAll(daemon.argv().subList(1, daemon.argv().size()));
        check(daemon, "start", host.run(ProgramCall.of(argv)));
    }

    @Override
    public void stop(Daemon daemon) throws IOException {
        ProgramCall call = ProgramCall.of("start-stop-daemon", "--stop", "--oknodo", "--pidfile", pidPath(daemon),
                "--remove-pidfile", "--retry", STOP_SCHEDULE);
        check(daemon, "stop", host.run(call));
    }

    @Override
    public void restart(Daemon daemon) throws IOException {
        stop(daemon);
        start(daemon);
    }

    @Override
    public void reload(Daemon daemon) throws IOException {
        signal(daemon, daemon.reloadSignal());
    }

    @Override
    public void signal(Daemon daemon, Signal signal) throws IOException {
        // --stop with --signal and no --retry only sends the signal; exit 1 means no such process
        ProgramCall call = ProgramCall.of("start-stop-daemon", "--stop", "--signal", signal.name(), "--pidfile",
                pidPath(daemon));
        ProgramResult result = host.run(call);
        if (result.exitStatus() == 1) {
            throw new ServiceException(daemon.name(), "send SIG" + signal + " to", "it is not running");
        }
        check(daemon, "send SIG" + signal + " to", result);
    }

    @Override
    public boolean isRunning(Daemon daemon) throws IOException {
        // the kernel's answer costs no process; start-stop-daemon (two execs through ip netns exec) only when it has none
        if (host.liveProcessCommand(pidFile(daemon)).filter(command -> sameProgram(command, daemon.argv().get(0))).isPresent()) {
            return true;
        }
        ProgramResult result = host.run(ProgramCall.of("start-stop-daemon", "--status", "--pidfile", pidPath(daemon)));
        // 0 running; 1 dead with a stale pid file; 3 not running; 4 cannot tell
        return switch (result.exitStatus()) {
            case 0 -> true;
            case 1, 3 -> false;
            default -> throw ServiceException.of(daemon, "query", result);
        };
    }

    /** Whether a process's executable is the daemon's program, by file name (a link in the program's path may differ). */
    static boolean sameProgram(String command, String program) {
        return fileName(command).equals(fileName(program));
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private String pidPath(Daemon daemon) {
        return host.resolve(pidFile(daemon)).toString();
    }

    private static void check(Daemon daemon, String action, ProgramResult result) {
        if (!result.succeeded()) {
            throw ServiceException.of(daemon, action, result);
        }
    }
}
