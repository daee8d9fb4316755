package org.vrouter.router.firewall;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The router's desired IPv4 firewall: the iptables ruleset and the ipsets its rules match. Every
 * {@code --match-set} of the ruleset names one of the sets, and every jump a known chain or target.
 */
public record Firewall(Ruleset ruleset, List<Ipset> sets) {
    public Firewall {
        requireNonNull(ruleset, "ruleset is null");
        sets = List.copyOf(requireNonNull(sets, "sets is null"));
        ruleset.requireKnownTargets();
        Set<String> names = new HashSet<>();
        for (Ipset set : sets) {
            if (!names.add(set.name())) {
                throw new IllegalArgumentException("ipset " + set.name() + " is given twice");
            }
        }
        checkSetReferences(ruleset, names);
    }

    public static Firewall of(Ruleset ruleset) {
        return new Firewall(ruleset, List.of());
    }

    /** The sets in {@code ipset restore} format, by name: what {@link IpsetApplier} persists for them. */
    public String renderSets() {
        List<Ipset> byName = new ArrayList<>(sets);
        byName.sort(Comparator.comparing(Ipset::name));
        return IpsetText.render(byName);
    }

    private static void checkSetReferences(Ruleset ruleset, Set<String> names) {
        for (Table table : ruleset.tables().values()) {
            for (Chain chain : table.chains().values()) {
                List<String> rules = chain.rules();
                for (int index = 0; index < rules.size(); index++) {
                    List<String> missing = new ArrayList<>(RuleText.matchedSets(rules.get(index)));
                    missing.removeAll(names);
                    if (!missing.isEmpty()) {
                        throw new IllegalArgumentException("table " + table.name() + ", chain " + chain.name() + ", rule "
                                + (index + 1) + " '" + rules.get(index) + "' matches ipset " + missing.get(0)
                                + ", which is not among the firewall's sets");
                    }
                }
            }
        }
    }
}
