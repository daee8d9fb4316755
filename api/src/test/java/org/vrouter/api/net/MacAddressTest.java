package org.vrouter.api.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vrouter.api.Fixtures.assertInvalid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MacAddressTest {
    @Test
    void normalisesCaseAndSeparators() {
        assertThat(MacAddress.parse("mac", "02:00:4C:5F:00:0A").value()).isEqualTo("02:00:4c:5f:00:0a");
        assertThat(MacAddress.parse("mac", "02-00-4c-5f-00-0a").value()).isEqualTo("02:00:4c:5f:00:0a");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "02:00:4c:5f:00", "02:00:4c:5f:00:0a:01", "0200.4c5f.000a", "02:00:4c:5f:00:0g", "2:0:4c:5f:0:a",
            "02:00:4c:5f:00:0a\n"})
    void rejectsMalformedMacsNamingTheField(String text) {
        assertInvalid(() -> MacAddress.parse("vif_mac_address", text), "vif_mac_address").hasMessageContaining("not a MAC address");
    }

    @Test
    void constructorInsistsOnCanonicalForm() {
        assertInvalid(() -> new MacAddress("02:00:4C:5F:00:0A"), "mac_address");
    }

    @Test
    void convertsToAndFromLong() {
        MacAddress mac = MacAddress.ofLong((14L << 40) | (169L << 24) | (254L << 16) | (3 << 8) | 44);
        assertThat(mac).hasToString("0e:00:a9:fe:03:2c");
        assertThat(MacAddress.ofLong(mac.toLong())).isEqualTo(mac);
    }
}
