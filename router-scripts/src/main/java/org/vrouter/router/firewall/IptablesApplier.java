package org.vrouter.router.firewall;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.Host;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.ProgramResult;

/**
 * The one place that writes the router's iptables rules to the kernel, after kube-proxy's proxier:
 * everything is computed first, then one {@code iptables-restore --noflush} carries every change.
 *
 * <p>{@link #apply} compares the desired ruleset with the last applied one, chain by chain. When
 * nothing changed it runs no process at all. Otherwise it builds one payload that rewrites only
 * the added, changed and removed chains (see {@link RestorePayload}) of the kernel layout, where chains
 * longer than a few hundred rules are split into content-defined chunks so that one more rule rewrites
 * one chunk (see {@link ChunkedChains}), validates it with
 * {@code iptables-restore --test}, applies it with one {@code iptables-restore}, and then writes
 * the full ruleset to {@value #RULES_PATH} atomically, for boot. The cost of a change is one
 * validation and one restore carrying the changed chains, whatever the size of the ruleset.
 *
 * <p>The last applied ruleset is kept in memory. A new applier takes it from {@value #RULES_PATH}
 * (written only after a successful apply), or from the kernel ({@code iptables-save}) when the file
 * is missing or unreadable, or after a failure left the kernel state unknown. The file says what was
 * rendered, not how the kernel lays it out ({@link ChunkedChains}; another build may have laid it out
 * differently): when a payload computed from it fails (nf_tables' {@code --test} does not see that a
 * chain it jumps to is missing, so this can be the restore itself, which nf_tables commits whole or not
 * at all), the applier reads the kernel and computes the payload once more. At boot, and whenever
 * the kernel may have been changed behind the applier's back, call {@link #repair}, which starts
 * from the kernel; {@link #verify} reports the drift without changing anything.
 *
 * <p>Failures: a payload refused by {@code --test} changes nothing. iptables-restore commits table
 * by table, so a failure while applying may leave earlier tables of the payload committed; the
 * applier then restores the previous content of every chain it touched with one more restore. Either
 * way it throws {@link IptablesApplyException} naming the table, chain and line. Methods are
 * synchronized: one converge at a time.
 */
public final class IptablesApplier {
    /** Where the applied ruleset is persisted, in iptables-save format. */
    public static final String RULES_PATH = "/etc/iptables/rules.v4";

    private static final Logger log = LoggerFactory.getLogger(IptablesApplier.class);
    private static final String WAIT = "--wait=10";

    private final Host host;
    private final Clock clock;
    /** What the kernel holds, as far as this applier knows; empty when it must be read. */
    private Optional<Ruleset> applied = Optional.empty();
    /** What {@link #RULES_PATH} holds, when known. */
    private Optional<Ruleset> persisted = Optional.empty();
    /** Set when a failure left the kernel unknown: the persisted file no longer describes it. */
    private boolean kernelUnknown;
    /** Set while {@link #applied} is {@value #RULES_PATH} laid out by this build, not a ruleset seen in the kernel. */
    private boolean fromFile;

    public IptablesApplier(Host host, Clock clock) {
        this.host = requireNonNull(host, "host is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Converges the kernel to {@code desired}, touching only the chains that differ from the last
     * applied ruleset.
     *
     * @throws IllegalArgumentException if a rule jumps to an unknown chain or target (nothing changed)
     * @throws IptablesApplyException if iptables-restore refused the change
     * @throws IOException if the host failed to run a tool or to persist the ruleset
     */
    public synchronized ApplyReport apply(Ruleset desired) throws IOException {
        long start = clock.millis();
        try {
            return apply(desired, start);
        }
        catch (IptablesApplyException e) {
            if (!fromFile) {
                throw e;
            }
            // rules.v4 says what was rendered, not how the kernel lays it out (another build may have applied it)
            log.info("iptables: the change does not fit the kernel as {} describes it ({}); reading the kernel", RULES_PATH,
                    e.getMessage());
            reloadFromKernel();
            return apply(desired, start);
        }
    }

    private ApplyReport apply(Ruleset desired, long start) throws IOException {
        Ruleset previous = previous();
        Ruleset target = ChunkedChains.split(desired);
        RulesetDiff diff = RulesetDiff.between(previous, target);
        requireKnownTargets(target, diff);
        RestorePayload payload = RestorePayload.between(previous, target, diff);
        if (!payload.isEmpty()) {
            restore(payload, true).ifPresent(failure -> {
                throw RestoreFailure.explain(IptablesApplyException.Phase.VALIDATE, payload, failure, true);
            });
            // point of no return: from here on the kernel changes, and is unknown until we learn better
            applied = Optional.empty();
            kernelUnknown = true;
            Optional<ProgramResult> failure = restore(payload, false);
            if (failure.isPresent()) {
                throw RestoreFailure.explain(IptablesApplyException.Phase.APPLY, payload, failure.get(),
                        rollBack(target, previous));
            }
            applied = Optional.of(target);
            kernelUnknown = false;
            fromFile = false;
        }
        persist(desired);
        ApplyReport report = new ApplyReport(diff, payload.lineCount(), Duration.ofMillis(clock.millis() - start));
        if (report.changed()) {
            log.info("iptables: {} chains rewritten ({}) with a {}-line payload in {} ms", diff.chainCount(), diff,
                    payload.lineCount(), report.elapsed().toMillis());
        }
        return report;
    }

    /**
     * Reads the kernel's ruleset and converges it to {@code desired}: the boot path, and the repair
     * of drift. Chains the kernel has and {@code desired} lacks are removed.
     */
    public synchronized ApplyReport repair(Ruleset desired) throws IOException {
        reloadFromKernel();
        return apply(desired);
    }

    /** Takes the kernel's ruleset as the applied one (one {@code iptables-save}); the next apply starts from it. */
    public synchronized void reloadFromKernel() throws IOException {
        applied = Optional.of(kernelLayout());
        kernelUnknown = false;
        fromFile = false;
    }

    /**
     * How the kernel differs from {@code desired}: added = chains {@link #repair} would create,
     * removed = chains it would delete, changed = chains whose rules or policy differ. Changes nothing.
     */
    public synchronized RulesetDiff verify(Ruleset desired) throws IOException {
        return RulesetDiff.between(kernel(), desired);
    }

    /** The last applied ruleset (as rendered, chunks joined), if this applier knows it without asking the kernel. */
    public synchronized Optional<Ruleset> lastApplied() {
        return applied.map(ChunkedChains::join);
    }

    /**
     * The kernel's current ruleset, from {@code iptables-save}, as rendered: the chunk chains of long
     * chains ({@link ChunkedChains}) joined back into them.
     */
    public Ruleset kernel() throws IOException {
        return ChunkedChains.join(kernelLayout());
    }

    /** The kernel's ruleset exactly as {@code iptables-save} lists it, chunk chains included. */
    Ruleset kernelLayout() throws IOException {
        ProgramResult saved = host.run(ProgramCall.of("iptables-save")).requireSuccess();
        return Ruleset.parse(saved.stdout());
    }

    /**
     * Checks the chains about to be written (the others were checked when they were applied), or
     * the whole table when a chain is removed from it, since an unchanged chain may still jump there;
     * unless every removed chain is one of the layout's own, which only the chains of that layout jump
     * to, and those are rewritten too when it goes.
     */
    private static void requireKnownTargets(Ruleset desired, RulesetDiff diff) {
        for (RulesetDiff.TableDiff table : diff.tables()) {
            Table target = desired.table(table.table());
            if (!table.removed().stream().allMatch(ChunkedChains::isLayoutChain)) {
                target.requireKnownTargets();
                continue;
            }
            table.added().forEach(target::requireKnownTargets);
            table.changed().forEach(target::requireKnownTargets);
        }
    }

    private Ruleset previous() throws IOException {
        if (applied.isPresent()) {
            return applied.get();
        }
        if (!kernelUnknown) {
            Optional<Ruleset> saved = readPersisted();
            if (saved.isPresent()) {
                persisted = saved;
                applied = Optional.of(ChunkedChains.split(saved.get()));
                fromFile = true;
                return applied.get();
            }
        }
        reloadFromKernel();
        return applied.get();
    }

    private Optional<Ruleset> readPersisted() throws IOException {
        Optional<String> text = host.readText(RULES_PATH);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Ruleset.parse(text.get()));
        }
        catch (IllegalArgumentException e) {
            log.warn("ignoring unreadable {}, reading the kernel instead: {}", RULES_PATH, e.getMessage());
            return Optional.empty();
        }
    }

    /** Runs iptables-restore (or its --test); the failed result, or empty on success. */
    private Optional<ProgramResult> restore(RestorePayload payload, boolean test) throws IOException {
        ProgramCall call = test
                ? ProgramCall.of("iptables-restore", "--noflush", WAIT, "--test")
                : ProgramCall.of("iptables-restore", "--noflush", WAIT);
        ProgramResult result = host.run(call.withStdin(payload.text()));
        return result.succeeded() ? Optional.empty() : Optional.of(result);
    }

    /**
     * Puts back the previous content of every chain the failed payload touched (tables that had not
     * committed get the content they still have). True if the kernel holds {@code previous} again.
     */
    private boolean rollBack(Ruleset desired, Ruleset previous) throws IOException {
        RestorePayload undo = RestorePayload.between(desired, previous);
        Optional<ProgramResult> failure = restore(undo, false);
        if (failure.isPresent()) {
            log.error("iptables: rollback failed, kernel state unknown until the next apply reads it: {}",
                    RestoreFailure.message(failure.get()));
            return false;
        }
        applied = Optional.of(previous);
        kernelUnknown = false;
        return true;
    }

    private void persist(Ruleset desired) throws IOException {
        if (persisted.isPresent() && persisted.get().equals(desired)) {
            return;
        }
        // not forced to disk: a process crash keeps it in the page cache, and a power loss empties the kernel too,
        // which the boot's repair converges from the bags and the kernel, never from this file
        host.write(RULES_PATH, desired.render().getBytes(StandardCharsets.UTF_8), FileMode.PUBLIC, false);
        persisted = Optional.of(desired);
    }
}
