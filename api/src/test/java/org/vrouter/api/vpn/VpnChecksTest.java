package org.vrouter.api.vpn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vrouter.api.Fixtures.assertInvalid;
import static org.vrouter.api.Fixtures.cidr;
import static org.vrouter.api.Fixtures.ip;

import org.junit.jupiter.api.Test;
import org.vrouter.api.net.IpRange;
import org.vrouter.api.secret.Secret;

/** The VPN rules the domain records and the VPN commands share. */
class VpnChecksTest {
    @Test
    void policiesAreCipherHashPairsWithAnOptionalGroup() {
        assertThat(VpnChecks.requireIpsecPolicy("ike_policy", "aes128-sha1,aes256-sha256;modp2048")).isEqualTo("aes128-sha1,aes256-sha256;modp2048");
        assertThat(VpnChecks.requireIpsecPolicy("esp_policy", "AES128-SHA1")).isEqualTo("AES128-SHA1");
        assertInvalid(() -> VpnChecks.requireIpsecPolicy("ike_policy", "aes128"), "ike_policy");
        assertInvalid(() -> VpnChecks.requireIpsecPolicy("ike_policy", "aes128-sha1-modp1536"), "ike_policy");
        assertInvalid(() -> VpnChecks.requireIpsecPolicy("ike_policy", "aes_128-sha1"), "ike_policy");
        assertInvalid(() -> VpnChecks.requireIpsecPolicy("esp_policy", " "), "esp_policy");
        assertInvalid(() -> VpnChecks.requireIpsecPolicy("esp_policy", null), "esp_policy");
    }

    @Test
    void lifetimesRunFromOneSecondToADay() {
        assertThat(VpnChecks.requireLifetime("ike_lifetime", 1)).isEqualTo(1);
        assertThat(VpnChecks.requireLifetime("ike_lifetime", 86_400)).isEqualTo(86_400);
        assertInvalid(() -> VpnChecks.requireLifetime("ike_lifetime", 0), "ike_lifetime");
        assertInvalid(() -> VpnChecks.requireLifetime("esp_lifetime", 86_401), "esp_lifetime");
    }

    @Test
    void presharedKeysHaveNoWhitespaceAndAreNeverShown() {
        assertInvalid(() -> VpnChecks.requirePresharedKey("ipsec_psk", Secret.of("two words")), "ipsec_psk").hasMessageNotContaining("two");
        assertInvalid(() -> VpnChecks.requirePresharedKey("ipsec_psk", Secret.of("")), "ipsec_psk");
    }

    @Test
    void peerCidrsAreNetworksOutsideTheLocalOne() {
        assertThat(VpnChecks.requirePeerCidr("peer", cidr("10.0.0.0/24"), cidr("172.16.0.0/16"))).isEqualTo(cidr("10.0.0.0/24"));
        assertInvalid(() -> VpnChecks.requirePeerCidr("peer", cidr("10.0.0.5/24"), cidr("172.16.0.0/16")), "peer")
                .hasMessageContaining("host bits");
        assertInvalid(() -> VpnChecks.requirePeerCidr("peer", cidr("172.0.0.0/8"), cidr("172.16.0.0/16")), "peer")
                .hasMessageContaining("overlaps local_guest_cidr");
        assertInvalid(() -> VpnChecks.requirePeerCidr("peer", cidr("172.16.3.0/24"), cidr("172.16.0.0/16")), "peer");
    }

    @Test
    void remoteAccessAddressingIsIpv4WithThePoolOutsideTheLocalNetwork() {
        IpRange pool = IpRange.parse("ip_range", "10.1.2.1-10.1.2.8");
        VpnChecks.requireClientAddressing(pool, ip("10.1.1.1"), cidr("10.1.1.0/24"));
        assertInvalid(() -> VpnChecks.requireClientAddressing(IpRange.parse("ip_range", "fd00::1-fd00::8"), ip("10.1.1.1"), cidr("10.1.1.0/24")),
                "ip_range");
        assertInvalid(() -> VpnChecks.requireClientAddressing(pool, ip("fd00::1"), cidr("fd00::/64")), "local_ip");
        assertInvalid(() -> VpnChecks.requireClientAddressing(pool, ip("10.1.1.1"), cidr("10.1.1.1/24")), "local_cidr");
        assertInvalid(() -> VpnChecks.requireClientAddressing(pool, ip("10.1.3.1"), cidr("10.1.1.0/24")), "local_ip");
        assertInvalid(() -> VpnChecks.requireClientAddressing(IpRange.parse("ip_range", "10.1.0.250-10.1.1.4"), ip("10.1.1.1"),
                cidr("10.1.1.0/24")), "ip_range").hasMessageContaining("overlaps local_cidr");
        assertInvalid(() -> VpnChecks.requireClientAddressing(IpRange.parse("ip_range", "10.1.0.1-10.1.3.1"), ip("10.1.1.1"),
                cidr("10.1.1.0/24")), "ip_range");
    }
}
