package org.vrouter.api.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vrouter.api.Fixtures.assertInvalid;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NetmaskTest {
    @ParameterizedTest
    @CsvSource({"0.0.0.0, 0", "128.0.0.0, 1", "255.255.255.0, 24", "255.255.252.0, 22", "255.255.255.254, 31", "255.255.255.255, 32"})
    void parsesContiguousMasks(String dotted, int prefix) {
        Netmask netmask = Netmask.parse("netmask", dotted);
        assertThat(netmask.prefixLength()).isEqualTo(prefix);
        assertThat(netmask).hasToString(dotted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"255.0.255.0", "255.255.255.1", "0.255.255.255", "255.255.254.255"})
    void rejectsNonContiguousMasks(String dotted) {
        assertInvalid(() -> Netmask.parse("vlan_netmask", dotted), "vlan_netmask").hasMessageContaining("not contiguous");
    }

    @ParameterizedTest
    @ValueSource(strings = {"24", "ffff:ffff::", "255.255.255", ""})
    void rejectsNonDottedText(String text) {
        assertInvalid(() -> Netmask.parse("vlan_netmask", text), "vlan_netmask").hasMessageContaining("not a dotted IPv4 netmask");
    }
}
