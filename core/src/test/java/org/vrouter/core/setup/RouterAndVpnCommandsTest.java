package org.vrouter.core.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vrouter.core.setup.SetupFixtures.ALL_SERVICES;
import static org.vrouter.core.setup.SetupFixtures.network;
import static org.vrouter.core.setup.SetupFixtures.offering;
import static org.vrouter.core.setup.SetupFixtures.router;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.IpRange;
import org.vrouter.api.network.EgressPolicy;
import org.vrouter.api.network.Service;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.vpn.RemoteAccessVpn;
import org.vrouter.api.vpn.Site2SiteVpnConnection;
import org.vrouter.api.vpn.VpnUser;
import org.vrouter.commands.AccessDetails;
import org.vrouter.commands.AggregationControlCommand;
import org.vrouter.commands.CheckSshCommand;
import org.vrouter.commands.RemoteAccessVpnCfgCommand;
import org.vrouter.commands.SetMonitorServiceCommand;
import org.vrouter.commands.SetupGuestNetworkCommand;
import org.vrouter.commands.Site2SiteVpnCfgCommand;
import org.vrouter.commands.VpnUsersCfgCommand;
import org.vrouter.commands.to.MonitorServiceTO;
import org.vrouter.commands.to.VpnUserTO;

class RouterAndVpnCommandsTest {
    private final CommandSetupHelper helper = new CommandSetupHelper();

    @Test
    void reachabilityAndVersionNameTheRouter() {
        assertThat(helper.createCheckSshCommand(router())).isEqualTo(new CheckSshCommand("r-12-VM", IpAddress.parse("169.254.3.44"), 3922));
        assertThat(helper.createGetDomRVersionCommand(router()).accessDetails().values())
                .isEqualTo(Map.of(AccessDetails.ROUTER_IP, "169.254.3.44", AccessDetails.ROUTER_NAME, "r-12-VM"));
    }

    @Test
    void aggregationCarriesTheRouterAndItsGuestAddress() {
        AggregationControlCommand start = helper.createAggregationCommand(router(), network(), AggregationControlCommand.Action.START);

        assertThat(start.action()).isEqualTo(AggregationControlCommand.Action.START);
        assertThat(start.accessDetails().values()).isEqualTo(Map.of(AccessDetails.ROUTER_IP, "169.254.3.44",
                AccessDetails.ROUTER_NAME, "r-12-VM", AccessDetails.ROUTER_GUEST_IP, "10.1.1.1"));
    }

    @Test
    void monitorWatchesWhatTheRouterProvidesPlusTheDefaults() {
        SetMonitorServiceCommand monitor = helper.createMonitorServiceCommand(router(), network()).orElseThrow();

        assertThat(monitor.services()).extracting(MonitorServiceTO::service).containsExactly("dhcp", "loadbalancing", "ssh", "webserver");
        assertThat(monitor.configuration()).startsWith("[dhcp]:processname=dnsmasq:servicename=dnsmasq:pidfile=/var/run/dnsmasq/dnsmasq.pid:,");
        assertThat(monitor.accessDetails().values()).isEqualTo(Map.of(AccessDetails.ROUTER_IP, "169.254.3.44",
                AccessDetails.ROUTER_NAME, "r-12-VM", AccessDetails.ROUTER_GUEST_IP, "10.1.1.1",
                AccessDetails.ROUTER_MONITORING_ENABLED, "false"));
        assertThat(monitor.reconfigureAfterUpdate()).isFalse();
        assertThat(monitor.deleteFromProcessedCache()).isFalse();
    }

    @Test
    void monitorWithoutDhcpOrLbWatchesOnlyTheDefaultsAndCanBeEnabled() {
        CommandSetupHelper monitoring = new CommandSetupHelper(CommandSetupSettings.builder().monitoringEnabled(true).build());

        SetMonitorServiceCommand monitor = monitoring.createMonitorServiceCommand(router(),
                network(offering(EgressPolicy.DENY, false, List.of(Service.SOURCE_NAT)))).orElseThrow();

        assertThat(monitor.services()).extracting(MonitorServiceTO::service).containsExactly("ssh", "webserver");
        assertThat(monitor.accessDetails().get(AccessDetails.ROUTER_MONITORING_ENABLED)).isEmpty();
    }

    @Test
    void noMonitorForARedundantOffering() {
        DomainRouter redundant = router().toBuilder().redundant(true).build();

        assertThat(helper.createMonitorServiceCommand(redundant, network(offering(EgressPolicy.DENY, true, ALL_SERVICES)))).isEmpty();
    }

    @Test
    void noMonitorForARedundantVpcRouterWhoseTierOfferingIsNotRedundant() {
        DomainRouter redundant = SetupFixtures.vpcRouter().toBuilder().redundant(true).build();

        assertThat(helper.createMonitorServiceCommand(redundant, SetupFixtures.tier())).isEmpty();
    }

    @Test
    void setupGuestNetworkDescribesTheTierOnTheRoutersNic() {
        SetupGuestNetworkCommand command = helper.createSetupGuestNetworkCommand(SetupFixtures.vpcRouter(),
                SetupFixtures.tier(), SetupFixtures.tierNic(), true);

        assertThat(command.accessDetails().values()).isEqualTo(Map.of(
                AccessDetails.ROUTER_IP, "169.254.3.50",
                AccessDetails.ROUTER_NAME, "r-14-VM",
                AccessDetails.ROUTER_GUEST_IP, "172.16.1.1",
                AccessDetails.GUEST_NETWORK_GATEWAY, "172.16.1.1",
                AccessDetails.GUEST_BRIDGE, "172.16.1.255",
                AccessDetails.GUEST_VLAN_TAG, "100"));
        assertThat(command.add()).isTrue();
        assertThat(command.dhcpRange()).contains(IpAddress.parse("172.16.1.1"));
        assertThat(command.dns1()).contains(IpAddress.parse("8.8.8.8"));
        assertThat(command.dns2()).contains(IpAddress.parse("8.8.4.4"));
        assertThat(command.vrGuestGateway()).isTrue();
        assertThat(command.nic().deviceName()).isEqualTo("eth2");
    }

    @Test
    void firstHostIsTheAddressAfterTheNetworkAddress() {
        assertThat(RouterCommands.firstHost(Cidr.parse("10.1.1.0/24"))).isEqualTo(IpAddress.parse("10.1.1.1"));
        assertThat(RouterCommands.firstHost(Cidr.parse("10.1.0.255/23"))).isEqualTo(IpAddress.parse("10.1.0.1"));
        assertThat(RouterCommands.firstHost(Cidr.parse("fd00::/64"))).isEqualTo(IpAddress.parse("fd00::1"));
    }

    @Test
    void vpnUsersListRemovalsFirstAndCarryTheAccount() {
        List<VpnUser> users = List.of(VpnUser.of("alice", Secret.of("alice-pw")),
                new VpnUser("bob", Secret.of("bob-pw"), VpnUser.State.REVOKE),
                new VpnUser("carol", Secret.of("carol-pw"), VpnUser.State.ACTIVE));

        VpnUsersCfgCommand command = helper.createVpnUsersCommand(router(), network(), users);

        assertThat(command.users()).extracting(VpnUserTO::username, VpnUserTO::add)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bob", false), org.assertj.core.groups.Tuple.tuple("alice", true),
                        org.assertj.core.groups.Tuple.tuple("carol", true));
        assertThat(command.accessDetails().values()).isEqualTo(Map.of(AccessDetails.ACCOUNT_ID, "2",
                AccessDetails.ROUTER_IP, "169.254.3.44", AccessDetails.ROUTER_NAME, "r-12-VM", AccessDetails.ZONE_NETWORK_TYPE, "Advanced"));
    }

    @Test
    void remoteAccessVpnOfANetworkUsesThePublicInterfaceEth2() {
        RemoteAccessVpn vpn = RemoteAccessVpn.forNetwork(5, SetupFixtures.NETWORK_ID, SetupFixtures.SOURCE_NAT_IP,
                IpRange.parse("ip_range", "10.1.2.1-10.1.2.8"), Secret.of("psk-123"), IpAddress.parse("10.1.1.1"), Cidr.parse("10.1.1.0/24"));

        RemoteAccessVpnCfgCommand command = helper.createRemoteAccessVpnCommand(router(), SetupFixtures.ZONE, vpn, true);

        assertThat(command.create()).isTrue();
        assertThat(command.vpc()).isFalse();
        assertThat(command.publicInterface()).isEqualTo("eth2");
        assertThat(command.vpnServerIp()).isEqualTo(SetupFixtures.SOURCE_NAT_IP);
        assertThat(command.localCidr()).isEqualTo(Cidr.parse("10.1.1.0/24"));
        assertThat(command.accessDetails().values()).isEqualTo(Map.of(
                AccessDetails.ROUTER_IP, "169.254.3.44", AccessDetails.ROUTER_NAME, "r-12-VM", AccessDetails.ZONE_NETWORK_TYPE, "Advanced"));
    }

    @Test
    void siteToSiteUsesTheVpcCidrAndTheConnectionsSettings() {
        Site2SiteVpnConnection connection = Site2SiteVpnConnection.builder(9, SetupFixtures.VPC_ID, IpAddress.parse("203.0.113.30"),
                        IpAddress.parse("203.0.113.1"), Cidr.parse("172.16.0.0/16"), IpAddress.parse("198.51.100.7"),
                        List.of(Cidr.parse("192.168.10.0/24")), Secret.of("s2s-psk"))
                .build();

        Site2SiteVpnCfgCommand command = helper.createSite2SiteVpnCommand(SetupFixtures.vpcRouter(), SetupFixtures.vpc(), connection, true);

        assertThat(command.localGuestCidr()).isEqualTo(Cidr.parse("172.16.0.0/16"));
        assertThat(command.peerGuestCidrs()).containsExactly(Cidr.parse("192.168.10.0/24"));
        assertThat(command.ikePolicy()).isEqualTo(connection.ikePolicy());
        assertThat(command.espLifetimeSeconds()).isEqualTo(connection.espLifetimeSeconds());
        assertThat(command.ikeVersion()).isEqualTo(connection.ikeVersion());
        assertThat(command.accessDetails().values()).isEqualTo(Map.of(
                AccessDetails.ROUTER_IP, "169.254.3.50", AccessDetails.ROUTER_NAME, "r-14-VM", AccessDetails.ZONE_NETWORK_TYPE, "Advanced"));
        assertThat(command.create()).isTrue();
    }
}
