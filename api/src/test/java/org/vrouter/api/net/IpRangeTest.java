package org.vrouter.api.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vrouter.api.Fixtures.assertInvalid;

import org.junit.jupiter.api.Test;

class IpRangeTest {
    @Test
    void parsesAndPrintsTheWireForm() {
        IpRange range = IpRange.parse("ip_range", "10.1.2.1-10.1.2.8");
        assertThat(range).hasToString("10.1.2.1-10.1.2.8");
        assertThat(range.contains(IpAddress.parse("10.1.2.5"))).isTrue();
        assertThat(range.contains(IpAddress.parse("10.1.2.8"))).isTrue();
        assertThat(range.contains(IpAddress.parse("10.1.2.9"))).isFalse();
        assertThat(range.isWithin(Cidr.parse("10.1.2.0/28"))).isTrue();
    }

    @Test
    void rejectsFirstAfterLast() {
        assertInvalid(() -> IpRange.parse("ip_range", "10.1.2.8-10.1.2.1"), "ip_range").hasMessageContaining("first address is after last");
    }

    @Test
    void rejectsMixedFamiliesNamingTheCallersField() {
        assertInvalid(() -> IpRange.parse("pool", "10.1.2.1-fd00::1"), "pool").hasMessageContaining("different families");
    }

    @Test
    void rejectsTextWithoutOneDash() {
        assertInvalid(() -> IpRange.parse("pool", "10.1.2.1"), "pool");
        assertInvalid(() -> IpRange.parse("ip_range", "10.1.2.1"), "ip_range");
        assertInvalid(() -> IpRange.parse("pool", "10.1.2.1-10.1.2.3-10.1.2.4"), "pool");
        assertInvalid(() -> IpRange.parse("pool", "10.1.2.1-x"), "pool");
    }
}
