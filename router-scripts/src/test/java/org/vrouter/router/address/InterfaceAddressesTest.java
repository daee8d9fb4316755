package org.vrouter.router.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vrouter.api.network.TrafficType.GUEST;
import static org.vrouter.api.network.TrafficType.PUBLIC;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;

class InterfaceAddressesTest {
    @Test
    void aNewDeviceIsUpWithItsMtuLeftAlone() {
        InterfaceAddresses eth2 = InterfaceAddresses.of("eth2", PUBLIC, List.of(Cidr.parse("203.0.113.20/24")));

        assertThat(eth2.up()).isTrue();
        assertThat(eth2.mtu()).isEqualTo(OptionalInt.empty());
        assertThat(eth2.unmanaged()).isEmpty();
        assertThat(eth2.announcesAddresses()).isTrue();
        assertThat(eth2.down().announcesAddresses()).isFalse();
        assertThat(InterfaceAddresses.of("eth0", GUEST, List.of()).announcesAddresses()).isFalse();
    }

    @Test
    void rejectsNamesAnIpBatchLineCouldMisread() {
        for (String bad : new String[] {"", "eth 2", "eth2;x", "-eth2", "eth2#", "x".repeat(16), "eth2/1"}) {
            assertThatThrownBy(() -> InterfaceAddresses.of(bad, PUBLIC, List.of())).as(bad)
                    .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("device"));
        }
    }

    @Test
    void rejectsTheSameAddressTwiceEvenWithAnotherPrefix() {
        assertThatThrownBy(() -> InterfaceAddresses.of("eth2", PUBLIC, List.of(Cidr.parse("203.0.113.20/24"), Cidr.parse("203.0.113.20/25"))))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("eth2.addresses[1]"))
                .hasMessageContaining("203.0.113.20/25").hasMessageContaining("also as 203.0.113.20/24");
    }

    @Test
    void rejectsAnAddressBothManagedAndUnmanaged() {
        InterfaceAddresses eth0 = InterfaceAddresses.of("eth0", GUEST, List.of(Cidr.parse("10.1.1.1/24")));

        assertThatThrownBy(() -> eth0.withUnmanaged(Set.of(IpAddress.parse("10.1.1.1"))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("eth0.unmanaged");
    }

    @Test
    void rejectsAnMtuLinuxWouldRefuse() {
        InterfaceAddresses eth0 = InterfaceAddresses.of("eth0", GUEST, List.of());

        assertThat(eth0.withMtu(68).mtu()).hasValue(68);
        assertThat(eth0.withMtu(9000).mtu()).hasValue(9000);
        assertThatThrownBy(() -> eth0.withMtu(67)).isInstanceOf(InvalidParameterException.class).hasMessageContaining("eth0.mtu");
        assertThatThrownBy(() -> eth0.withMtu(65536)).isInstanceOf(InvalidParameterException.class);
    }
}
