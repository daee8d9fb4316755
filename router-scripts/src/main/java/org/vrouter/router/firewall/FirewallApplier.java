package org.vrouter.router.firewall;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vrouter.router.host.Host;

/**
 * Converges ipsets and iptables together, in the only safe order: sets that rules will match are
 * created and filled first, then the rules are applied, and sets no rule needs are destroyed last.
 * With nothing changed it runs no process.
 *
 * <p>If the iptables apply fails with the previous ruleset kept, refilled sets get their previous
 * content back, so the old rules keep matching what they matched; sets it created stay (no rule
 * uses them) until a later apply prunes them.
 */
public final class FirewallApplier {
    private final IpsetApplier ipsets;
    private final IptablesApplier iptables;

    public FirewallApplier(Host host, Clock clock) {
        this(new IpsetApplier(host), new IptablesApplier(host, clock));
    }

    public FirewallApplier(IpsetApplier ipsets, IptablesApplier iptables) {
        this.ipsets = requireNonNull(ipsets, "ipsets is null");
        this.iptables = requireNonNull(iptables, "iptables is null");
    }

    /**
     * The files a firewall is persisted to (router path to content): the ipsets in {@code ipset restore}
     * format and the ruleset in iptables-save format; what {@code vrouter render} shows and verify compares.
     */
    public static Map<String, String> files(Firewall firewall) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(IpsetApplier.SETS_PATH, firewall.renderSets());
        files.put(IptablesApplier.RULES_PATH, firewall.ruleset().render());
        return files;
    }

    /** What one apply or repair did. */
    public record Report(IpsetDiff sets, ApplyReport rules) {
        public Report {
            requireNonNull(sets, "sets is null");
            requireNonNull(rules, "rules is null");
        }

        public boolean changed() {
            return !sets.isEmpty() || rules.changed();
        }

        /** One line saying what changed (the chains and sets), or empty when nothing did. */
        public Optional<String> summary() {
            if (!changed()) {
                return Optional.empty();
            }
            List<String> parts = new ArrayList<>();
            if (rules.changed()) {
                parts.add("iptables " + rules.diff() + " (" + rules.payloadLines() + "-line payload)");
            }
            if (!sets.isEmpty()) {
                parts.add(sets.toString());
            }
            return Optional.of(String.join("; ", parts));
        }
    }

    /** How the kernel differs from the desired firewall. */
    public record Drift(IpsetDiff sets, RulesetDiff rules) {
        public boolean isEmpty() {
            return sets.isEmpty() && rules.isEmpty();
        }

        /** One line per part that differs (rules, sets), for {@code vrouter verify}; empty when in sync. */
        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            if (!rules.isEmpty()) {
                lines.add("kernel iptables differ (+ missing, - unexpected, ~ different chain): " + rules);
            }
            if (!sets.isEmpty()) {
                lines.add("kernel " + sets + " (+ missing, - unexpected, ~ different content)");
            }
            return lines;
        }
    }

    /**
     * @throws IpsetApplyException if ipset refused a set
     * @throws IptablesApplyException if iptables-restore refused the rules
     */
    public synchronized Report apply(Firewall desired) throws IOException {
        Map<String, Ipset> before = ipsets.current();
        IpsetDiff updated = ipsets.update(desired.sets());
        ApplyReport rules;
        try {
            rules = iptables.apply(desired.ruleset());
        }
        catch (IptablesApplyException e) {
            if (e.previousStateKept() && !updated.changed().isEmpty()) {
                ipsets.update(previousContent(before, desired.sets()));
            }
            throw e;
        }
        IpsetDiff pruned = ipsets.prune(desired.sets());
        return new Report(new IpsetDiff(updated.added(), pruned.removed(), updated.changed()), rules);
    }

    /** Starts from the kernel's actual state and converges it: the boot path and drift repair. */
    public synchronized Report repair(Firewall desired) throws IOException {
        ipsets.reloadFromKernel();
        iptables.reloadFromKernel();
        return apply(desired);
    }

    public synchronized Drift verify(Firewall desired) throws IOException {
        return new Drift(ipsets.verify(desired.sets()), iptables.verify(desired.ruleset()));
    }

    /** The sets as before the update, plus the new ones (left in place, unused). */
    private static List<Ipset> previousContent(Map<String, Ipset> before, List<Ipset> desired) {
        List<Ipset> sets = new ArrayList<>(before.values());
        for (Ipset set : desired) {
            if (!before.containsKey(set.name())) {
                sets.add(set);
            }
        }
        return sets;
    }
}
