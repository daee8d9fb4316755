package org.vrouter.hypervisor.netns;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vrouter.hypervisor.netns.network.IpTool;
import org.vrouter.router.service.DirectServiceManager;

/**
 * The processes of a router: its daemons, found by the pid files the {@link DirectServiceManager}
 * keeps under the router's root, and anything else still running inside its namespace. Stopping
 * ends each by its pid, TERM first and KILL after {@link #TERM_WAIT}, never by name.
 *
 * <p>A pid file is trusted only while its process's command line names the router's root (every
 * daemon's configuration path does), so a stale file whose pid the kernel gave to an unrelated
 * process never gets that process killed. Stateless apart from its tool; thread-safe.
 */
final class RouterProcesses {
    /** How long a process may take to exit after TERM before it gets KILL. */
    static final Duration TERM_WAIT = Duration.ofSeconds(5);
    private static final Duration KILL_WAIT = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(RouterProcesses.class);
    private static final String PID_SUFFIX = ".pid";

    private final IpTool ip;

    RouterProcesses(IpTool ip) {
        this.ip = requireNonNull(ip, "ip is null");
    }

    /** Each daemon with a pid file under the router's root, and whether it runs. */
    Map<String, Boolean> daemons(NetnsRouter router) throws IOException {
        Map<String, Boolean> daemons = new TreeMap<>();
        for (String file : pidFiles(router)) {
            String daemon = file.substring(0, file.length() - PID_SUFFIX.length());
            daemons.put(daemon, daemonPid(router, file).isPresent());
        }
        return daemons;
    }

    /**
     * Stops every daemon of the router, deletes their pid files, then ends whatever else still runs
     * in its namespace (a process there was started by the router side; left alive it would keep
     * the deleted namespace's network alive).
     */
    void stopAll(NetnsRouter router) throws IOException {
        for (String file : pidFiles(router)) {
            Optional<Long> pid = daemonPid(router, file);
            if (pid.isPresent()) {
                log.debug("router {}: stopping {} (pid {})", router.name(), file, pid.get());
                end(pid.get());
            }
            router.host().delete(DirectServiceManager.PID_DIRECTORY + "/" + file);
        }
        long self = ProcessHandle.current().pid();
        for (long pid : ip.pids(router.namespace())) {
            if (pid != self) {
                log.debug("router {}: ending process {} left in {}", router.name(), pid, router.namespace());
                end(pid);
            }
        }
    }

    private static List<String> pidFiles(NetnsRouter router) throws IOException {
        return router.host().list(DirectServiceManager.PID_DIRECTORY).stream().filter(name -> name.endsWith(PID_SUFFIX)).toList();
    }

    /** The pid in the file, when that process runs and belongs to the router. */
    private static Optional<Long> daemonPid(NetnsRouter router, String file) throws IOException {
        Optional<String> text = router.host().readText(DirectServiceManager.PID_DIRECTORY + "/" + file);
        if (text.isEmpty() || !text.get().strip().matches("\\d{1,10}")) {
            return Optional.empty();
        }
        long pid = Long.parseLong(text.get().strip());
        return isRunning(pid) && commandLine(pid).contains(router.root() + "/") ? Optional.of(pid) : Optional.empty();
    }

    /** TERM, up to {@link #TERM_WAIT} to exit, then KILL. */
    private static void end(long pid) throws IOException {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty()) {
            return;
        }
        process.get().destroy();
        if (awaitExit(pid, TERM_WAIT)) {
            return;
        }
        log.warn("process {} ignored TERM for {}; killing it", pid, TERM_WAIT);
        process.get().destroyForcibly();
        if (!awaitExit(pid, KILL_WAIT)) {
            throw new IOException("process " + pid + " survived KILL for " + KILL_WAIT);
        }
    }

    private static boolean awaitExit(long pid, Duration limit) throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (isRunning(pid)) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(20);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while waiting for process " + pid + " to exit");
            }
        }
        return true;
    }

    /** Whether the process exists and is not a zombie (a zombie has exited; only its parent's wait is missing). */
    static boolean isRunning(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), UTF_8);
            // "pid (comm) S ...": the state follows the last ')', since comm may hold one
            int end = stat.lastIndexOf(')');
            return end > 0 && end + 2 < stat.length() && stat.charAt(end + 2) != 'Z';
        }
        catch (IOException e) {
            // no such process, or it exited while we read
            return false;
        }
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), UTF_8).replace('\0', ' ');
        }
        catch (IOException e) {
            return "";
        }
    }
}
