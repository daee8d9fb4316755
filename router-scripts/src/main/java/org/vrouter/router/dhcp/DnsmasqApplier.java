package org.vrouter.router.dhcp;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.vrouter.router.memo.IdentityMemo;
import org.vrouter.router.service.ConfigRejectedException;
import org.vrouter.router.service.Daemon;
import org.vrouter.router.service.ServiceAction;
import org.vrouter.router.service.ServiceException;
import org.vrouter.router.service.ServiceManager;

/**
 * Converges dnsmasq to a {@link DhcpInput} without dropping leases or the DNS cache for data changes, and
 * without making dnsmasq re-read every host for one more.
 *
 * <p>{@link #apply} renders the files ({@link DnsmasqFiles}): {@code cloud.conf} (compared with the disk byte
 * for byte) and the per-host files of dnsmasq's directories, laid out by {@link HostDirectories} as a base
 * file plus one delta file per host added since the last compaction. The CloudStack files
 * {@code dhcphosts.txt}, {@code dhcpopts.txt} and {@code /etc/hosts}, which dnsmasq does not read, are
 * written by {@link #settle} (compared byte for byte): at the end of {@link #apply}, or, after
 * {@link #applyLeavingRecords}, when the caller has nothing more urgent to do (vrouterd, after its reply).
 * <ul>
 *   <li>Nothing differs: nothing is written and no program runs.</li>
 *   <li>Only new hosts (or the router's names): their files are written
 *       atomically and dnsmasq reads them by itself (inotify); it is only checked to be running, and
 *       started if it is not. Adding a VM costs the same whatever the number of hosts.</li>
 *   <li>A host changed or removed (or too many deltas): dnsmasq keeps what it read from a file until
 *       SIGHUP (dnsmasq(8), {@code --dhcp-hostsdir}), so the directories are compacted and dnsmasq gets
 *       SIGHUP (the service manager's reload), which re-reads everything. A host change never
 *       restarts dnsmasq.</li>
 *   <li>Except when a reservation sets a tag ({@code set:}, for per-VM options) and the lease file
 *       holds a lease: then a reload is a restart, since dnsmasq 2.86 to 2.90 may crash on a SIGHUP
 *       that re-reads such hosts while it holds leases (seen with 2.90: a segfault, DHCP and DNS gone
 *       until the next restart). Leases survive a restart in the lease file.</li>
 *   <li>{@code cloud.conf} differs: the candidate is checked first with {@code dnsmasq --test}; if
 *       dnsmasq rejects it, nothing is written and {@link ConfigRejectedException} carries dnsmasq's
 *       message. Otherwise the files are written and dnsmasq is restarted (SIGHUP does not re-read
 *       its configuration).</li>
 * </ul>
 * Per-host files are written options and names first, reservations last, so dnsmasq never serves a
 * reservation without its options. Then every lease in the lease file that no reservation holds any more
 * (a removed VM, a changed MAC or address) is released with {@code dhcp_release} ({@code dhcp_release6}
 * for IPv6) on the interface serving it, so dnsmasq drops it itself and the address is free for the next
 * VM. The lease file is only read: dnsmasq owns it, and keeps it across restarts.
 *
 * <p>Releases after a restart or a start reach dnsmasq only once it listens; one sent too early is
 * lost, and the lease is released at the next apply that changes something.
 *
 * <p>Methods are synchronized: one converge at a time.
 */
public final class DnsmasqApplier {
    /** Where a new {@code cloud.conf} is checked before it is installed; outside dnsmasq's conf-dir. */
    public static final String CANDIDATE_PATH = "/var/lib/vrouter/candidates/dnsmasq-cloud.conf";

    private static final Logger log = LoggerFactory.getLogger(DnsmasqApplier.class);
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern LINE = Pattern.compile("at line (\\d+)");

    private final Host host;
    private final ServiceManager services;
    private final Daemon daemon;
    private final Clock clock;
    /** The files as dnsmasq must find them, through the host's root. */
    private final DnsmasqPaths references;
    /** dnsmasq's per-host directories, and what this applier knows of them. */
    private final HostDirectories directories;
    /** Each host's rendered lines, kept from one apply to the next. */
    private final IdentityMemo<DhcpHost, DnsmasqHostFiles.HostText> rendered = new IdentityMemo<>();
    /** The files of the last apply whose CloudStack files {@link #settle} has not written yet. */
    private Optional<DnsmasqFiles> pendingRecords = Optional.empty();

    /** An applier for the standard dnsmasq daemon ({@link #daemon(Host)}). */
    public DnsmasqApplier(Host host, ServiceManager services, Clock clock) {
        this(host, services, daemon(host), clock);
    }

    public DnsmasqApplier(Host host, ServiceManager services, Daemon daemon, Clock clock) {
        this.host = requireNonNull(host, "host is null");
        this.services = requireNonNull(services, "services is null");
        this.daemon = requireNonNull(daemon, "daemon is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.references = DnsmasqPaths.ROUTER.map(path -> host.resolve(path).toString());
        this.directories = new HostDirectories(host);
    }

    /**
     * dnsmasq as the direct service manager starts it: in the foreground, logging to its output, no
     * pid file of its own, configured by {@code cloud.conf} alone. (systemd ignores the argv: the
     * router image's unit must load {@code /etc/dnsmasq.d/cloud.conf}.)
     */
    public static Daemon daemon(Host host) {
        return Daemon.of("dnsmasq", List.of("/usr/sbin/dnsmasq", "--keep-in-foreground", "--pid-file=", "--log-facility=-",
                "--conf-file=" + host.resolve(DnsmasqFiles.CLOUD_CONF)));
    }

    /**
     * Converges dnsmasq to {@code input}, CloudStack's files included.
     *
     * @throws ConfigRejectedException if {@code dnsmasq --test} rejects the new {@code cloud.conf}
     *     (nothing was written; the previous configuration is still in force)
     * @throws ServiceException if dnsmasq could not be reloaded, restarted or started
     * @throws org.vrouter.router.host.ProgramFailedException if a release failed
     * @throws IOException if the host failed to read or write a file or to run a program
     */
    public synchronized DnsmasqReport apply(DhcpInput input) throws IOException {
        DnsmasqReport report = applyLeavingRecords(input);
        List<String> records = settle();
        if (records.isEmpty()) {
            return report;
        }
        List<String> written = new ArrayList<>(records);
        written.addAll(report.changedFiles());
        return new DnsmasqReport(written, report.action(), report.releases(), report.elapsed());
    }

    /**
     * {@link #apply}, except CloudStack's files ({@code dhcphosts.txt}, {@code dhcpopts.txt}, {@code /etc/hosts}),
     * which are left for {@link #settle}: dnsmasq does not read them, and at 10,000 hosts building, comparing
     * and writing them is most of what one more host costs. Until then they show the hosts of an earlier apply.
     *
     * @throws ConfigRejectedException, ServiceException, IOException as {@link #apply}
     */
    public synchronized DnsmasqReport applyLeavingRecords(DhcpInput input) throws IOException {
        long started = clock.millis();
        DnsmasqFiles desired = DnsmasqRenderer.render(input, references, rendered);
        pendingRecords = Optional.of(desired);
        byte[] cloudConf = desired.cloudConf().getBytes(StandardCharsets.UTF_8);
        boolean newConfiguration = !Arrays.equals(host.read(DnsmasqFiles.CLOUD_CONF).orElse(null), cloudConf);
        HostDirectories.Plan plan = directories.plan(desired);
        if (!newConfiguration && plan.isEmpty()) {
            return new DnsmasqReport(List.of(), ServiceAction.UNCHANGED, List.of(), elapsedSince(started));
        }
        if (newConfiguration) {
            validate(desired.cloudConf());
        }
        Optional<DnsmasqLeases> leases = host.readText(DnsmasqPaths.ROUTER.leaseFile()).map(DnsmasqLeases::parse);
        boolean restart = newConfiguration || plan.needsReload() && desired.setsTags() && leases.filter(DnsmasqLeases::holdsAny).isPresent();
        List<DhcpRelease> releases = leases.map(held -> held.stale(input)).orElse(List.of());
        // point of no return: the files change, then dnsmasq is told
        host.createDirectories(parent(DnsmasqPaths.ROUTER.leaseFile()));
        directories.write(plan, desired);
        List<String> written = new ArrayList<>();
        if (newConfiguration) {
            host.write(DnsmasqFiles.CLOUD_CONF, cloudConf, FileMode.PUBLIC, true);
            written.add(DnsmasqFiles.CLOUD_CONF);
        }
        ServiceAction action = restart ? restart() : plan.needsReload() ? reloadOrStart() : startIfStopped();
        for (DhcpRelease release : releases) {
            host.run(ProgramCall.of(release.argv()).withTimeout(TOOL_TIMEOUT)).requireSuccess();
        }
        written.addAll(plan.writes().keySet());
        DnsmasqReport report = new DnsmasqReport(written, action, releases, elapsedSince(started));
        log.info("dnsmasq converged: {} file(s) written{}, {}, {} lease(s) released in {} ms", written.size(),
                plan.compact() ? " (per-host directories compacted)" : "", action, releases.size(), report.elapsed().toMillis());
        return report;
    }

    /**
     * Writes CloudStack's files as the last {@link #applyLeavingRecords} rendered them, each one whose bytes on
     * disk differ (so a file edited by hand is put right too). Nothing when no apply left them.
     *
     * @return the files written
     * @throws IOException if the host failed to read or write one; they are still pending then
     */
    public synchronized List<String> settle() throws IOException {
        if (pendingRecords.isEmpty()) {
            return List.of();
        }
        List<String> written = new ArrayList<>();
        for (Map.Entry<String, String> file : pendingRecords.get().records().entrySet()) {
            byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
            if (!Arrays.equals(host.read(file.getKey()).orElse(null), content)) {
                // records for the router's resolver and its operators, derived again by every apply: no fsync
                host.write(file.getKey(), content, FileMode.PUBLIC, false);
                written.add(file.getKey());
            }
        }
        pendingRecords = Optional.empty();
        if (!written.isEmpty()) {
            log.debug("dnsmasq: {} written", written);
        }
        return written;
    }

    /**
     * Starts dnsmasq if a configuration has been applied and it is not running (at boot, or after
     * it died); no-op otherwise.
     */
    public synchronized ServiceAction ensureRunning() throws IOException {
        if (!host.exists(DnsmasqFiles.CLOUD_CONF) || services.isRunning(daemon)) {
            return ServiceAction.UNCHANGED;
        }
        host.createDirectories(parent(DnsmasqPaths.ROUTER.leaseFile()));
        // dnsmasq watches these at start and will not start without them
        for (String directory : List.of(DnsmasqFiles.DHCP_HOSTS_DIR, DnsmasqFiles.DHCP_OPTS_DIR, DnsmasqFiles.NAMES_DIR)) {
            host.createDirectories(directory);
        }
        services.start(daemon);
        log.info("dnsmasq was not running: started");
        return ServiceAction.STARTED;
    }

    /** The files {@link #apply} would write for {@code input}, pointing at the host's paths; writes nothing. */
    public DnsmasqFiles render(DhcpInput input) {
        return DnsmasqRenderer.render(input, references);
    }

    /**
     * How the machine differs from {@code input}, read only: each file whose bytes differ from the
     * rendered ones (by SHA-256), and dnsmasq not running.
     *
     * @return one line per difference; empty when the machine serves {@code input}
     */
    public synchronized List<String> verify(DhcpInput input) throws IOException {
        List<String> differences = new ArrayList<>();
        DnsmasqFiles desired = render(input);
        for (Map.Entry<String, String> file : desired.singleFiles().entrySet()) {
            FileDrift.of(host, file.getKey(), file.getValue().getBytes(StandardCharsets.UTF_8)).ifPresent(differences::add);
        }
        differences.addAll(directories.verify(desired.entries()));
        if (!services.isRunning(daemon)) {
            differences.add("dnsmasq is not running");
        }
        return differences;
    }

    private void validate(String cloudConf) throws IOException {
        host.writeText(CANDIDATE_PATH, cloudConf, FileMode.PUBLIC);
        try {
            String candidate = host.resolve(CANDIDATE_PATH).toString();
            ProgramResult result = host.run(ProgramCall.of("dnsmasq", "--test", "--conf-file=" + candidate)
                    .withTimeout(TOOL_TIMEOUT));
            if (!result.succeeded()) {
                String message = result.firstErrorLine().replaceFirst("^dnsmasq: ", "").replace(candidate, DnsmasqFiles.CLOUD_CONF);
                Matcher line = LINE.matcher(message);
                throw new ConfigRejectedException("dnsmasq", DnsmasqFiles.CLOUD_CONF, message, cloudConf,
                        line.find() ? OptionalInt.of(Integer.parseInt(line.group(1))) : OptionalInt.empty());
            }
        }
        finally {
            host.delete(CANDIDATE_PATH);
        }
    }

    /** After files dnsmasq reads by itself: nothing to tell it, but it must be running to read them. */
    private ServiceAction startIfStopped() throws IOException {
        if (services.isRunning(daemon)) {
            return ServiceAction.PICKED_UP;
        }
        services.start(daemon);
        return ServiceAction.STARTED;
    }

    private ServiceAction restart() throws IOException {
        services.restart(daemon);
        return ServiceAction.RESTARTED;
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

    private Duration elapsedSince(long started) {
        return Duration.ofMillis(clock.millis() - started);
    }

    private static String parent(String path) {
        return path.substring(0, path.lastIndexOf('/'));
    }
}
