package org.vrouter.guru;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vrouter.guru.Fixtures.ip;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.MacAddress;

class RouterMacAddressesTest {
    @ParameterizedTest
    @CsvSource({
        "169.254.3.44, 0e:00:a9:fe:03:2c",
        "169.254.2.0, 0e:00:a9:fe:02:00",
        "169.254.0.2, 0e:00:a9:fe:00:02",
        "169.254.255.254, 0e:00:a9:fe:ff:fe",
    })
    void derivesTheLinkLocalMacFromTheAddressAsCloudStackDoes(String address, String mac) {
        assertThat(RouterMacAddresses.linkLocal(ip(address))).isEqualTo(MacAddress.parse(mac));
    }

    @Test
    void linkLocalMacIsTheAddressOrFourteenShiftedByForty() {
        long address = 0xA9FE_032CL;

        assertThat(RouterMacAddresses.linkLocal(ip("169.254.3.44")).toLong()).isEqualTo(address | 14L << 40);
    }

    @Test
    void derivesGuestMacsFromTheLastFourBytesOfEitherFamily() {
        assertThat(RouterMacAddresses.guest(ip("10.1.1.3"))).isEqualTo(MacAddress.parse("1e:00:0a:01:01:03"));
        assertThat(RouterMacAddresses.guest(ip("fd00:1::a:b"))).isEqualTo(MacAddress.parse("1e:00:00:0a:00:0b"));
    }

    @Test
    void derivesLocallyAdministeredUnicastMacs() {
        for (MacAddress mac : new MacAddress[] {RouterMacAddresses.linkLocal(ip("169.254.1.1")),
                RouterMacAddresses.podManagement(ip("192.168.10.100")), RouterMacAddresses.guest(ip("10.1.1.1")),
                RouterMacAddresses.publicAddress(ip("203.0.113.20"))}) {
            long firstOctet = mac.toLong() >>> 40;
            assertThat(firstOctet & 0x02).as("locally administered: %s", mac).isEqualTo(0x02);
            assertThat(firstOctet & 0x01).as("unicast: %s", mac).isZero();
        }
    }

    @Test
    void rejectsAnIpv6ControlAddress() {
        assertThatThrownBy(() -> RouterMacAddresses.linkLocal(ip("fe80::1"))).isInstanceOf(InvalidParameterException.class);
    }
}
