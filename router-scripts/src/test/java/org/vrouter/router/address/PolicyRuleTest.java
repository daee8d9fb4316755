package org.vrouter.router.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;

class PolicyRuleTest {
    @Test
    void rendersAsTheWordsOfIpRule() {
        assertThat(PolicyRule.forMark(100, Fwmark.of(0x66), 102)).hasToString("priority 100 fwmark 0x66 table 102");
        assertThat(PolicyRule.forSource(101, Cidr.parse("203.0.113.0/24"), 102)).hasToString("priority 101 from 203.0.113.0/24 table 102");
        assertThat(new Fwmark(0x10, 0xf0)).hasToString("0x10/0xf0");
    }

    @Test
    void rejectsThePrioritiesOfTheKernelsOwnRules() {
        for (int priority : new int[] {0, 32766, 32767, -1}) {
            assertThatThrownBy(() -> PolicyRule.forMark(priority, Fwmark.of(1), 102)).as("priority " + priority)
                    .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("priority"));
        }
    }

    @Test
    void rejectsAnIpv6SourceAndHostBits() {
        assertThatThrownBy(() -> PolicyRule.forSource(100, Cidr.parse("fd00::/64"), 102))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("IPv4 only");
        assertThatThrownBy(() -> PolicyRule.forSource(100, Cidr.parse("203.0.113.20/24"), 102))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("203.0.113.0/24");
    }

    @Test
    void rejectsAMarkOutsideItsMaskOrThirtyTwoBits() {
        assertThatThrownBy(() -> new Fwmark(0x101, 0xff)).isInstanceOf(InvalidParameterException.class).hasMessageContaining("outside its mask");
        assertThatThrownBy(() -> Fwmark.of(0x1_0000_0000L)).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> new Fwmark(0, 0)).isInstanceOfSatisfying(InvalidParameterException.class,
                e -> assertThat(e.field()).isEqualTo("fwmask"));
    }
}
