package org.vrouter.router.firewall;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

import org.vrouter.api.net.IpAddress;

/**
 * Sorting by a number computed once per item (an address, a rule id): sorting n rules by address
 * parses n addresses, not one or two at every one of the n log n comparisons.
 */
final class SortKeys {
    private SortKeys() {}

    /** The IPv4 address as an unsigned 32-bit number, in a long. */
    static long ipv4(IpAddress ip) {
        byte[] bytes = ip.bytes();
        return (bytes[0] & 0xffL) << 24 | (bytes[1] & 0xffL) << 16 | (bytes[2] & 0xffL) << 8 | bytes[3] & 0xffL;
    }

    /** The items ordered by a non-negative key computed once per item; equal keys keep their order. */
    static <T> List<T> sorted(List<T> items, ToLongFunction<? super T> key) {
        List<Keyed<T>> keyed = new ArrayList<>(items.size());
        for (T item : items) {
            keyed.add(new Keyed<>(key.applyAsLong(item), item));
        }
        keyed.sort((a, b) -> Long.compare(a.key, b.key));
        List<T> sorted = new ArrayList<>(items.size());
        keyed.forEach(entry -> sorted.add(entry.item));
        return sorted;
    }

    private record Keyed<T>(long key, T item) {}
}
