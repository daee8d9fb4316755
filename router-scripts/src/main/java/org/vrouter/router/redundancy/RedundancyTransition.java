package org.vrouter.router.redundancy;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.router.RedundantState;
import org.vrouter.commands.wire.payload.PayloadCodec;
import org.vrouter.router.address.AddressApplier;
import org.vrouter.router.address.AddressingInputs;
import org.vrouter.router.converge.ServiceConverger;
import org.vrouter.router.converge.ServiceResult;
import org.vrouter.router.databag.CmdLineBag;
import org.vrouter.router.databag.DatabagStore;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.Host;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.ProgramResult;
import org.vrouter.router.pipeline.ConfigLock;

/**
 * One VRRP transition of this router ({@code vrouter redundancy-state PRIMARY|BACKUP|FAULT}, which
 * keepalived's notify hook runs): a single converge-like step, bounded in time and idempotent, instead of
 * CloudStack's chain of service restarts.
 *
 * <ol>
 *   <li>Under the router's configuration lock (waiting at most {@link #LOCK_WAIT}), so it never interleaves
 *       with an update.</li>
 *   <li>The state is <em>observed</em>, not taken from the argument ({@link VrrpObservation}): PRIMARY when the
 *       advertised gateway is on the VRRP interface (keepalived adds it before {@code notify_master} and removes
 *       it before the backup and fault hooks) and keepalived's VRRP process runs, else FAULT when FAULT was
 *       asked, else BACKUP. A gateway that a killed keepalived left behind is removed, and a PRIMARY is looked at
 *       again once its links are up (keepalived killed in between leaves them to BACKUP or FAULT). Two hooks run out of order
 *       (BACKUP's process reaching the lock after PRIMARY's) therefore still end in keepalived's state. The
 *       exception is keepalived stopping ({@code notify_stop}, {@link #enterStopping}): it still holds the
 *       gateway while the hook runs, and is going away, so the router is BACKUP whatever the interface
 *       says.</li>
 *   <li>{@code redundant_state} in the {@code cmdline} bag, then the addresses service's state: the public
 *       links and their routes up on PRIMARY, down otherwise ({@link AddressingInputs}).</li>
 *   <li>conntrackd, when it runs: PRIMARY commits the external cache into the kernel, flushes, resyncs and
 *       bulk-sends ({@code -c -f -R -B}); BACKUP asks the PRIMARY for a resync ({@code -n}); FAULT shortens
 *       the kernel's timers ({@code -t}). A failure is a warning: the gateway already moved.</li>
 *   <li>The state recorded in {@link RedundancyPaths#STATE} for {@code checkrouter.sh}.</li>
 *   <li>The services that follow the VRRP state ({@link ServiceConverger#followsRedundantState}: the VPN,
 *       which initiates its tunnels on PRIMARY only) applied once with the updated bags, in their order. A
 *       failure is a warning, as conntrackd's: the gateway and the public side already moved, and the next
 *       converge repairs the service.</li>
 * </ol>
 * Daemons (dnsmasq, haproxy, the metadata server, charon, xl2tpd) are not restarted: they run on both
 * members and bind the gateway when it arrives.
 */
public final class RedundancyTransition {
    /** How long a transition waits for an update in progress. */
    public static final Duration LOCK_WAIT = Duration.ofSeconds(20);
    private static final Duration PROGRAM_TIMEOUT = Duration.ofSeconds(5);
    /** How long a stopping keepalived may keep the gateway before the router goes BACKUP anyway. */
    private static final Duration RELEASE_WAIT = Duration.ofSeconds(4);
    private static final Logger log = LoggerFactory.getLogger(RedundancyTransition.class);

    private final Host host;
    private final List<ServiceConverger> followers;

    /** A transition that moves the addresses and conntrackd only (the redundancy service's, inside a converge). */
    public RedundancyTransition(Host host) {
        this(host, List.of());
    }

    /**
     * @param followers the services to apply again once the state is recorded ({@code
     *     RouterConverger#redundantStateFollowers}), in order
     */
    public RedundancyTransition(Host host, List<ServiceConverger> followers) {
        this.host = requireNonNull(host, "host is null");
        this.followers = List.copyOf(requireNonNull(followers, "followers is null"));
    }

    /**
     * What a transition did.
     *
     * @param state the state entered (observed, see the class comment)
     * @param warnings what did not work and was carried on from (a conntrackd command)
     */
    public record Outcome(RedundantState state, List<String> warnings) {
        public Outcome {
            requireNonNull(state, "state is null");
            warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
        }
    }

    /**
     * keepalived's notify: takes the configuration lock, then {@link #enterLocked}.
     *
     * @throws ConfigLock.LockTimeoutException if an update holds the lock for longer than {@link #LOCK_WAIT}
     * @throws IOException if the bags, the kernel or the state file could not be read or written
     */
    public Outcome enter(RedundantState requested) throws IOException, ConfigLock.LockTimeoutException {
        return locked(requested, false);
    }

    /**
     * keepalived's {@code notify_stop}: BACKUP without looking at the interface (keepalived removes the
     * gateway only after the hook ran), under the configuration lock.
     *
     * @throws ConfigLock.LockTimeoutException as {@link #enter}
     * @throws IOException as {@link #enter}
     */
    public Outcome enterStopping() throws IOException, ConfigLock.LockTimeoutException {
        return locked(RedundantState.BACKUP, true);
    }

    private Outcome locked(RedundantState requested, boolean stopping) throws IOException, ConfigLock.LockTimeoutException {
        ConfigLock lock = ConfigLock.acquire(host, LOCK_WAIT);
        try {
            return enter(new DatabagStore(host, new PayloadCodec()).load().databags(), requested, stopping);
        }
        finally {
            lock.close();
        }
    }

    /**
     * The transition for a caller that holds the configuration lock already (the redundancy service,
     * before it starts keepalived).
     *
     * @throws InvalidParameterException if the router is not a redundant one or its bags are invalid
     */
    public Outcome enterLocked(Databags bags, RedundantState requested) throws IOException {
        return enter(bags, requested, false);
    }

    private Outcome enter(Databags bags, RedundantState requested, boolean stopping) throws IOException {
        requireNonNull(requested, "requested is null");
        RedundancyInputs.Desired desired = RedundancyInputs.from(requireNonNull(bags, "bags is null"));
        if (desired.input().isEmpty()) {
            throw new InvalidParameterException("redundant_state", "no VRRP instance on this router: " + desired.skipReason(), requested);
        }
        RedundancyInput input = desired.input().get();
        if (stopping) {
            awaitRelease(input);
        }
        RedundantState state = observe(input, requested, stopping);
        Databags updated = withState(bags, state);
        List<String> warnings = new ArrayList<>();
        try {
            applyAddresses(bags, updated);
            if (state == RedundantState.PRIMARY) {
                // keepalived killed between the look and the links coming up (a crash): its gateway is stale now
                RedundantState confirmed = observe(input, requested, stopping);
                if (confirmed != state) {
                    state = confirmed;
                    updated = withState(bags, state);
                    applyAddresses(bags, updated);
                }
            }
            warnings.addAll(conntrackd(state));
        }
        finally {
            // recorded once the links are in that state; and also when a step failed: checkrouter.sh reports keepalived's state
            host.writeText(RedundancyPaths.STATE, state.wireName() + "\n", FileMode.PUBLIC);
        }
        warnings.addAll(follow(updated));
        log.info("VRRP {} (asked {}{}){}", state, requested, stopping ? ", keepalived stopping" : "", warnings.isEmpty() ? "" : ": " + warnings);
        return new Outcome(state, warnings);
    }

    /**
     * The state to enter, from the kernel ({@link VrrpObservation}): PRIMARY only while keepalived runs and holds
     * the gateway; a gateway a killed keepalived left behind is removed.
     */
    private RedundantState observe(RedundancyInput input, RedundantState requested, boolean stopping) throws IOException {
        VrrpObservation observed = VrrpObservation.of(host, input);
        List<VirtualAddress> released = observed.releaseStale(host, input);
        if (!released.isEmpty()) {
            log.warn("VRRP: keepalived does not run; removed the virtual addresses it left: {}", released);
        }
        return observed.state(requested, stopping);
    }

    /** {@code updated}'s {@code cmdline} bag stored when it differs from {@code bags}', then the addresses service's state applied. */
    private void applyAddresses(Databags bags, Databags updated) throws IOException {
        if (!updated.cmdLine().equals(bags.cmdLine())) {
            new DatabagStore(host, new PayloadCodec()).write(updated.cmdLine());
        }
        new AddressApplier(host).apply(AddressingInputs.from(updated));
    }

    /** The state the last transition recorded; UNKNOWN when none did (not redundant, or not since boot). */
    public static RedundantState recorded(Host host) throws IOException {
        Optional<String> text = host.readText(RedundancyPaths.STATE);
        try {
            return text.map(String::strip).filter(value -> !value.isEmpty())
                    .map(value -> RedundantState.fromWireName("redundant_state", value)).orElse(RedundantState.UNKNOWN);
        }
        catch (InvalidParameterException e) {
            return RedundantState.UNKNOWN;
        }
    }

    /**
     * Waits (at most {@link #RELEASE_WAIT}) until a stopping keepalived has removed the gateway: until then it
     * still answers for it, and the public side must stay with it.
     */
    private void awaitRelease(RedundancyInput input) throws IOException {
        long deadline = System.nanoTime() + RELEASE_WAIT.toNanos();
        while (gatewayHeld(input) && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(20);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while waiting for keepalived to release the gateway");
            }
        }
    }

    private boolean gatewayHeld(RedundancyInput input) throws IOException {
        return VrrpObservation.gatewayHeld(host, input.advertised());
    }

    /** {@code bags} with {@code redundant_state} set to {@code state}. */
    static Databags withState(Databags bags, RedundantState state) {
        Map<String, String> config = new LinkedHashMap<>(bags.cmdLine().config());
        config.put("redundant_state", state.wireName().toUpperCase(Locale.ROOT));
        return bags.with(new CmdLineBag(config));
    }

    /** Applies the followers to the bags with the new state; what fails is a warning (see the class comment). */
    private List<String> follow(Databags updated) {
        List<String> warnings = new ArrayList<>();
        for (ServiceConverger follower : followers) {
            try {
                ServiceResult result = follower.apply(updated);
                result.warnings().forEach(warning -> warnings.add(follower.name() + ": " + warning));
            }
            catch (IOException | RuntimeException e) {
                // the transition's own edge: the VRRP state is entered, the service is behind until the next converge
                log.warn("VRRP transition: {} did not follow the new state", follower.name(), e);
                warnings.add(follower.name() + ": " + e.getMessage());
            }
        }
        return warnings;
    }

    private List<String> conntrackd(RedundantState state) throws IOException {
        if (!host.exists(RedundancyPaths.CONNTRACKD_CONF)) {
            return List.of();
        }
        List<List<String>> steps = switch (state) {
            case PRIMARY -> List.of(List.of("-c"), List.of("-f"), List.of("-R"), List.of("-B"));
            case BACKUP -> List.of(List.of("-n"));
            default -> List.of(List.of("-t"));
        };
        List<String> warnings = new ArrayList<>();
        String conf = host.resolve(RedundancyPaths.CONNTRACKD_CONF).toString();
        for (List<String> step : steps) {
            List<String> argv = new ArrayList<>(List.of("conntrackd", "-C", conf));
            argv.addAll(step);
            ProgramResult result = host.run(ProgramCall.of(argv).withTimeout(PROGRAM_TIMEOUT));
            if (!result.succeeded()) {
                warnings.add("conntrackd " + String.join(" ", step) + ": " + result.firstErrorLine());
            }
        }
        return warnings;
    }
}
