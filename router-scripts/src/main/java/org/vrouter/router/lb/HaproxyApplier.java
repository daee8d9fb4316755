package org.vrouter.router.lb;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrouter.router.host.FileDrift;
import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.Host;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.ProgramResult;
import org.vrouter.router.service.ConfigRejectedException;
import org.vrouter.router.service.Daemon;
import org.vrouter.router.service.ServiceAction;
import org.vrouter.router.service.ServiceException;
import org.vrouter.router.service.ServiceManager;
import org.vrouter.router.service.Signal;

/**
 * Installs the load balancer configuration received from the management server, never leaving
 * haproxy with a configuration it has not checked, and never restarting it for a change.
 *
 * <p>{@link #apply}:
 * <ul>
 *   <li>The configuration is byte-for-byte what {@value #CONFIG_PATH} holds: no program runs.</li>
 *   <li>It differs: it is written to {@value #CANDIDATE_PATH} and checked with
 *       {@code haproxy -c -f}. Rejected: the candidate is removed, the live file and haproxy stay
 *       as they were, and {@link ConfigRejectedException} carries haproxy's message and the
 *       offending line (passwords masked). Accepted: it replaces the live file atomically and
 *       haproxy reloads seamlessly, or starts if it was not running.</li>
 *   <li>No configuration ({@link LoadBalancerInput#none()}): haproxy is stopped and the live file
 *       removed, if there was one.</li>
 * </ul>
 * The configuration is installed as received, except that {@code stats socket} paths are resolved
 * through the host's root: a no-op on a router; in a sandbox, routers sharing a machine must not
 * share a socket.
 *
 * <p>haproxy runs in master-worker mode ({@link #daemon(Host)}). A reload (SIGUSR2 to the master,
 * or {@code systemctl reload}) keeps the master, starts new workers on the new configuration, and
 * lets the old ones finish their connections; with {@code expose-fd listeners} on the stats socket,
 * as the management side renders it, the listening sockets are handed over rather than re-bound,
 * so no connection attempt is refused during the reload.
 *
 * <p>Methods are synchronized: one converge at a time.
 */
public final class HaproxyApplier {
    public static final String CONFIG_PATH = "/etc/haproxy/haproxy.cfg";
    /** Where a new configuration is checked, as CloudStack names it. */
    public static final String CANDIDATE_PATH = "/etc/haproxy/haproxy.cfg.new";

    private static final Logger log = LoggerFactory.getLogger(HaproxyApplier.class);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern ALERT = Pattern.compile("^\\[ALERT]\\s*\\(\\d+\\)\\s*:\\s*(?:config\\s*:\\s*)?");
    private static final Pattern LINE = Pattern.compile("\\[[^\\]\\s]*:(\\d+)]");
    /** {@code stats socket <absolute normalised path> [options]}. */
    private static final Pattern STATS_SOCKET = Pattern.compile("^(\\s*stats\\s+socket\\s+)((?:/(?!\\.\\.?(?:/|\\s|$))[^/\\s]+)+)(\\s.*|)$");
    private static final Pattern SECRET = Pattern.compile("(\\b(?:auth|password|insecure-password)\\s+)\\S+");

    private final Host host;
    private final ServiceManager services;
    private final Daemon daemon;
    private final Clock clock;

    /** An applier for the standard haproxy daemon ({@link #daemon(Host)}). */
    public HaproxyApplier(Host host, ServiceManager services, Clock clock) {
        this(host, services, daemon(host), clock);
    }

    public HaproxyApplier(Host host, ServiceManager services, Daemon daemon, Clock clock) {
        this.host = requireNonNull(host, "host is null");
        this.services = requireNonNull(services, "services is null");
        this.daemon = requireNonNull(daemon, "daemon is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * haproxy as the direct service manager starts it: master-worker ({@code -W}) in the
     * foreground ({@code -db}, which overrides {@code daemon} in the configuration), reloaded by
     * SIGUSR2 to the master. (systemd ignores the argv: Debian's unit runs {@code haproxy -Ws}.)
     */
    public static Daemon daemon(Host host) {
        return new Daemon("haproxy", List.of("/usr/sbin/haproxy", "-W", "-db", "-f", host.resolve(CONFIG_PATH).toString()),
                Signal.USR2);
    }

    /**
     * Converges haproxy to {@code input}.
     *
     * @throws ConfigRejectedException if {@code haproxy -c} rejects the configuration (nothing
     *     changed: the previous configuration is still in force)
     * @throws ServiceException if haproxy could not be reloaded, started or stopped
     * @throws IOException if the host failed to read or write a file or to run a program
     */
    public synchronized HaproxyReport apply(LoadBalancerInput input) throws IOException {
        long started = clock.millis();
        byte[] current = host.read(CONFIG_PATH).orElse(null);
        if (input.isEmpty()) {
            if (current == null) {
                return report(ServiceAction.UNCHANGED, started);
            }
            services.stop(daemon);
            host.delete(CONFIG_PATH);
            return report(ServiceAction.STOPPED, started);
        }
        List<String> socketDirectories = new ArrayList<>();
        String text = localSockets(input.text(), socketDirectories);
        byte[] desired = text.getBytes(StandardCharsets.UTF_8);
        if (Arrays.equals(current, desired)) {
            return report(ServiceAction.UNCHANGED, started);
        }
        check(text);
        // point of no return: the live file changes, then haproxy loads it
        for (String directory : socketDirectories) {
            host.createDirectories(directory);
        }
        host.write(CONFIG_PATH, desired, FileMode.SECRET);
        return report(reloadOrStart(), started);
    }

    /**
     * Starts haproxy if a configuration is installed and it is not running (at boot, or after it
     * died); no-op otherwise.
     */
    public synchronized ServiceAction ensureRunning() throws IOException {
        if (!host.exists(CONFIG_PATH) || services.isRunning(daemon)) {
            return ServiceAction.UNCHANGED;
        }
        services.start(daemon);
        log.info("haproxy was not running: started");
        return ServiceAction.STARTED;
    }

    /**
     * The {@value #CONFIG_PATH} {@link #apply} would install for {@code input} (stats sockets resolved
     * through the host's root); empty text for {@link LoadBalancerInput#none()}. Writes nothing.
     */
    public String render(LoadBalancerInput input) {
        return input.isEmpty() ? "" : localSockets(input.text(), new ArrayList<>());
    }

    /**
     * How the machine differs from {@code input}, read only: {@value #CONFIG_PATH} whose bytes differ from
     * the configuration (by SHA-256), haproxy not running while configured, or a configuration or a
     * running haproxy left when there is none.
     *
     * @return one line per difference; empty when the machine serves {@code input}
     */
    public synchronized List<String> verify(LoadBalancerInput input) throws IOException {
        List<String> differences = new ArrayList<>();
        boolean running = services.isRunning(daemon);
        if (input.isEmpty()) {
            if (host.exists(CONFIG_PATH)) {
                differences.add(CONFIG_PATH + ": present, but no load balancer is configured");
            }
            if (running) {
                differences.add("haproxy is running, but no load balancer is configured");
            }
            return differences;
        }
        byte[] desired = render(input).getBytes(StandardCharsets.UTF_8);
        FileDrift.of(host, CONFIG_PATH, desired).ifPresent(differences::add);
        if (!running) {
            differences.add("haproxy is not running");
        }
        return differences;
    }

    /**
     * The configuration with each {@code stats socket} path resolved through the host's root, and
     * the router directories those sockets need. On a router (root {@code /}) nothing changes. In a
     * sandbox, routers sharing a machine must not share a socket: a reload takes the listening
     * sockets over from the one named with {@code expose-fd listeners}, which would hand one router
     * another's listeners. A path that is not absolute and normalised is left to haproxy.
     */
    private String localSockets(String text, List<String> directories) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher socket = STATS_SOCKET.matcher(lines[i]);
            if (socket.matches()) {
                String path = socket.group(2);
                lines[i] = socket.group(1) + host.resolve(path) + socket.group(3);
                directories.add(path.substring(0, Math.max(1, path.lastIndexOf('/'))));
            }
        }
        return String.join("\n", lines);
    }

    private void check(String text) throws IOException {
        // the candidate holds the statistics password, like the live file
        host.write(CANDIDATE_PATH, text.getBytes(StandardCharsets.UTF_8), FileMode.SECRET);
        try {
            String candidate = host.resolve(CANDIDATE_PATH).toString();
            ProgramResult result = host.run(ProgramCall.of("haproxy", "-c", "-f", candidate).withTimeout(CHECK_TIMEOUT));
            if (!result.succeeded()) {
                String message = toolMessage(result).replace(candidate, CONFIG_PATH);
                Matcher line = LINE.matcher(message);
                throw new ConfigRejectedException("haproxy", CONFIG_PATH, message, SECRET.matcher(text).replaceAll("$1****"),
                        line.find() ? OptionalInt.of(Integer.parseInt(line.group(1))) : OptionalInt.empty());
            }
        }
        finally {
            host.delete(CANDIDATE_PATH);
        }
    }

    /** haproxy's first alert, preferring one that names a line; its notices come first and say nothing. */
    private static String toolMessage(ProgramResult result) {
        String first = null;
        for (String line : (result.stderr() + "\n" + result.stdout()).split("\n")) {
            Matcher alert = ALERT.matcher(line);
            if (alert.find()) {
                String message = line.substring(alert.end()).strip();
                if (LINE.matcher(message).find()) {
                    return message;
                }
                if (first == null) {
                    first = message;
                }
            }
        }
        return first != null ? first : result.firstErrorLine();
    }

    private ServiceAction reloadOrStart() throws IOException {
        try {
            services.reload(daemon);
            return ServiceAction.RELOADED;
        }
        catch (ServiceException e) {
            // the usual reason is that it is not running; any other one is worth its own error
            if (services.isRunning(daemon)) {
                throw e;
            }
            services.start(daemon);
            return ServiceAction.STARTED;
        }
    }

    private HaproxyReport report(ServiceAction action, long started) {
        HaproxyReport report = new HaproxyReport(action, Duration.ofMillis(clock.millis() - started));
        if (action != ServiceAction.UNCHANGED) {
            log.info("haproxy converged: {} in {} ms", action, report.elapsed().toMillis());
        }
        return report;
    }
}
