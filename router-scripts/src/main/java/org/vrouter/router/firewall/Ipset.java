package org.vrouter.router.firewall;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.vrouter.api.net.Cidr;

/**
 * An ipset as the router wants it: name, type, address family and entries. Entries are kept as the
 * kernel keeps them, so a set read back compares equal: networks ({@code 10.1.2.3/24} becomes
 * {@code 10.1.0.0/24} in a {@code hash:net}), without duplicates, sorted by address then prefix.
 * Rules refer to it with {@code -m set --match-set <name> src|dst}.
 */
public record Ipset(String name, IpsetType type, Family family, List<Cidr> entries) {
    /** ipset refuses names of 32 characters or more. */
    public static final int MAX_NAME_LENGTH = 31;
    /** Prefix of the sets {@link IpsetApplier} fills before swapping; no set of the router may use it. */
    static final String TEMPORARY_PREFIX = "vrouter-tmp-";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.:+-]*");
    private static final Comparator<Cidr> ORDER = Comparator.comparing(Cidr::address).thenComparingInt(Cidr::prefixLength);

    /** The address family of a set. */
    public enum Family {
        INET,
        INET6;

        /** The name ipset uses: {@code inet}, {@code inet6}. */
        public String ipsetName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Ipset {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(family, "family is null");
        requireNonNull(entries, "entries is null");
        if (name.length() > MAX_NAME_LENGTH || !NAME.matcher(name).matches() || name.startsWith(TEMPORARY_PREFIX)) {
            throw new IllegalArgumentException("ipset name must be 1-" + MAX_NAME_LENGTH
                    + " letters, digits or _ . : + - and not start with " + TEMPORARY_PREFIX + ": '" + name + "'");
        }
        entries = canonical(name, type, family, entries);
    }

    /** A {@code hash:net} set of IPv4 networks. */
    public static Ipset hashNet(String name, Collection<Cidr> entries) {
        return new Ipset(name, IpsetType.HASH_NET, Family.INET, List.copyOf(entries));
    }

    /** The {@code maxelem} it is created with: room for every entry, at least ipset's default. */
    int maxElements() {
        return Math.max(65536, Integer.highestOneBit(Math.max(1, entries.size())) * 2);
    }

    /** The {@code ipset create} arguments after the name. */
    String createOptions() {
        return type.ipsetName() + " family " + family.ipsetName() + " hashsize 1024 maxelem " + maxElements();
    }

    /** An entry as ipset writes it. */
    static String entryText(Cidr entry) {
        return entry.toString();
    }

    private static List<Cidr> canonical(String name, IpsetType type, Family family, List<Cidr> entries) {
        LinkedHashSet<Cidr> distinct = new LinkedHashSet<>();
        for (Cidr entry : entries) {
            requireNonNull(entry, "entry is null");
            if (entry.isIpv4() != (family == Family.INET)) {
                throw new IllegalArgumentException("ipset " + name + " is " + family.ipsetName() + " and cannot hold " + entry);
            }
            int fullLength = entry.isIpv4() ? 32 : 128;
            if (type == IpsetType.HASH_NET && entry.prefixLength() == 0) {
                throw new IllegalArgumentException("ipset " + name + ": hash:net cannot hold a zero-length prefix (" + entry
                        + "); leave the match out of the rule instead");
            }
            if (type == IpsetType.HASH_IP && entry.prefixLength() != fullLength) {
                throw new IllegalArgumentException("ipset " + name + ": hash:ip holds single addresses, not " + entry);
            }
            distinct.add(entry.network());
        }
        List<Cidr> sorted = new ArrayList<>(distinct);
        sorted.sort(ORDER);
        return List.copyOf(sorted);
    }

    @Override
    public String toString() {
        return "Ipset[" + name + " " + type.ipsetName() + " " + family.ipsetName() + ", " + entries.size() + " entries]";
    }
}
