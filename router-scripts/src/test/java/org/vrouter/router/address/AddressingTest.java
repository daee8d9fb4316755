package org.vrouter.router.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vrouter.api.network.TrafficType.GUEST;
import static org.vrouter.api.network.TrafficType.PUBLIC;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;

class AddressingTest {
    @Test
    void findsAManagedDeviceByName() {
        Addressing addressing = new Addressing(List.of(InterfaceAddresses.of("eth0", GUEST, List.of()),
                InterfaceAddresses.of("eth2", PUBLIC, List.of())), List.of(), List.of());

        assertThat(addressing.device("eth2")).map(InterfaceAddresses::role).contains(PUBLIC);
        assertThat(addressing.device("eth1")).isEmpty();
    }

    @Test
    void rejectsADeviceGivenTwice() {
        assertThatThrownBy(() -> new Addressing(List.of(InterfaceAddresses.of("eth0", GUEST, List.of()),
                InterfaceAddresses.of("eth0", PUBLIC, List.of())), List.of(), List.of()))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("device given twice");
    }

    @Test
    void rejectsTwoRoutesTheKernelCouldNotTellApart() {
        Route first = Route.via(Cidr.parse("0.0.0.0/0"), IpAddress.parse("203.0.113.1"));
        Route second = Route.via(Cidr.parse("0.0.0.0/0"), IpAddress.parse("203.0.113.254")).withMetric(0);

        assertThatThrownBy(() -> new Addressing(List.of(), List.of(first, second), List.of()))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("routes[1]"));
        assertThat(new Addressing(List.of(), List.of(first, second.withMetric(10)), List.of()).routes()).hasSize(2);
    }

    @Test
    void rejectsARuleGivenTwice() {
        PolicyRule rule = PolicyRule.forMark(100, Fwmark.of(0x66), 102);

        assertThatThrownBy(() -> new Addressing(List.of(), List.of(), List.of(rule, rule)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("rule is given twice");
    }

    @Test
    void aStepRefusesWordsAnIpBatchLineWouldSplitOrQuote() {
        assertThatThrownBy(() -> new AddressStep(StepKind.SET_MTU, "eth0", List.of("link", "set", "dev", "eth 0")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AddressStep(StepKind.SET_MTU, "eth0", List.of("link", "#")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new AddressStep(StepKind.SET_MTU, "eth0 mtu 1450", List.of("link", "set", "dev", "eth0", "mtu", "1450")).line())
                .isEqualTo("link set dev eth0 mtu 1450");
    }
}
