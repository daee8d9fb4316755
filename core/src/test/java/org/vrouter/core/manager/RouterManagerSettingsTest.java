package org.vrouter.core.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.router.RouterState;

class RouterManagerSettingsTest {
    @Test
    void defaultsWaitFiveMinutesForARouterAndTenForALock() {
        RouterManagerSettings settings = RouterManagerSettings.of(Map.of(HypervisorType.SIMULATOR, ManagerHarness.TEMPLATE));

        assertThat(settings.startWait()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.lockTimeout()).isEqualTo(Duration.ofSeconds(600));
        assertThat(settings.routerTemplate(HypervisorType.SIMULATOR)).contains(ManagerHarness.TEMPLATE);
        assertThat(settings.routerTemplate(HypervisorType.KVM)).isEmpty();
        assertThat(settings.gracefulStopTimeout()).isEmpty();
    }

    @Test
    void rejectsATemplateOfAnotherHypervisor() {
        assertThatThrownBy(() -> RouterManagerSettings.of(Map.of(HypervisorType.KVM, ManagerHarness.TEMPLATE)))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("router_templates[KVM]"));
    }

    @Test
    void rejectsARetryCapBelowTheFirstPause() {
        assertThatThrownBy(() -> RouterManagerSettings.builder(Map.of())
                .startWait(Duration.ofMinutes(1), Duration.ofSeconds(5), Duration.ofSeconds(1)).build())
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("ssh_retry_max"));
        assertThatThrownBy(() -> RouterManagerSettings.builder(Map.of()).lockTimeout(Duration.ZERO).build())
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("lock_timeout"));
    }

    @Test
    void aHypervisorWithoutTemplateCannotStartRouters() {
        try (ManagerHarness harness = new ManagerHarness(RouterManagerSettings.of(Map.of()))) {
            org.vrouter.api.network.Network network = harness.addNetwork(ManagerHarness.NETWORK, false);

            assertThatThrownBy(() -> harness.manager.deployRouters(ManagerHarness.deployment(network)))
                    .hasMessageContaining("no router template is configured for Simulator");
            assertThat(harness.dao.findById(1).orElseThrow().state()).isEqualTo(RouterState.STOPPED);
        }
    }
}
