package org.vrouter.api.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vrouter.api.Fixtures.assertInvalid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PortRangeTest {
    @Test
    void parsesSinglePortsAndRanges() {
        assertThat(PortRange.parse("ports", "80")).isEqualTo(PortRange.of(80));
        assertThat(PortRange.parse("ports", "80-90")).isEqualTo(PortRange.of(80, 90));
        assertThat(PortRange.parse("ports", "80:90")).isEqualTo(PortRange.of(80, 90));
        assertThat(PortRange.parse("ports", "1-65535").contains(65535)).isTrue();
    }

    @Test
    void printsBothForms() {
        assertThat(PortRange.of(22)).hasToString("22");
        assertThat(PortRange.of(22).toColonForm()).isEqualTo("22:22");
        assertThat(PortRange.of(1000, 2000)).hasToString("1000-2000");
        assertThat(PortRange.of(1000, 2000).toColonForm()).isEqualTo("1000:2000");
    }

    @Test
    void rejectsPortZero() {
        assertInvalid(() -> PortRange.parse("source_port_range", "0"), "source_port_range").hasMessageContaining("between 1 and 65535");
        assertInvalid(() -> PortRange.of(0), "start_port");
    }

    @Test
    void rejectsPortAbove65535() {
        assertInvalid(() -> PortRange.parse("source_port_range", "80-65536"), "source_port_range").hasMessageContaining("between 1 and 65535");
        assertInvalid(() -> PortRange.of(80, 65536), "end_port");
    }

    @Test
    void rejectsStartAfterEnd() {
        assertInvalid(() -> PortRange.parse("source_port_range", "90-80"), "source_port_range").hasMessageContaining("start port is after end port");
        assertInvalid(() -> PortRange.of(90, 80), "port_range");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "80-", "a", "80-90-100", "+80", "080000", " 80"})
    void rejectsMalformedText(String text) {
        assertInvalid(() -> PortRange.parse("destination_port_range", text), "destination_port_range");
    }
}
