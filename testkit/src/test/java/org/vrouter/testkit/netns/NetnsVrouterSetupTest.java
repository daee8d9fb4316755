package org.vrouter.testkit.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.api.dc.HypervisorType;
import org.vrouter.hypervisor.netns.network.NetnsNames;
import org.vrouter.testkit.embedding.ManagementSide;
import org.vrouter.testkit.fixture.TestCloud;
import org.vrouter.testkit.simulator.SimulatorHypervisor;

/** What the netns bootstrap and the shared management side refuse before touching the machine (no root needed). */
class NetnsVrouterSetupTest {
    @TempDir
    Path work;

    @Test
    void refusesACloudWhoseHostIsNotNetns() {
        assertThatThrownBy(() -> NetnsVrouter.start(TestCloud.advanced(), work, NetnsNames.unique("vs")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the cloud's host runs Simulator: build it with TestCloud.advanced(HypervisorType.NETNS)");
    }

    @Test
    void theManagementSideRefusesAResourceOfAnotherTypeThanTheHost() {
        assertThatThrownBy(() -> new ManagementSide(TestCloud.advanced(HypervisorType.NETNS), SimulatorHypervisor.create(work)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the cloud's host runs Netns, the resource is Simulator");
    }

    @Test
    void aNetnsCloudPlacesEverythingOnANetnsHostWithANetnsRouterTemplate() {
        TestCloud cloud = TestCloud.advanced(HypervisorType.NETNS);

        assertThat(cloud.host().hypervisorType()).isEqualTo(HypervisorType.NETNS);
        assertThat(cloud.cluster().hypervisorType()).isEqualTo(HypervisorType.NETNS);
        assertThat(cloud.routerTemplate().hypervisorType()).isEqualTo(HypervisorType.NETNS);
        assertThat(TestCloud.advanced().routerTemplate().name()).isEqualTo("SystemVM Template (Simulator)");
    }
}
