package org.vrouter.router.firewall;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.Host;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.ProgramResult;

/**
 * Converges the kernel's ipsets, in two steps around the iptables apply (see {@link FirewallApplier}):
 * {@link #update} creates new sets and refills changed ones before rules refer to them, and
 * {@link #prune} destroys unwanted ones once no rule refers to them any more. Each step is one
 * {@code ipset restore}, and none when there is nothing to do. A set is refilled by filling a
 * temporary set and swapping it in, so a rule never sees it half-filled.
 *
 * <p>The sets the kernel holds are kept in memory and persisted to {@value #SETS_PATH} (restore
 * format, loaded before {@code rules.v4} at boot). A new applier starts from that file, or from
 * {@code ipset save} when it is missing or after a failure. Sets the router does not own should
 * not live on a router: {@link #prune} destroys every set it knows of that is not desired.
 * Methods are synchronized.
 */
public final class IpsetApplier {
    /** Where the sets are persisted, in {@code ipset restore} format. */
    public static final String SETS_PATH = "/etc/iptables/ipsets";

    private static final Logger log = LoggerFactory.getLogger(IpsetApplier.class);
    private static final Pattern LINE = Pattern.compile("[Ee]rror in line (\\d+)");

    private final Host host;
    /** The sets the kernel holds as far as this applier knows; empty when they must be read. */
    private Optional<Map<String, Ipset>> applied = Optional.empty();
    private Optional<Map<String, Ipset>> persisted = Optional.empty();
    private boolean kernelUnknown;

    public IpsetApplier(Host host) {
        this.host = requireNonNull(host, "host is null");
    }

    /**
     * Creates the desired sets that do not exist and refills those whose content changed. Destroys
     * nothing.
     *
     * @return the sets added and changed
     * @throws IpsetApplyException if ipset refused (earlier sets of the payload are applied)
     */
    public synchronized IpsetDiff update(Collection<Ipset> desired) throws IOException {
        Map<String, Ipset> current = current();
        Map<String, Ipset> wanted = byName(desired);
        IpsetDiff diff = IpsetDiff.between(current, wanted);
        List<Ipset> refill = new ArrayList<>();
        diff.added().forEach(name -> refill.add(wanted.get(name)));
        diff.changed().forEach(name -> refill.add(wanted.get(name)));
        if (!refill.isEmpty()) {
            run(IpsetText.update(refill), "create or refill");
            Map<String, Ipset> next = new TreeMap<>(current);
            refill.forEach(set -> next.put(set.name(), set));
            applied = Optional.of(next);
            log.info("ipsets: {} created, {} refilled", diff.added().size(), diff.changed().size());
        }
        persist();
        return new IpsetDiff(diff.added(), List.of(), diff.changed());
    }

    /**
     * Destroys every known set that is not desired. Call only after the rules stopped referring to
     * them: the kernel refuses to destroy a set in use.
     *
     * @return the sets removed
     * @throws IpsetApplyException if ipset refused
     */
    public synchronized IpsetDiff prune(Collection<Ipset> desired) throws IOException {
        Map<String, Ipset> current = current();
        Map<String, Ipset> wanted = byName(desired);
        List<String> unwanted = new ArrayList<>();
        for (String name : current.keySet()) {
            if (!wanted.containsKey(name)) {
                unwanted.add(name);
            }
        }
        if (!unwanted.isEmpty()) {
            run(IpsetText.destroy(unwanted), "destroy");
            Map<String, Ipset> next = new TreeMap<>(current);
            unwanted.forEach(next::remove);
            applied = Optional.of(next);
            log.info("ipsets: {} destroyed", unwanted.size());
        }
        persist();
        return new IpsetDiff(List.of(), unwanted, List.of());
    }

    /** {@link #update} then {@link #prune}: for sets no rule refers to, or whose rules do not change. */
    public synchronized IpsetDiff apply(Collection<Ipset> desired) throws IOException {
        IpsetDiff updated = update(desired);
        IpsetDiff pruned = prune(desired);
        return new IpsetDiff(updated.added(), pruned.removed(), updated.changed());
    }

    /** How the kernel's sets differ from {@code desired}. Changes nothing. */
    public synchronized IpsetDiff verify(Collection<Ipset> desired) throws IOException {
        return IpsetDiff.between(kernel(), byName(desired));
    }

    /** Forgets what it knew and starts from the kernel's sets: the boot and drift-repair path. */
    public synchronized IpsetDiff repair(Collection<Ipset> desired) throws IOException {
        reloadFromKernel();
        return apply(desired);
    }

    /** Takes the kernel's sets as the applied state (one {@code ipset save}); the next update starts from them. */
    public synchronized void reloadFromKernel() throws IOException {
        applied = Optional.of(kernel());
        kernelUnknown = false;
    }

    /** The sets the kernel holds, as far as this applier knows (reading them if it must). */
    public synchronized Map<String, Ipset> current() throws IOException {
        if (applied.isEmpty()) {
            Optional<Map<String, Ipset>> saved = kernelUnknown ? Optional.empty() : readPersisted();
            if (saved.isPresent()) {
                persisted = saved;
            }
            applied = Optional.of(saved.isPresent() ? saved.get() : kernel());
            kernelUnknown = false;
        }
        return applied.get();
    }

    /** The router's sets in the kernel, from {@code ipset save}. */
    public Map<String, Ipset> kernel() throws IOException {
        ProgramResult saved = host.run(ProgramCall.of("ipset", "save")).requireSuccess();
        return new TreeMap<>(IpsetText.parse(saved.stdout()));
    }

    private Optional<Map<String, Ipset>> readPersisted() throws IOException {
        Optional<String> text = host.readText(SETS_PATH);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TreeMap<>(IpsetText.parse(text.get())));
        }
        catch (IllegalArgumentException e) {
            log.warn("ignoring unreadable {}, reading the kernel instead: {}", SETS_PATH, e.getMessage());
            return Optional.empty();
        }
    }

    private void run(IpsetText.Payload payload, String action) throws IOException {
        ProgramResult result = host.run(ProgramCall.of("ipset", "restore").withStdin(payload.text()));
        if (!result.succeeded()) {
            applied = Optional.empty();
            kernelUnknown = true;
            OptionalInt line = lineNumber(result.stderr());
            Optional<String> set = line.isPresent() ? payload.setAt(line.getAsInt()) : Optional.empty();
            throw new IpsetApplyException(action, set, result.firstErrorLine());
        }
    }

    private void persist() throws IOException {
        Map<String, Ipset> sets = applied.orElseThrow();
        if (persisted.isPresent() && persisted.get().equals(sets)) {
            return;
        }
        host.writeText(SETS_PATH, IpsetText.render(sets.values()), FileMode.PUBLIC);
        persisted = Optional.of(Map.copyOf(sets));
    }

    private static OptionalInt lineNumber(String stderr) {
        Matcher matcher = LINE.matcher(stderr);
        return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }

    private static Map<String, Ipset> byName(Collection<Ipset> sets) {
        Map<String, Ipset> byName = new LinkedHashMap<>();
        for (Ipset set : sets) {
            if (byName.put(set.name(), set) != null) {
                throw new IllegalArgumentException("ipset " + set.name() + " is given twice");
            }
        }
        return byName;
    }
}
