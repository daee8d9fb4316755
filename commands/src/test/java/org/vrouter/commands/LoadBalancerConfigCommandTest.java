package org.vrouter.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.rule.LbProtocol;
import org.vrouter.commands.to.LbStatsSettings;
import org.vrouter.commands.to.LbStatsVisibility;
import org.vrouter.commands.to.LoadBalancerTO;

class LoadBalancerConfigCommandTest {
    private static final IpAddress PUBLIC_IP = IpAddress.parse("203.0.113.20");
    private static final IpAddress GUEST_IP = IpAddress.parse("10.1.1.1");
    private static final IpAddress CONTROL_IP = IpAddress.parse("169.254.3.44");

    private static LoadBalancerConfigCommand.Builder command() {
        return LoadBalancerConfigCommand.builder(AccessDetails.builder().routerIp(CONTROL_IP).build(), GUEST_IP, CONTROL_IP);
    }

    private static LoadBalancerTO.Builder rule(int port) {
        return LoadBalancerTO.builder("lb-" + port, PUBLIC_IP, port).destination(IpAddress.parse("10.1.1.23"), port);
    }

    @Test
    void hasCloudStacksDefaults() {
        LoadBalancerConfigCommand command = command().build();

        assertThat(command.maxconn()).isEqualTo(4096);
        assertThat(command.keepAliveEnabled()).isFalse();
        assertThat(command.idleTimeoutMillis()).isEmpty();
        assertThat(command.stats()).isEqualTo(LbStatsSettings.defaults());
        assertThat(command.answersCount()).isEqualTo(2);
    }

    @Test
    void rejectsUdpLikeCloudStack() {
        assertThatThrownBy(() -> command().loadBalancer(rule(53).lbProtocol(LbProtocol.UDP).build()).build())
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("load_balancers[0].protocol: haproxy does not support udp");
        assertThatThrownBy(() -> command().loadBalancer(rule(80).build()).loadBalancer(rule(53).protocol(LbProtocol.UDP).build()).build())
                .hasMessageStartingWith("load_balancers[1].protocol:");
    }

    @Test
    void rejectsARuleOnTheStatsPortWhileAStatsListenerBindsIt() {
        assertThatThrownBy(() -> command().loadBalancer(rule(8081).build()).build())
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("load_balancers[0].src_port: haproxy listens for load balancer statistics on this port");
    }

    @Test
    void allowsTheStatsPortWhenStatsAreDisabledOrTheRuleIsRevoked() {
        assertThat(command().stats(LbStatsSettings.defaults().withVisibility(LbStatsVisibility.DISABLED))
                .loadBalancer(rule(8081).build()).build().activeLoadBalancers()).hasSize(1);
        assertThat(command().loadBalancer(rule(8081).revoked(true).build()).build().activeLoadBalancers()).isEmpty();
    }

    @Test
    void rejectsTwoActiveRulesOnOneAddressAndPort() {
        assertThatThrownBy(() -> command().loadBalancer(rule(80).build()).loadBalancer(rule(80).build()).build())
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("load_balancers[1].src_ip")
                .hasMessageContaining("load_balancers[0]");
    }

    @Test
    void needsThePublicAddressForPublicStats() {
        assertThatThrownBy(() -> command().stats(LbStatsSettings.defaults().withVisibility(LbStatsVisibility.GLOBAL)).build())
                .hasMessageStartingWith("lb_stats_public_ip: is missing");
        assertThat(command().publicIp(PUBLIC_IP).stats(LbStatsSettings.defaults().withVisibility(LbStatsVisibility.ALL)).build().publicIp())
                .contains(PUBLIC_IP);
    }

    @Test
    void rejectsMaxconnAndIdleTimeoutOutOfRange() {
        assertThatThrownBy(() -> command().maxconn(0).build()).hasMessageStartingWith("maxconn:");
        assertThatThrownBy(() -> command().idleTimeoutMillis(0).build()).hasMessageStartingWith("idle_timeout:");
    }

    @Test
    void usesTheNicAddressAsRouterIpForVpcRouters() {
        IpAddress tierIp = IpAddress.parse("172.16.1.1");

        assertThat(command().build().routerIp()).contains(CONTROL_IP);
        assertThat(command().vpcId(7).nic(2, tierIp).build().routerIp()).contains(tierIp);
    }
}
