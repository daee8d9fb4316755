package org.vrouter.router.vpn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.vrouter.api.net.IpAddress;
import org.vrouter.commands.CheckS2SVpnConnectionsAnswer;

class SiteToSiteStatusTest {
    private static final IpAddress UP = IpAddress.parse("peer", "203.0.113.20");
    private static final IpAddress HALF = IpAddress.parse("peer", "198.51.100.7");
    private static final IpAddress DOWN = IpAddress.parse("peer", "192.0.2.9");

    // swanctl --list-sas of strongSwan 5.9, abridged
    private static final String SAS = """
            vpn-203-0-113-20: #2, ESTABLISHED, IKEv2, 1f2e3d4c5b6a7988_i* 8877665544332211_r
              local  '203.0.113.10' @ 203.0.113.10[4500]
              remote '203.0.113.20' @ 203.0.113.20[4500]
              AES_CBC-128/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_2048
              established 12s ago, rekeying in 84200s
              vpn-203-0-113-20: #1, reqid 1, INSTALLED, TUNNEL-in-UDP, ESP:AES_CBC-128/HMAC_SHA2_256_128
                installed 12s ago, rekeying in 3300s, expires in 3948s
                in  c1a2b3c4,    504 bytes,     6 packets,     1s ago
                out c4b3a2c1,    504 bytes,     6 packets,     1s ago
                local  10.1.1.0/24
                remote 10.2.2.0/24
            vpn-198-51-100-7: #3, ESTABLISHED, IKEv1, 0011223344556677_i* 7766554433221100_r
              local  '203.0.113.10' @ 203.0.113.10[500]
              remote '198.51.100.7' @ 198.51.100.7[500]
            """;

    @Test
    void reportsEachPeerInTheFormatTheManagementSideParses() {
        String report = SiteToSiteStatus.report(List.of(UP, HALF, DOWN), SAS);

        assertThat(report).isEqualTo("203.0.113.20:0:IKE SA established, IPsec SA installed"
                + "&198.51.100.7:2:IKE SA established, no IPsec SA installed&192.0.2.9:1:no IKE SA established");
        CheckS2SVpnConnectionsAnswer answer = CheckS2SVpnConnectionsAnswer.fromScriptOutput(report);
        assertThat(answer.peers().get(UP).connected()).isTrue();
        assertThat(answer.peers().get(HALF).connected()).isFalse();
        assertThat(answer.peers().get(DOWN).connected()).isFalse();
    }

    @Test
    void aConnectingSaIsNotConnected() {
        assertThat(SiteToSiteStatus.report(List.of(UP), "vpn-203-0-113-20: #1, CONNECTING, IKEv2, 11_i* 00_r\n"))
                .isEqualTo("203.0.113.20:1:no IKE SA established");
    }

    @Test
    void withoutCharonEveryPeerIsDown() {
        assertThat(CheckS2SVpnConnectionsAnswer.fromScriptOutput(SiteToSiteStatus.unreachable(List.of(UP, DOWN))).peers())
                .allSatisfy((peer, status) -> assertThat(status.code()).isEqualTo(SiteToSiteStatus.NO_IKE_SA)).hasSize(2);
    }
}
