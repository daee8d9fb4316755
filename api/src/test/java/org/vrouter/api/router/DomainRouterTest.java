package org.vrouter.api.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vrouter.api.Fixtures.assertInvalid;
import static org.vrouter.api.Fixtures.ip;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.error.InvalidStateException;

class DomainRouterTest {
    private static DomainRouter.Builder router() {
        return DomainRouter.builder(5, "router-5", 1, HypervisorType.KVM, 9).networkIds(List.of(5L));
    }

    @Test
    void defaultsToAStoppedVirtualRouterNamedAfterItsId() {
        DomainRouter router = router().build();
        assertThat(router.instanceName()).isEqualTo("r-5-VM");
        assertThat(router.state()).isEqualTo(RouterState.STOPPED);
        assertThat(router.role()).isEqualTo(Role.VIRTUAL_ROUTER);
        assertThat(router.displayName()).isEqualTo("router r-5-VM");
        assertThat(router.serves(5)).isTrue();
    }

    @Test
    void acceptsACustomInstanceSuffix() {
        assertThat(router().instanceName("r-5-CLOUD").build().instanceName()).isEqualTo("r-5-CLOUD");
    }

    @Test
    void rejectsANameForAnotherIdOrShape() {
        assertInvalid(() -> router().instanceName("r-6-VM").build(), "router_name").hasMessageContaining("must be r-5-<suffix>");
        assertInvalid(() -> router().instanceName("i-5-VM").build(), "router_name");
        assertInvalid(() -> router().instanceName("r-5-VM;reboot").build(), "router_name");
    }

    @Test
    void withStateChecksTheTransitionAndNamesTheRouter() {
        DomainRouter starting = router().build().withState(RouterState.STARTING);
        assertThat(starting.state()).isEqualTo(RouterState.STARTING);
        assertThatThrownBy(() -> router().build().withState(RouterState.RUNNING))
                .isInstanceOf(InvalidStateException.class)
                .hasMessage("router r-5-VM: illegal state transition from Stopped to Running");
    }

    @Test
    void aRunningRouterHasAHost() {
        assertInvalid(() -> router().state(RouterState.RUNNING).build(), "host_id");
        assertThat(router().placement(2, 4).state(RouterState.RUNNING).build().hostId()).hasValue(4);
    }

    @Test
    void aNonRedundantRouterHasNoRedundantState() {
        assertInvalid(() -> router().redundantState(RedundantState.PRIMARY).build(), "redundant_state");
        assertThat(router().redundant(true).redundantState(RedundantState.PRIMARY).build().redundantState()).isEqualTo(RedundantState.PRIMARY);
    }

    @Test
    void guestIpsAreOnlyForServedNetworks() {
        assertThat(router().guestIps(Map.of(5L, ip("10.1.1.1"))).build().guestIp(5)).hasValue(ip("10.1.1.1"));
        assertInvalid(() -> router().guestIps(Map.of(6L, ip("10.1.2.1"))).build(), "guest_ips");
        assertInvalid(() -> router().networkIds(List.of(5L, 5L)).build(), "network_ids[1]");
    }

    @Test
    void controlAddressIsIpv4() {
        assertInvalid(() -> router().controlIp(ip("fe80::1")).build(), "router_ip");
    }

    @Test
    void toBuilderKeepsEveryComponent() {
        DomainRouter router = router().redundant(true).redundantState(RedundantState.BACKUP).controlIp(ip("169.254.3.44"))
                .placement(2, 4).versions("4.19.1", "d41d8cd98f00b204e9800998ecf8427e").version(7).vpcId(3).stopPending(true)
                .updateState(UpdateState.UPDATE_NEEDED).publicIp(ip("203.0.113.20")).build();
        assertThat(router.toBuilder().build()).isEqualTo(router);
    }
}
