package org.vrouter.router.vpn;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vrouter.api.router.RedundantState;
import org.vrouter.router.converge.ServiceConverger;
import org.vrouter.router.converge.ServiceDrift;
import org.vrouter.router.converge.ServiceRendering;
import org.vrouter.router.converge.ServiceResult;
import org.vrouter.router.databag.BagKey;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.host.FileDrift;
import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.Host;
import org.vrouter.router.redundancy.RedundancyTransition;
import org.vrouter.router.service.ServiceException;
import org.vrouter.router.service.ServiceManager;

/**
 * The {@code vpn} service: site-to-site IPsec peers, the L2TP/IPsec server and its users
 * ({@link VpnInputs}, {@link VpnRenderer}), applied through charon/swanctl and xl2tpd.
 *
 * <p>A converge writes only the files whose bytes differ (secrets mode 0600) and deletes the
 * {@code vrouter-*} swanctl files of removed peers. When a swanctl file changed it runs one {@code swanctl
 * --load-all}, which leaves unchanged connections and their SAs alone; the SAs of removed peers and of peers
 * whose definition or key changed are taken down, and non-passive new or changed peers are initiated
 * without waiting for the tunnel. xl2tpd restarts only when its own or pppd's options change: a changed
 * user list is only written, since pppd reads it per login, so other users' sessions stay up; the PPP links
 * of removed users and of users with a new password are ended ({@link PppSessions}). With no VPN
 * configured the files are removed and both daemons stopped; a router without VPN files is not touched.
 *
 * <p>A member of a redundant pair serves the VPN while PRIMARY only ({@link VpnRole}), by the state the last
 * VRRP transition recorded: a standby rendering has no start actions and says so in {@code swanctl.conf}, so
 * a change of role rewrites that file and the service then takes down every SA and PPP link (standby) or
 * initiates every non-passive peer (PRIMARY), with charon and xl2tpd left running. The transition applies
 * this service once the new state is recorded ({@link #followsRedundantState}); a converge on a BACKUP
 * initiates nothing.
 *
 * <p>Results, logs and renderings name files and connections, never a key or password.
 */
public final class VpnService implements ServiceConverger {
    public static final String NAME = "vpn";
    private static final Logger log = LoggerFactory.getLogger(VpnService.class);

    private final Host host;
    private final ServiceManager services;
    private final VpnRuntime runtime;
    private final StrongSwanControl strongswan;
    private final VpnSessions sessions;
    private final Set<String> dependsOn;

    /** @param dependsOn the services whose failure keeps this one from running ({@code addresses}) */
    public VpnService(Host host, ServiceManager services, VpnRuntime runtime, Set<String> dependsOn) {
        this.host = requireNonNull(host, "host is null");
        this.services = requireNonNull(services, "services is null");
        this.runtime = requireNonNull(runtime, "runtime is null");
        this.strongswan = new StrongSwanControl(host, runtime);
        this.sessions = new VpnSessions(host, strongswan, new PppSessions(host));
        this.dependsOn = Set.copyOf(dependsOn);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<BagKey> inputs() {
        return Set.of(BagKey.SITE_2_SITE_VPN, BagKey.REMOTE_ACCESS_VPN, BagKey.VPN_USER_LIST, BagKey.CMD_LINE);
    }

    /** A redundant router serves its VPN while PRIMARY only: a VRRP transition applies the service again. */
    @Override
    public boolean followsRedundantState() {
        return true;
    }

    @Override
    public Set<String> dependsOn() {
        return dependsOn;
    }

    @Override
    public ServiceResult apply(Databags databags) throws IOException {
        return converge(databags, false);
    }

    @Override
    public ServiceResult repair(Databags databags) throws IOException {
        return converge(databags, true);
    }

    @Override
    public ServiceRendering render(Databags databags) {
        VpnInputs.Result mapped = VpnInputs.from(databags);
        VpnFiles files = files(mapped.input(), VpnRole.ofBags(databags));
        List<String> notes = new ArrayList<>(mapped.warnings());
        if (!files.secretPaths().isEmpty()) {
            notes.add("not shown (secrets): " + String.join(", ", files.secretPaths()));
        }
        return ServiceRendering.rendered(NAME, String.join("; ", notes), files.shownFiles());
    }

    @Override
    public ServiceDrift verify(Databags databags) throws IOException {
        VpnInput input = VpnInputs.from(databags).input();
        VpnFiles files = files(input, role(databags));
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, String> file : files.files().entrySet()) {
            FileDrift.of(host, file.getKey(), bytes(file.getValue())).ifPresent(differences::add);
        }
        stale(files).forEach(path -> differences.add(path + ": stale, not rendered"));
        if (!input.isEmpty() && !services.isRunning(runtime.charon())) {
            differences.add(runtime.charon().name() + " is not running");
        }
        if (input.remoteAccess().isPresent() && !services.isRunning(runtime.xl2tpd())) {
            differences.add(runtime.xl2tpd().name() + " is not running");
        }
        return ServiceDrift.of(NAME, differences);
    }

    private ServiceResult converge(Databags databags, boolean repair) throws IOException {
        VpnInputs.Result mapped = VpnInputs.from(databags);
        VpnInput input = mapped.input();
        VpnRole role = role(databags);
        VpnFiles files = files(input, role);
        List<String> stale = stale(files);
        if (input.isEmpty()) {
            return removeAll(stale, mapped.warnings());
        }
        Map<String, String> usersBefore = PppSessions.users(host.readText(L2tpRenderer.CHAP_SECRETS));
        Map<String, Optional<byte[]>> before = snapshot(files, stale);
        List<String> written = write(files);
        delete(stale);
        List<String> actions = new ArrayList<>();
        boolean started = startCharon(actions);
        boolean swanctlChanged = touches(written, SwanctlRenderer.CONF_DIR) || touches(written, SwanctlRenderer.SWANCTL_CONF)
                || touches(stale, SwanctlRenderer.CONF_DIR);
        if (swanctlChanged || started || repair) {
            load(before, files);
            actions.add("loaded swanctl configuration");
        }
        // swanctl.conf says the role: written means the role is new (or the file was), so every peer follows it
        boolean all = started || repair || written.contains(SwanctlRenderer.SWANCTL_CONF);
        sessions.peers(input, written, stale, role, all, actions);
        l2tp(input, written, repair, actions);
        if (role == VpnRole.STANDBY && all) {
            sessions.standbyRemoteAccess(input, actions);
        }
        sessions.disconnectDropped(input, usersBefore, actions);
        return result(input, written, stale, actions, mapped.warnings());
    }

    private boolean startCharon(List<String> actions) throws IOException {
        boolean started = ensureRunning(runtime.charon().name(), () -> services.isRunning(runtime.charon()),
                () -> services.start(runtime.charon()));
        if (started) {
            strongswan.awaitReady();
            actions.add("started " + runtime.charon().name());
        }
        return started;
    }

    /**
     * Loads the written configuration; when charon refuses it, the files are put back as they were and
     * loaded again, so that the configuration in force is the previous one, and the refusal is thrown.
     */
    private void load(Map<String, Optional<byte[]>> before, VpnFiles files) throws IOException {
        try {
            strongswan.loadAll();
        }
        catch (ServiceException e) {
            for (Map.Entry<String, Optional<byte[]>> file : before.entrySet()) {
                if (file.getValue().isPresent()) {
                    host.write(file.getKey(), file.getValue().get(), mode(file.getKey(), files));
                }
                else {
                    host.delete(file.getKey());
                }
            }
            try {
                strongswan.loadAll();
            }
            catch (ServiceException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }

    /** The mode of a rendered file, or of a stale one as it was rendered: secrets and scripts by name. */
    private static FileMode mode(String path, VpnFiles files) {
        if (files.files().containsKey(path)) {
            return files.mode(path);
        }
        if (path.endsWith("-secrets.conf") || path.equals(L2tpRenderer.CHAP_SECRETS)) {
            return FileMode.SECRET;
        }
        return path.equals(L2tpRenderer.IP_UP) || path.equals(L2tpRenderer.IP_DOWN) ? FileMode.EXECUTABLE : FileMode.PUBLIC;
    }

    /** The current bytes of every file a converge may write or delete (empty: absent). */
    private Map<String, Optional<byte[]>> snapshot(VpnFiles files, List<String> stale) throws IOException {
        Map<String, Optional<byte[]>> before = new LinkedHashMap<>();
        for (String path : files.files().keySet()) {
            before.put(path, host.read(path));
        }
        for (String path : stale) {
            before.put(path, host.read(path));
        }
        return before;
    }

    private static ServiceResult result(VpnInput input, List<String> written, List<String> stale, List<String> actions,
            List<String> warnings) {
        List<String> changes = new ArrayList<>();
        if (!written.isEmpty()) {
            changes.add(String.join(", ", written) + " written");
        }
        if (!stale.isEmpty()) {
            changes.add(String.join(", ", stale) + " removed");
        }
        changes.addAll(actions);
        if (changes.isEmpty()) {
            return ServiceResult.unchanged(warnings);
        }
        log.info("vpn: {} peers, remote access {}, {} users: {}", input.peers().size(), input.remoteAccess().isPresent() ? "on" : "off",
                input.users().size(), String.join("; ", changes));
        return ServiceResult.applied(String.join("; ", changes), warnings);
    }

    /**
     * The role the machine is in: on a redundant router, from the VRRP state the last transition recorded
     * ({@link RedundancyTransition#recorded}, unknown before the first: standby), which is the truth while the
     * bags' {@code redundant_state} may lag (boot arguments merged again on a running PRIMARY).
     */
    private VpnRole role(Databags databags) throws IOException {
        boolean redundant = databags.cmdLine().isRedundant();
        return VpnRole.of(redundant, redundant ? RedundancyTransition.recorded(host) : RedundantState.UNKNOWN);
    }

    private void l2tp(VpnInput input, List<String> written, boolean repair, List<String> actions) throws IOException {
        if (input.remoteAccess().isEmpty()) {
            if (services.isRunning(runtime.xl2tpd())) {
                services.stop(runtime.xl2tpd());
                actions.add("stopped " + runtime.xl2tpd().name());
            }
            return;
        }
        host.createDirectories("/run/xl2tpd");
        boolean configChanged = written.contains(L2tpRenderer.XL2TPD_CONF) || written.contains(L2tpRenderer.PPP_OPTIONS);
        if (configChanged && !repair && services.isRunning(runtime.xl2tpd())) {
            services.restart(runtime.xl2tpd());
            actions.add("restarted " + runtime.xl2tpd().name());
        }
        else if (ensureRunning(runtime.xl2tpd().name(), () -> services.isRunning(runtime.xl2tpd()), () -> services.start(runtime.xl2tpd()))) {
            actions.add("started " + runtime.xl2tpd().name());
        }
    }

    /**
     * No VPN configured: a router without any of this service's files is left alone without asking for its
     * daemons (the common case costs nothing; not a skip, the service applies to every router); one with
     * files has them removed and the daemons stopped.
     */
    private ServiceResult removeAll(List<String> stale, List<String> warnings) throws IOException {
        if (stale.isEmpty()) {
            return ServiceResult.unchanged(warnings);
        }
        boolean charonRunning = services.isRunning(runtime.charon());
        boolean xl2tpdRunning = services.isRunning(runtime.xl2tpd());
        delete(stale);
        List<String> changes = new ArrayList<>();
        if (!stale.isEmpty()) {
            changes.add(String.join(", ", stale) + " removed");
        }
        if (xl2tpdRunning) {
            // pppd outlives xl2tpd: end the links first
            List<String> disconnected = sessions.disconnectAll();
            if (!disconnected.isEmpty()) {
                changes.add("disconnected " + String.join(", ", disconnected));
            }
            services.stop(runtime.xl2tpd());
            changes.add("stopped " + runtime.xl2tpd().name());
        }
        if (charonRunning) {
            services.stop(runtime.charon());
            changes.add("stopped " + runtime.charon().name());
        }
        return ServiceResult.applied(String.join("; ", changes), warnings);
    }

    private VpnFiles files(VpnInput input, VpnRole role) {
        return VpnRenderer.render(input, role, path -> host.resolve(path).toString());
    }

    private List<String> write(VpnFiles files) throws IOException {
        List<String> written = new ArrayList<>();
        for (Map.Entry<String, String> file : files.files().entrySet()) {
            byte[] content = bytes(file.getValue());
            if (host.read(file.getKey()).filter(current -> Arrays.equals(current, content)).isEmpty()) {
                host.write(file.getKey(), content, files.mode(file.getKey()));
                written.add(file.getKey());
            }
        }
        return written;
    }

    /** Files this service owns on the machine that the input no longer renders. */
    private List<String> stale(VpnFiles files) throws IOException {
        Set<String> owned = new LinkedHashSet<>();
        for (String name : host.list(SwanctlRenderer.CONF_DIR)) {
            if (name.startsWith(SwanctlRenderer.OWNED_PREFIX)) {
                owned.add(SwanctlRenderer.CONF_DIR + "/" + name);
            }
        }
        for (String path : List.of(L2tpRenderer.XL2TPD_CONF, L2tpRenderer.PPP_OPTIONS, L2tpRenderer.CHAP_SECRETS, L2tpRenderer.IP_UP,
                L2tpRenderer.IP_DOWN, SwanctlRenderer.SWANCTL_CONF)) {
            if (host.exists(path)) {
                owned.add(path);
            }
        }
        owned.removeAll(files.files().keySet());
        return List.copyOf(owned);
    }

    private void delete(List<String> paths) throws IOException {
        for (String path : paths) {
            host.delete(path);
        }
    }

    private static boolean touches(List<String> paths, String prefix) {
        return paths.stream().anyMatch(path -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }

    private interface Check {
        boolean test() throws IOException;
    }

    private interface Action {
        void run() throws IOException;
    }

    private static boolean ensureRunning(String name, Check running, Action start) throws IOException {
        if (running.test()) {
            return false;
        }
        log.debug("vpn: starting {}", name);
        start.run();
        return true;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
