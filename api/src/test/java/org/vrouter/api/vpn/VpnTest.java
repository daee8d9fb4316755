package org.vrouter.api.vpn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vrouter.api.Fixtures.assertInvalid;
import static org.vrouter.api.Fixtures.cidr;
import static org.vrouter.api.Fixtures.ip;

import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.vrouter.api.net.IpRange;
import org.vrouter.api.secret.Secret;

/** {@link RemoteAccessVpn}, {@link VpnUser} and {@link Site2SiteVpnConnection}. */
class VpnTest {
    private static final IpRange POOL = IpRange.parse("ip_range", "10.1.2.1-10.1.2.8");

    @Test
    void remoteAccessVpnForANetwork() {
        RemoteAccessVpn vpn = RemoteAccessVpn.forNetwork(1, 5, ip("203.0.113.20"), POOL, Secret.of("s3cretPSK"), ip("10.1.1.1"),
                cidr("10.1.1.0/24"));
        assertThat(vpn.networkId()).hasValue(5);
        assertThat(vpn.toString()).doesNotContain("s3cretPSK");
    }

    @Test
    void remoteAccessVpnBelongsToExactlyOneNetworkOrVpc() {
        assertInvalid(() -> new RemoteAccessVpn(1, OptionalLong.of(5), OptionalLong.of(3), ip("203.0.113.20"), POOL, Secret.of("psk"),
                ip("10.1.1.1"), cidr("10.1.1.0/24"), RemoteAccessVpn.State.ADDED), "network_id");
    }

    @Test
    void remoteAccessVpnPoolMustNotOverlapTheLocalCidr() {
        assertInvalid(() -> RemoteAccessVpn.forNetwork(1, 5, ip("203.0.113.20"), IpRange.parse("ip_range", "10.1.1.200-10.1.1.210"),
                Secret.of("psk"), ip("10.1.1.1"), cidr("10.1.1.0/24")), "ip_range").hasMessageContaining("overlaps local_cidr");
        assertInvalid(() -> RemoteAccessVpn.forNetwork(1, 5, ip("203.0.113.20"), POOL, Secret.of("psk"), ip("10.1.3.1"), cidr("10.1.1.0/24")),
                "local_ip");
    }

    @Test
    void presharedKeyIsCheckedWithoutShowingIt() {
        assertInvalid(() -> RemoteAccessVpn.forNetwork(1, 5, ip("203.0.113.20"), POOL, Secret.of("my \"key\""), ip("10.1.1.1"),
                cidr("10.1.1.0/24")), "preshared_key").hasMessageNotContaining("key\"");
        assertInvalid(() -> RemoteAccessVpn.forNetwork(1, 5, ip("203.0.113.20"), POOL, Secret.of(""), ip("10.1.1.1"), cidr("10.1.1.0/24")),
                "preshared_key");
    }

    @Test
    void vpnUserNamesAndPasswordsFollowCloudStacksCharacterSets() {
        assertThat(VpnUser.of("alice@corp", Secret.of("pw1+x=y")).isRevoked()).isFalse();
        assertInvalid(() -> VpnUser.of("al", Secret.of("pw1")), "user");
        assertInvalid(() -> VpnUser.of("alice bob", Secret.of("pw1")), "user");
        assertInvalid(() -> VpnUser.of("alice", Secret.of("pw 1")), "password").hasMessageNotContaining("pw 1");
    }

    @Test
    void site2SiteConnectionWithDefaults() {
        Site2SiteVpnConnection connection = connection(List.of(cidr("10.0.0.0/24"), cidr("10.0.1.0/24"))).build();
        assertThat(connection.ikeLifetimeSeconds()).isEqualTo(86400);
        assertThat(connection.ikeVersion()).isEqualTo(Site2SiteVpnConnection.IkeVersion.IKE);
        assertThat(connection.toString()).doesNotContain("s3cret");
    }

    @Test
    void site2SitePeerCidrsMustNotOverlapTheVpc() {
        assertInvalid(() -> connection(List.of(cidr("10.0.0.0/24"), cidr("172.16.5.0/24"))).build(), "peer_guest_cidr_list[1]")
                .hasMessageContaining("overlaps local_guest_cidr 172.16.0.0/16");
        assertInvalid(() -> connection(List.of()).build(), "peer_guest_cidr_list");
    }

    @Test
    void site2SitePoliciesAndLifetimes() {
        assertThat(connection(List.of(cidr("10.0.0.0/24"))).ikePolicy("aes256-sha256,aes128-sha1;modp2048").build().ikePolicy())
                .isEqualTo("aes256-sha256,aes128-sha1;modp2048");
        assertInvalid(() -> connection(List.of(cidr("10.0.0.0/24"))).espPolicy("aes128-sha1 ; modp1536").build(), "esp_policy");
        assertInvalid(() -> connection(List.of(cidr("10.0.0.0/24"))).ikePolicy("aes128\nconn x").build(), "ike_policy");
        assertInvalid(() -> connection(List.of(cidr("10.0.0.0/24"))).lifetimes(86401, 3600).build(), "ike_lifetime");
    }

    private static Site2SiteVpnConnection.Builder connection(List<org.vrouter.api.net.Cidr> peers) {
        return Site2SiteVpnConnection.builder(1, 3, ip("203.0.113.30"), ip("203.0.113.1"), cidr("172.16.0.0/16"), ip("198.51.100.7"), peers,
                Secret.of("s3cret"));
    }
}
