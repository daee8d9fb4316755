package org.vrouter.core.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vrouter.core.manager.ManagerHarness.HOST_10;
import static org.vrouter.core.manager.ManagerHarness.HOST_9;
import static org.vrouter.core.manager.ManagerHarness.destination;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vrouter.api.dc.DeployDestination;
import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.error.InsufficientCapacityException;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.router.RouterDeployment;

class HostCandidatesTest {
    private final HostCandidates candidates = new HostCandidates(List.of(destination(HOST_9), destination(HOST_10)));

    private static RouterDeployment deployment(DeployDestination destination) {
        return RouterDeployment.of(ManagerHarness.network(204, true), destination, Optional.of(ManagerHarness.sourceNat(204)));
    }

    @Test
    void takesTheDeploymentsOwnHostFirst() {
        assertThat(candidates.place(deployment(destination(HOST_10)), Optional.empty(), Set.of())).isEqualTo(destination(HOST_10));
    }

    @Test
    void movesARedundantPeerToAnotherHostWhenThereIsOne() {
        assertThat(candidates.place(deployment(destination(HOST_9)), Optional.empty(), Set.of(9L))).isEqualTo(destination(HOST_10));
    }

    @Test
    void sharesAHostWhenThereIsNoOther() {
        HostCandidates one = HostCandidates.deploymentHostOnly();

        assertThat(one.place(deployment(destination(HOST_9)), Optional.empty(), Set.of(9L))).isEqualTo(destination(HOST_9));
    }

    @Test
    void picksFromTheListForAZoneLevelDeployment() {
        assertThat(candidates.place(deployment(DeployDestination.of(ManagerHarness.ZONE)), Optional.of(HypervisorType.SIMULATOR), Set.of()))
                .isEqualTo(destination(HOST_9));
    }

    @Test
    void aZoneLevelDeploymentWithoutCandidatesOrAHostOfTheRouterHypervisorFails() {
        assertThatThrownBy(() -> HostCandidates.deploymentHostOnly().place(deployment(DeployDestination.of(ManagerHarness.ZONE)), Optional.empty(),
                Set.of())).isInstanceOfSatisfying(InsufficientCapacityException.class, e -> assertThat(e.resource()).isEqualTo("host"));
        assertThatThrownBy(() -> candidates.place(deployment(DeployDestination.of(ManagerHarness.ZONE)), Optional.of(HypervisorType.KVM),
                Set.of())).isInstanceOf(InsufficientCapacityException.class).hasMessageContaining("KVM");
    }

    @Test
    void refusesCandidatesWithoutAHost() {
        assertThatThrownBy(() -> new HostCandidates(List.of(DeployDestination.of(ManagerHarness.ZONE))))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("hosts[0]"));
    }
}
