package org.vrouter.element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vrouter.element.Fixtures.element;
import static org.vrouter.element.Fixtures.router;
import static org.vrouter.element.Fixtures.vpn;
import static org.vrouter.element.Fixtures.vpnUsers;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vrouter.api.error.InvalidStateException;
import org.vrouter.api.metrics.Metrics;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpRange;
import org.vrouter.api.network.EgressPolicy;
import org.vrouter.api.network.Provider;
import org.vrouter.api.network.Service;
import org.vrouter.api.router.RouterState;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.vpn.RemoteAccessVpn;
import org.vrouter.api.vpn.VpnUser;

/** Remote-access VPN through the element: users, start and stop, and whose VPN it is. */
class VpnOperationsTest {
    private final FakeRouterManager manager = new FakeRouterManager();

    @Test
    void usersGoToTheRunningRoutersIncludingRevocations() {
        manager.with(router(1, RouterState.RUNNING));
        List<VpnUser> users = List.of(VpnUser.of("alice", Secret.of("alice-pass")),
                new VpnUser("bob", Secret.of("bob-pass"), VpnUser.State.REVOKE));

        element(manager).applyVpnUsers(vpn(), users);

        assertThat(manager.sent()).containsExactly("applyVpnUsers vpn=1 users=2");
    }

    @Test
    void startingNeedsEveryRouterRunning() {
        manager.with(router(1, RouterState.RUNNING), router(2, RouterState.STOPPED));

        assertThatThrownBy(() -> element(manager).startVpn(vpn(), vpnUsers()))
                .isInstanceOf(InvalidStateException.class)
                .hasMessage("router r-2-VM: cannot start vpn in state Stopped");
        assertThat(manager.sent()).isEmpty();
    }

    @Test
    void startingSendsTheUsersWithTheServer() {
        manager.with(router(1, RouterState.RUNNING), router(2, RouterState.RUNNING));

        element(manager).startVpn(vpn(), vpnUsers());

        assertThat(manager.sent()).containsExactly("startRemoteAccessVpn vpn=1 users=2");
    }

    @Test
    void startingWithoutRoutersIsLeftToTheFirstRouterStart() {
        element(manager).startVpn(vpn(), vpnUsers());

        assertThat(manager.sent()).isEmpty();
    }

    @Test
    void aVpcVpnIsTheVpcElementsAndNoNetworkIsRead() {
        manager.with(router(1, RouterState.RUNNING));
        FakeConfigurations configurations = new FakeConfigurations();
        RemoteAccessVpn vpcVpn = RemoteAccessVpn.forVpc(2, 9, Fixtures.ip("203.0.113.10"), IpRange.parse("ip_range", "10.1.2.2-10.1.2.8"),
                Secret.of("psk-Secret-1"), Fixtures.ip("10.1.1.1"), Cidr.parse("10.1.1.0/24"));
        VirtualRouterElement element = element(manager, configurations, Metrics.NOOP);

        element.applyVpnUsers(vpcVpn, vpnUsers());
        element.startVpn(vpcVpn, vpnUsers());
        element.stopVpn(vpcVpn);

        assertThat(configurations.loads).isZero();
        assertThat(manager.sent()).isEmpty();
    }

    @Test
    void aVpnOfAnotherProviderIsLeftAlone() {
        manager.with(router(1, RouterState.RUNNING));
        FakeConfigurations configurations = new FakeConfigurations().with(Fixtures.networkBuilder(Fixtures.offering(
                Map.of(Service.VPN, Provider.JUNIPER_SRX, Service.DHCP, Provider.VIRTUAL_ROUTER), false, EgressPolicy.DENY, false)).build());

        element(manager, configurations, Metrics.NOOP).applyVpnUsers(vpn(), vpnUsers());

        assertThat(configurations.loads).isEqualTo(1);
        assertThat(manager.sent()).isEmpty();
    }
}
