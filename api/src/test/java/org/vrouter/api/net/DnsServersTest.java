package org.vrouter.api.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vrouter.api.Fixtures.assertInvalid;
import static org.vrouter.api.Fixtures.ip;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class DnsServersTest {
    @Test
    void listsFilledSlotsInOrder() {
        DnsServers dns = DnsServers.ipv4(ip("8.8.8.8"), ip("1.1.1.1")).withIpv6(Optional.of(ip("2001:4860:4860::8888")), Optional.empty());
        assertThat(dns.all()).extracting(IpAddress::value).containsExactly("8.8.8.8", "1.1.1.1", "2001:4860:4860::8888");
        assertThat(DnsServers.none().isEmpty()).isTrue();
    }

    @Test
    void rejectsAddressOfTheWrongFamily() {
        assertInvalid(() -> DnsServers.ipv4(ip("fd00::53")), "dns1").hasMessageContaining("IPv4");
        assertInvalid(() -> DnsServers.none().withIpv6(Optional.empty(), Optional.of(ip("10.0.0.53"))), "ip6dns2");
    }
}
