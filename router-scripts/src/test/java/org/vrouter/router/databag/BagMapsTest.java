package org.vrouter.router.databag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import org.vrouter.api.net.IpAddress;

class BagMapsTest {
    private static final IpAddress A = IpAddress.parse("10.1.1.9");
    private static final IpAddress B = IpAddress.parse("10.1.1.10");

    @Test
    void sortsByKeyAndIsUnmodifiable() {
        Map<IpAddress, String> map = BagMaps.sorted(Map.of(B, "b", A, "a"), "test");

        assertThat(map.keySet()).containsExactly(A, B);
        assertThatThrownBy(() -> map.put(A, "x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.entrySet().iterator().next().setValue("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aChangedCopyKeepsTheOrderAndTheOriginal() {
        Map<IpAddress, String> map = BagMaps.sorted(Map.of(B, "b"), "test");
        TreeMap<IpAddress, String> copy = BagMaps.mutableCopy(map);
        copy.put(A, "a");

        assertThat(BagMaps.sorted(copy, "test").keySet()).containsExactly(A, B);
        assertThat(map).containsOnlyKeys(B);
    }

    @Test
    void equalsAnyMapWithTheSameEntries() {
        Map<IpAddress, String> one = BagMaps.sorted(Map.of(A, "a", B, "b"), "test");
        Map<IpAddress, String> two = BagMaps.sorted(new TreeMap<>(Map.of(B, "b", A, "a")), "test");

        assertThat(one).isEqualTo(two).isEqualTo(Map.of(A, "a", B, "b")).hasSameHashCodeAs(Map.of(A, "a", B, "b"));
        assertThat(Map.of(A, "a", B, "b")).isEqualTo(one);
        assertThat(one).isNotEqualTo(BagMaps.sorted(Map.of(A, "a", B, "c"), "test")).isNotEqualTo(BagMaps.sorted(Map.of(A, "a"), "test"));
    }

    @Test
    void ordersDevicesByNumber() {
        assertThat(BagMaps.byDevice(Map.of("eth10", List.of(), "eth2", List.of()), List::copyOf, "devices").keySet())
                .containsExactly("eth2", "eth10");
        assertThatThrownBy(() -> BagMaps.byDevice(Map.of("wlan0", "x"), value -> value, "devices"))
                .hasMessageContaining("not a device name");
    }
}
