package org.vrouter.router.databag;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Immutable sorted copies of the maps the bags hold, so that equal bags iterate (and render) alike. */
final class BagMaps {
    private static final Pattern DEVICE = Pattern.compile("eth(0|[1-9][0-9]{0,2})");

    /** {@code eth2} before {@code eth10}. */
    static final Comparator<String> BY_DEVICE_NUMBER = Comparator.comparingInt(BagMaps::deviceNumber);

    private BagMaps() {}

    /** A sorted, unmodifiable copy; keys and values must not be null. */
    static <K extends Comparable<? super K>, V> Map<K, V> sorted(Map<K, V> map, String name) {
        return sorted(map, Comparator.naturalOrder(), Function.identity(), name);
    }

    /** A sorted, unmodifiable copy with each value passed through {@code copy}. */
    static <K, V> Map<K, V> sorted(Map<K, V> map, Comparator<? super K> order, Function<V, V> copy, String name) {
        requireNonNull(map, name + " is null");
        Map<K, V> sorted = new TreeMap<>(order);
        map.forEach((key, value) -> sorted.put(requireNonNull(key, name + " key is null"),
                copy.apply(requireNonNull(value, name + " value is null"))));
        return Collections.unmodifiableMap(sorted);
    }

    /** A device-keyed copy ({@code eth0}, {@code eth1}...), in device-number order. */
    static <V> Map<String, V> byDevice(Map<String, V> map, Function<V, V> copy, String name) {
        requireNonNull(map, name + " is null").keySet().forEach(BagMaps::requireDevice);
        return sorted(map, BY_DEVICE_NUMBER, copy, name);
    }

    static <V> List<V> list(List<V> values) {
        return List.copyOf(values);
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
