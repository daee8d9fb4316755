package org.vrouter.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.vrouter.commands.Fixtures.CONTROL_IP;
import static org.vrouter.commands.Fixtures.router;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.commands.to.MonitorServiceTO;

class RouterControlCommandsTest {
    private static final MonitorServiceTO SSH = new MonitorServiceTO("ssh", "sshd", "ssh", "/etc/init.d/ssh", "/var/run/sshd.pid", true);
    private static final MonitorServiceTO DHCP =
            new MonitorServiceTO("dhcp", "dnsmasq", "dnsmasq", "/etc/init.d/dnsmasq", "/var/run/dnsmasq/dnsmasq.pid", false);

    @Test
    void startMonitorCommandRendersTheServiceConfiguration() {
        SetMonitorServiceCommand command = SetMonitorServiceCommand.builder(router()).service(SSH).service(DHCP).build();

        assertThat(command.configuration()).isEqualTo("[ssh]:processname=sshd:servicename=ssh:pidfile=/var/run/sshd.pid:,"
                + "[dhcp]:processname=dnsmasq:servicename=dnsmasq:pidfile=/var/run/dnsmasq/dnsmasq.pid:,");
        assertThat(command.answersCount()).isEqualTo(2);
        assertThat(command.accessDetails().get(AccessDetails.ROUTER_MONITORING_ENABLED)).isEmpty();
        assertThat(command.accessDetails().get(AccessDetails.ROUTER_HEALTH_CHECKS_ENABLED)).isEmpty();
    }

    @Test
    void healthCheckPushDerivesItsAccessDetails() {
        SetMonitorServiceCommand command = SetMonitorServiceCommand.builder(router())
                .healthChecks(new HealthCheckSettings(true, 3, 10, List.of("gateways_check.py")))
                .healthCheckConfig(HealthCheckConfigKey.GATEWAYS, "gatewaysIps=10.1.1.1 ")
                .healthCheckConfig(HealthCheckConfigKey.SYSTEM_THRESHOLDS, "minDiskNeeded=100,maxCpuUsage=100,maxMemoryUsage=100;")
                .reconfigureAfterUpdate(true)
                .deleteFromProcessedCache(true)
                .monitoringEnabled(false)
                .build();

        assertThat(command.accessDetails().get(AccessDetails.ROUTER_HEALTH_CHECKS_ENABLED)).contains("true");
        assertThat(command.accessDetails().get(AccessDetails.ROUTER_HEALTH_CHECKS_BASIC_INTERVAL)).contains("3");
        assertThat(command.accessDetails().get(AccessDetails.ROUTER_HEALTH_CHECKS_ADVANCED_INTERVAL)).contains("10");
        assertThat(command.accessDetails().get(AccessDetails.ROUTER_HEALTH_CHECKS_EXCLUDED)).contains("gateways_check.py");
        assertThat(command.accessDetails().get(AccessDetails.ROUTER_MONITORING_ENABLED)).contains("false");
        assertThat(command.healthChecksConfig().keySet()).containsExactly(HealthCheckConfigKey.GATEWAYS, HealthCheckConfigKey.SYSTEM_THRESHOLDS);
        assertThat(command.configuration()).isEmpty();
        assertThat(command.answersCount()).isEqualTo(3);
    }

    @Test
    void monitorRejectsConfigValueWithQuote() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class, () -> SetMonitorServiceCommand.builder(router())
                .healthCheckConfig(HealthCheckConfigKey.GATEWAYS, "gatewaysIps=\"x").build());

        assertThat(error.field()).isEqualTo("health_checks_config.gateways");
    }

    @Test
    void monitorRejectsAServiceListedTwice() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class,
                () -> SetMonitorServiceCommand.builder(router()).service(SSH).service(SSH).build());

        assertThat(error.field()).isEqualTo("services[1].service");
    }

    @Test
    void aggregationPutsRouterNameAndAddressesInTheAccessDetails() {
        AggregationControlCommand start = AggregationControlCommand.of(AggregationControlCommand.Action.START, "r-12-VM", CONTROL_IP,
                IpAddress.parse("10.1.1.1"));

        assertThat(start.accessDetails().routerName()).contains("r-12-VM");
        assertThat(start.accessDetails().routerIp()).contains(CONTROL_IP);
        assertThat(start.accessDetails().routerGuestIp()).contains(IpAddress.parse("10.1.1.1"));
        assertThat(start.action().wireName()).isEqualTo("Start");
        assertThat(start.isQuery()).isFalse();
    }

    @Test
    void aggregationRejectsABadRouterName() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class,
                () -> AggregationControlCommand.of(AggregationControlCommand.Action.FINISH, "r 12", CONTROL_IP));

        assertThat(error.field()).isEqualTo(AccessDetails.ROUTER_NAME);
    }

    @Test
    void queriesAreQueries() {
        assertThat(new CheckRouterCommand(router()).isQuery()).isTrue();
        assertThat(new CheckRouterCommand(router()).timeout()).contains(Duration.ofSeconds(30));
        assertThat(new GetDomRVersionCommand(router()).isQuery()).isTrue();
        assertThat(new GetRouterMonitorResultsCommand(router(), true, false).isQuery()).isTrue();
        assertThat(new CheckS2SVpnConnectionsCommand(router(), List.of(IpAddress.parse("198.51.100.7"))).isQuery()).isTrue();
    }

    @Test
    void s2sCheckDropsDuplicatePeersAndNeedsOne() {
        CheckS2SVpnConnectionsCommand command = new CheckS2SVpnConnectionsCommand(router(),
                List.of(IpAddress.parse("198.51.100.7"), IpAddress.parse("198.51.100.7")));

        assertThat(command.peerGatewayIps()).hasSize(1);
        assertThat(catchThrowableOfType(InvalidParameterException.class, () -> new CheckS2SVpnConnectionsCommand(router(), List.of())).field())
                .isEqualTo("peer_gateway_ips");
    }
}
