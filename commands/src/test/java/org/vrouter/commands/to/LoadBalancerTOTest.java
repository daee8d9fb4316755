package org.vrouter.commands.to;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.rule.LbAlgorithm;
import org.vrouter.api.rule.LbProtocol;

class LoadBalancerTOTest {
    private static final IpAddress PUBLIC_IP = IpAddress.parse("203.0.113.20");

    @Test
    void defaultsToTcpRoundRobinWithNothingOptional() {
        LoadBalancerTO lb = LoadBalancerTO.builder("lb-1", PUBLIC_IP, 80).build();

        assertThat(lb.effectiveProtocol()).isEqualTo(LbProtocol.TCP);
        assertThat(lb.algorithm()).isEqualTo(LbAlgorithm.ROUND_ROBIN);
        assertThat(lb.destinations()).isEmpty();
        assertThat(lb.stickinessPolicy()).isEmpty();
        assertThat(lb.healthCheckPolicy()).isEmpty();
        assertThat(lb.sourceCidrs()).isEmpty();
    }

    @Test
    void letsTheLbProtocolWinOverTheRuleProtocol() {
        LoadBalancerTO lb = LoadBalancerTO.builder("lb-1", PUBLIC_IP, 25).lbProtocol(LbProtocol.TCP_PROXY).build();

        assertThat(lb.effectiveProtocol()).isEqualTo(LbProtocol.TCP_PROXY);
    }

    @Test
    void listsOnlyActiveDestinationsInOrder() {
        LbDestinationTO first = LbDestinationTO.of(IpAddress.parse("10.1.1.2"), 80);
        LbDestinationTO revoked = LbDestinationTO.of(IpAddress.parse("10.1.1.3"), 80).revoke();
        LbDestinationTO third = LbDestinationTO.of(IpAddress.parse("10.1.1.4"), 80);

        LoadBalancerTO lb = LoadBalancerTO.builder("lb-1", PUBLIC_IP, 80).destination(first).destination(revoked).destination(third).build();

        assertThat(lb.activeDestinations()).containsExactly(first, third);
    }

    @Test
    void rejectsIpv6Addresses() {
        assertThatThrownBy(() -> LoadBalancerTO.builder("lb-1", IpAddress.parse("2001:db8::1"), 80).build())
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("src_ip:");
        assertThatThrownBy(() -> LbDestinationTO.of(IpAddress.parse("2001:db8::2"), 80))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("dest_ip:");
        assertThatThrownBy(() -> LoadBalancerTO.builder("lb-1", PUBLIC_IP, 80).sourceCidr(Cidr.parse("2001:db8::/32")).build())
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("cidr_list:");
    }

    @Test
    void rejectsBadPortsAndUuid() {
        assertThatThrownBy(() -> LoadBalancerTO.builder("lb-1", PUBLIC_IP, 0).build())
                .hasMessageStartingWith("src_port:");
        assertThatThrownBy(() -> LbDestinationTO.of(IpAddress.parse("10.1.1.2"), 65536))
                .hasMessageStartingWith("dest_port:");
        assertThatThrownBy(() -> LoadBalancerTO.builder("lb 1", PUBLIC_IP, 80).build())
                .hasMessageStartingWith("uuid:");
    }

    @Test
    void rejectsSslWithAMessageAboutCertificates() {
        assertThatThrownBy(() -> LbProtocol.fromWireName("lb_protocol", "ssl"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("certificates");
    }

    @Test
    void readsAlgorithmAndProtocolWireNamesInAnyCase() {
        assertThat(LbAlgorithm.fromWireName("algorithm", "LeastConn")).isEqualTo(LbAlgorithm.LEAST_CONN);
        assertThat(LbProtocol.fromWireName("protocol", "TCP-proxy")).isEqualTo(LbProtocol.TCP_PROXY);
        assertThatThrownBy(() -> LbAlgorithm.fromWireName("algorithm", "random"))
                .hasMessageStartingWith("algorithm: unknown algorithm");
    }
}
