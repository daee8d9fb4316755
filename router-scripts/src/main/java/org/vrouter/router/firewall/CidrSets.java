package org.vrouter.router.firewall;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;

/**
 * Decides, per CIDR list of a rule, between one kernel rule per network and one rule matching an
 * ipset, and collects the sets of a render. Short lists stay inline, so the common rule
 * ({@code -s 0.0.0.0/0}, one office network) reads plainly in {@code iptables-save}; a list longer
 * than {@value #INLINE_LIMIT} becomes a {@code hash:net} set, so a rule never turns into hundreds of
 * kernel rules and a changed list is a set swap, not a chain rewrite. One per render, shared by all
 * the rules of that render, so a set name is never given two contents. Not thread-safe.
 */
public final class CidrSets {
    /** The most kernel rules one firewall rule expands into; a longer list goes into a set. */
    public static final int INLINE_LIMIT = 4;

    private final Map<String, Ipset> sets = new TreeMap<>();

    public CidrSets() {}

    /**
     * The matches of one side of a rule: one {@link CidrMatch#ANY} for an empty (any) list, one
     * match per network for a short list, or a single set named {@code setName}.
     */
    public List<CidrMatch> matches(String setName, List<Cidr> cidrs) {
        return matches(setName, cidrs, cidrs.size() > INLINE_LIMIT);
    }

    /** As {@link #matches(String, List)}, but {@code asSet} decides (for rules with two lists). */
    public List<CidrMatch> matches(String setName, List<Cidr> cidrs, boolean asSet) {
        if (cidrs.isEmpty()) {
            return List.of(CidrMatch.ANY);
        }
        if (asSet) {
            Ipset set = Ipset.hashNet(setName, cidrs);
            Ipset earlier = sets.putIfAbsent(setName, set);
            if (earlier != null && !earlier.equals(set)) {
                throw new IllegalStateException("ipset " + setName + " rendered twice with different content");
            }
            return List.of(CidrMatch.set(setName));
        }
        List<CidrMatch> matches = new ArrayList<>(cidrs.size());
        cidrs.forEach(cidr -> matches.add(CidrMatch.of(cidr)));
        return matches;
    }

    /**
     * Whether the source list of a two-list rule goes into a set: when it is long, or when both are
     * short but their product would exceed {@link #INLINE_LIMIT} rules and it is the longer one.
     */
    public static boolean sourceAsSet(List<Cidr> sources, List<Cidr> destinations) {
        if (sources.size() > INLINE_LIMIT) {
            return true;
        }
        return destinations.size() <= INLINE_LIMIT && product(sources, destinations) > INLINE_LIMIT
                && sources.size() >= destinations.size();
    }

    /** The destination counterpart of {@link #sourceAsSet}. */
    public static boolean destinationAsSet(List<Cidr> sources, List<Cidr> destinations) {
        if (destinations.size() > INLINE_LIMIT) {
            return true;
        }
        return sources.size() <= INLINE_LIMIT && product(sources, destinations) > INLINE_LIMIT
                && destinations.size() > sources.size();
    }

    /** The sets rendered so far, by name. */
    public List<Ipset> sets() {
        return List.copyOf(sets.values());
    }

    /** An address as 8 hex digits, for set names that must stay short ({@code cb007114}). */
    static String hex(IpAddress ip) {
        return HexFormat.of().formatHex(ip.bytes());
    }

    private static long product(List<Cidr> sources, List<Cidr> destinations) {
        return (long) Math.max(1, sources.size()) * Math.max(1, destinations.size());
    }
}
