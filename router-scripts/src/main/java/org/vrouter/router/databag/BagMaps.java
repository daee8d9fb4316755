package org.vrouter.router.databag;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Immutable sorted copies of the maps the bags hold, so that equal bags iterate (and render) alike. A
 * map that is already sorted the same way (a {@link #mutableCopy} a merge changed) is copied without
 * comparing keys.
 */
final class BagMaps {
    private static final Pattern DEVICE = Pattern.compile("eth(0|[1-9][0-9]{0,2})");

    /** {@code eth2} before {@code eth10}; only for valid device names. */
    static final Comparator<String> BY_DEVICE_NUMBER = Comparator.comparingInt(device -> Integer.parseInt(device.substring(3)));

    private BagMaps() {}

    /** Sorted by the keys' natural order. */
    /** The copy that keeps every value as it is (values are immutable records). */
    private static final UnaryOperator<Object> IDENTITY = value -> value;

    @SuppressWarnings("unchecked") // IDENTITY returns its argument, so it is a UnaryOperator of any V
    static <V> UnaryOperator<V> identity() {
        return (UnaryOperator<V>) IDENTITY;
    }

    static <K extends Comparable<? super K>, V> Map<K, V> sorted(Map<K, V> map, String name) {
        return sorted(map, null, identity(), name);
    }

    /** Sorted by the keys' natural order, each value passed through {@code copy}. */
    static <K extends Comparable<? super K>, V> Map<K, V> sorted(Map<K, V> map, UnaryOperator<V> copy, String name) {
        return sorted(map, null, copy, name);
    }

    /** A device-keyed copy ({@code eth0}, {@code eth1}...), in device-number order. */
    static <V> Map<String, V> byDevice(Map<String, V> map, UnaryOperator<V> copy, String name) {
        requireNonNull(map, name + " is null").keySet().forEach(BagMaps::requireDevice);
        return sorted(map, BY_DEVICE_NUMBER, copy, name);
    }

    /**
     * A modifiable copy of a bag's map, in the same order, for a merge to change and hand back to a bag
     * constructor.
     */
    static <K, V> TreeMap<K, V> mutableCopy(Map<K, V> map) {
        if (map instanceof BagMap<K, V> bag) {
            return bag.mutableCopy();
        }
        throw new IllegalArgumentException("not a bag's map: " + map.getClass().getName());
    }

    /** @param order null for the keys' natural order */
    private static <K, V> Map<K, V> sorted(Map<K, V> map, Comparator<? super K> order, UnaryOperator<V> copy, String name) {
        requireNonNull(map, name + " is null");
        TreeMap<K, V> sorted;
        if (map instanceof TreeMap<K, V> tree && java.util.Objects.equals(tree.comparator(), order)) {
            sorted = new TreeMap<>(tree);
        }
        else if (map instanceof BagMap<K, V> bag) {
            sorted = bag.mutableCopy();
        }
        else {
            sorted = new TreeMap<>(order);
            map.forEach((key, value) -> sorted.put(requireNonNull(key, name + " key is null"), value));
        }
        if (copy == IDENTITY) {
            // no copy to make: only the null check, without rewriting every entry of a 10,000-entry bag
            sorted.values().forEach(value -> requireNonNull(value, name + " value is null"));
        }
        else {
            sorted.replaceAll((key, value) -> copy.apply(requireNonNull(value, name + " value is null")));
        }
        return new BagMap<>(sorted);
    }

    /** The device name, if it is {@code eth<N>}. */
    static String requireDevice(String device) {
        if (device == null || !DEVICE.matcher(device).matches()) {
            throw new IllegalArgumentException("not a device name (eth<N>): " + device);
        }
        return device;
    }

    static int deviceNumber(String device) {
        return Integer.parseInt(requireDevice(device).substring(3));
    }
}
