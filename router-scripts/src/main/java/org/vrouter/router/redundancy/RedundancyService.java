package org.vrouter.router.redundancy;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.vrouter.api.router.RedundantState;
import org.vrouter.router.address.AddressApplier;
import org.vrouter.router.address.AddressingInputs;
import org.vrouter.router.address.Route;
import org.vrouter.router.converge.ServiceConverger;
import org.vrouter.router.converge.ServiceDrift;
import org.vrouter.router.converge.ServiceRendering;
import org.vrouter.router.converge.ServiceResult;
import org.vrouter.router.databag.BagKey;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.host.FileDrift;
import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.Host;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.ProgramResult;
import org.vrouter.router.service.ConfigRejectedException;
import org.vrouter.router.service.Daemon;
import org.vrouter.router.service.ServiceManager;

/**
 * The {@code redundancy} service: keepalived and conntrackd on a redundant router, from
 * {@link RedundancyInputs}.
 *
 * <ul>
 *   <li>Files: {@code keepalived.conf} ({@link KeepalivedRenderer}, checked by {@code keepalived -t} before
 *       it replaces the live one), {@code conntrackd.conf} ({@link ConntrackdRenderer}) and the notify hook
 *       ({@link RedundancyEntryPoint#script}).</li>
 *   <li>keepalived not running: the router first enters BACKUP ({@link RedundancyTransition#enterLocked}:
 *       public links down, and a gateway a killed keepalived left on the interface removed, see
 *       {@link VrrpObservation}), then keepalived starts; only its notify hook promotes the router. Running:
 *       a changed file is a reload (SIGHUP), which keeps the VRRP state: never a restart. When the bags'
 *       {@code redundant_state} is not the recorded one (boot arguments merged again reset it to BACKUP), the
 *       transition runs again and takes the state keepalived holds.</li>
 *   <li>conntrackd: started when not running; restarted only when its own file changed.</li>
 *   <li>Not redundant (any more): when a {@code keepalived.conf} is left from before, both daemons are
 *       stopped and the files removed once; otherwise nothing runs, on every converge, and the service is
 *       unchanged (not skipped: a single router is not a warning). {@link #render} says why it renders nothing.</li>
 *   <li>An interface keepalived would use is not in the kernel yet (a VPC router boots before its NICs are
 *       hot-plugged, with the bags of its last life): handled as not redundant until the NIC is there and the
 *       management server's configuration converges again.</li>
 * </ul>
 * An unchanged rendering is skipped without running a program; {@link #repair} also starts daemons that
 * should run and do not. Depends on {@code addresses} (the VRRP interface must hold its address) and
 * {@code firewall} (its {@code INPUT} must accept VRRP before keepalived listens).
 */
public final class RedundancyService implements ServiceConverger {
    public static final String NAME = "redundancy";
    private static final String LOG_FILE = "/var/log/vrouter/redundancy-state.log";
    /** The VRRP interface's address ({@code addresses}) and the rules accepting VRRP ({@code firewall}). */
    static final Set<String> STANDARD_DEPENDENCIES = Set.of("addresses", "firewall");

    private final Host host;
    private final ServiceManager services;
    private final RedundancyEntryPoint entryPoint;
    private final Set<String> dependsOn;
    private final Daemon keepalived;
    private final Daemon conntrackd;
    /** The files this process last applied; empty before the first apply and after a failure. */
    private Optional<Map<String, String>> applied = Optional.empty();

    public RedundancyService(Host host, ServiceManager services, RedundancyEntryPoint entryPoint, Set<String> dependsOn) {
        this.host = requireNonNull(host, "host is null");
        this.services = requireNonNull(services, "services is null");
        this.entryPoint = requireNonNull(entryPoint, "entryPoint is null");
        this.dependsOn = Set.copyOf(dependsOn);
        this.keepalived = RedundancyDaemons.keepalived(host);
        this.conntrackd = RedundancyDaemons.conntrackd(host);
    }

    /**
     * The service over {@code host} with the notify hook {@link RedundancyEntryPoint#forHost} gives, after
     * {@code addresses} and {@code firewall}: keepalived is not started (nor reloaded) when the firewall, which
     * accepts VRRP, did not converge; a keepalived that cannot hear its peer would take the gateway beside it.
     */
    public static RedundancyService standard(Host host, ServiceManager services) {
        return new RedundancyService(host, services, RedundancyEntryPoint.forHost(host), STANDARD_DEPENDENCIES);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<BagKey> inputs() {
        return Set.of(BagKey.CMD_LINE, BagKey.IPS, BagKey.GUEST_NETWORK);
    }

    @Override
    public Set<String> dependsOn() {
        return dependsOn;
    }

    @Override
    public synchronized ServiceResult apply(Databags databags) throws IOException {
        return converge(databags, false);
    }

    @Override
    public synchronized ServiceResult repair(Databags databags) throws IOException {
        return converge(databags, true);
    }

    private ServiceResult converge(Databags databags, boolean repair) throws IOException {
        RedundancyInputs.Desired desired = RedundancyInputs.from(databags);
        if (desired.input().isEmpty()) {
            return turnOff(desired.skipReason());
        }
        Map<String, String> files = files(databags, desired.input().get());
        boolean inStep = inStep(databags);
        if (!repair && inStep && applied.equals(Optional.of(files))) {
            return ServiceResult.unchanged(List.of());
        }
        applied = Optional.empty();
        Optional<String> absent = absentDevice(desired.input().get());
        if (absent.isPresent()) {
            // a VPC router boots before its tier NICs are plugged: keepalived waits for them (CloudStack's CsRedundant too)
            return turnOff(absent.get() + " is not plugged yet");
        }
        List<String> done = new ArrayList<>();
        boolean conntrackdChanged = write(RedundancyPaths.CONNTRACKD_CONF, files, FileMode.PUBLIC);
        if (!services.isRunning(conntrackd)) {
            services.start(conntrackd);
            done.add("conntrackd started");
        }
        else if (conntrackdChanged) {
            services.restart(conntrackd);
            done.add("conntrackd restarted (" + RedundancyPaths.CONNTRACKD_CONF + " changed)");
        }
        if (write(RedundancyPaths.NOTIFY_SCRIPT, files, FileMode.EXECUTABLE)) {
            done.add(RedundancyPaths.NOTIFY_SCRIPT + " written");
        }
        done.addAll(keepalived(databags, files.get(RedundancyPaths.KEEPALIVED_CONF), inStep));
        applied = Optional.of(files);
        return done.isEmpty() ? ServiceResult.unchanged(List.of()) : ServiceResult.applied(String.join("; ", done), List.of());
    }

    private List<String> keepalived(Databags databags, String config, boolean inStep) throws IOException {
        boolean changed = host.readText(RedundancyPaths.KEEPALIVED_CONF).filter(config::equals).isEmpty();
        if (changed) {
            check(config);
        }
        if (!services.isRunning(keepalived)) {
            RedundancyTransition.Outcome outcome = new RedundancyTransition(host).enterLocked(databags, RedundantState.BACKUP);
            host.writeText(RedundancyPaths.KEEPALIVED_CONF, config, FileMode.PUBLIC);
            services.start(keepalived);
            return List.of("entered " + outcome.state() + "; keepalived started");
        }
        List<String> done = new ArrayList<>();
        if (!inStep) {
            // the bags' state is not the recorded one (boot arguments merged again): take keepalived's
            RedundancyTransition.Outcome outcome = new RedundancyTransition(host).enterLocked(databags, RedundantState.BACKUP);
            done.add("state put right: " + outcome.state());
        }
        if (changed) {
            host.writeText(RedundancyPaths.KEEPALIVED_CONF, config, FileMode.PUBLIC);
            services.reload(keepalived);
            done.add("keepalived reloaded (" + RedundancyPaths.KEEPALIVED_CONF + " changed)");
        }
        return done;
    }

    /** Whether the bags' {@code redundant_state} is the one the last transition recorded (a file read, no program). */
    private boolean inStep(Databags databags) throws IOException {
        RedundantState recorded = RedundancyTransition.recorded(host);
        return recorded != RedundantState.UNKNOWN
                && databags.cmdLine().get("redundant_state").filter(recorded.wireName()::equalsIgnoreCase).isPresent();
    }

    /** The first interface keepalived would use (VRRP or tracked) that the kernel does not have, from one {@code ip -o link show}. */
    private Optional<String> absentDevice(RedundancyInput input) throws IOException {
        Set<String> present = new HashSet<>();
        for (String line : host.run(ProgramCall.of("ip", "-o", "link", "show")).requireSuccess().stdout().split("\n")) {
            String[] fields = line.split(":\\s+", 3);
            if (fields.length == 3) {
                present.add(fields[1].split("@", 2)[0]);
            }
        }
        if (present.isEmpty()) {
            // not even a loopback link: no kernel was read (a dry run), so nothing is known to be absent
            return Optional.empty();
        }
        List<String> wanted = new ArrayList<>(input.trackedDevices());
        wanted.add(0, input.device());
        return wanted.stream().filter(device -> !present.contains(device)).findFirst();
    }

    /** {@code keepalived -t} on the candidate file, in the router's namespace (it checks that the interfaces exist). */
    private void check(String config) throws IOException {
        host.writeText(RedundancyPaths.KEEPALIVED_CANDIDATE, config, FileMode.PUBLIC);
        try {
            ProgramResult result = host.run(ProgramCall.of("keepalived", "--config-test", "--use-file=" + host.resolve(RedundancyPaths.KEEPALIVED_CANDIDATE),
                    "--log-console"));
            if (!result.succeeded()) {
                throw new ConfigRejectedException("keepalived", RedundancyPaths.KEEPALIVED_CONF,
                        (result.stdout() + result.stderr()).strip().replace('\n', ' '), config, OptionalInt.empty());
            }
        }
        finally {
            host.delete(RedundancyPaths.KEEPALIVED_CANDIDATE);
        }
    }

    private boolean write(String path, Map<String, String> files, FileMode mode) throws IOException {
        String content = files.get(path);
        if (host.readText(path).filter(content::equals).isPresent()) {
            return false;
        }
        host.writeText(path, content, mode);
        return true;
    }

    private ServiceResult turnOff(String reason) throws IOException {
        applied = Optional.empty();
        if (!host.exists(RedundancyPaths.KEEPALIVED_CONF)) {
            // the normal case of a single router, not a warning: nothing runs and nothing is to be done
            return ServiceResult.unchanged(List.of());
        }
        services.stop(keepalived);
        services.stop(conntrackd);
        for (String path : List.of(RedundancyPaths.KEEPALIVED_CONF, RedundancyPaths.CONNTRACKD_CONF, RedundancyPaths.NOTIFY_SCRIPT,
                RedundancyPaths.STATE)) {
            host.delete(path);
        }
        return ServiceResult.applied("redundancy off (" + reason + "): keepalived and conntrackd stopped", List.of());
    }

    /** Router path to content of the three files, in a stable order. */
    private Map<String, String> files(Databags databags, RedundancyInput input) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(RedundancyPaths.KEEPALIVED_CONF, KeepalivedRenderer.render(input, host.resolve(RedundancyPaths.NOTIFY_SCRIPT).toString()));
        files.put(RedundancyPaths.CONNTRACKD_CONF, ConntrackdRenderer.render(input, host.resolve(RedundancyPaths.CONNTRACKD_LOCK).toString(),
                host.resolve(RedundancyPaths.CONNTRACKD_SOCKET).toString()));
        files.put(RedundancyPaths.NOTIFY_SCRIPT, entryPoint.script(host.resolve(LOG_FILE).toString(), fastPath(databags, input)));
        return files;
    }

    /** The routes a PRIMARY has and a BACKUP has not (those through the public links), for the notify hook. */
    static RedundancyEntryPoint.FastPath fastPath(Databags databags, RedundancyInput input) {
        List<Route> backup = AddressingInputs.from(RedundancyTransition.withState(databags, RedundantState.BACKUP)).routes();
        List<String> routes = AddressingInputs.from(RedundancyTransition.withState(databags, RedundantState.PRIMARY)).routes().stream()
                .filter(route -> !backup.contains(route)).map(route -> route + " proto " + AddressApplier.PROTOCOL).toList();
        return new RedundancyEntryPoint.FastPath(input.publicDevices(), input.device(), input.advertised().address().address().toString(),
                routes);
    }

    @Override
    public ServiceRendering render(Databags databags) {
        RedundancyInputs.Desired desired = RedundancyInputs.from(databags);
        return desired.input().map(input -> ServiceRendering.rendered(NAME, "", files(databags, input)))
                .orElseGet(() -> ServiceRendering.skipped(NAME, desired.skipReason()));
    }

    @Override
    public ServiceDrift verify(Databags databags) throws IOException {
        RedundancyInputs.Desired desired = RedundancyInputs.from(databags);
        if (desired.input().isEmpty()) {
            return ServiceDrift.of(NAME, host.exists(RedundancyPaths.KEEPALIVED_CONF)
                    ? List.of(RedundancyPaths.KEEPALIVED_CONF + " is left from a redundant configuration (" + desired.skipReason() + ")")
                    : List.of());
        }
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, String> file : files(databags, desired.input().get()).entrySet()) {
            FileDrift.of(host, file.getKey(), file.getValue().getBytes(StandardCharsets.UTF_8)).ifPresent(differences::add);
        }
        for (Daemon daemon : List.of(keepalived, conntrackd)) {
            if (!services.isRunning(daemon)) {
                differences.add(daemon.name() + " is not running");
            }
        }
        return ServiceDrift.of(NAME, differences);
    }
}
