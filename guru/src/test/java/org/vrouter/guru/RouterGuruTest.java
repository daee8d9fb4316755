package org.vrouter.guru;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vrouter.guru.Fixtures.ip;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.vrouter.api.command.Commands;
import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.NetworkOffering;
import org.vrouter.api.network.ServiceOffering;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.NetworkConfiguration;
import org.vrouter.api.router.RouterDeployment;
import org.vrouter.api.vm.Nic;
import org.vrouter.api.vm.VirtualMachineProfile;
import org.vrouter.commands.AggregationControlCommand;
import org.vrouter.commands.CheckSshCommand;
import org.vrouter.guru.address.InMemoryAddressAllocator;
import org.vrouter.guru.start.RecordingCommandFactory;

class RouterGuruTest {
    private static final ServiceOffering LARGE = ServiceOffering.of(40, "router-large", "Large router", 2, 1000, 1024);

    private final RecordingCommandFactory factory = new RecordingCommandFactory();

    private RouterGuru guru(GuruSettings settings) {
        return new RouterGuru(settings, new InMemoryAddressAllocator(), factory, factory);
    }

    private static RouterDeployment deployment(OptionalLong routerOffering) {
        NetworkOffering base = Fixtures.isolatedOffering(false);
        NetworkOffering offering = new NetworkOffering(base.id(), base.uuid(), base.name(), base.serviceProviders(), false,
                base.egressDefaultPolicy(), routerOffering, false);
        return RouterDeployment.of(Fixtures.isolated(offering).build(), Fixtures.destination(HypervisorType.KVM),
                Optional.of(Fixtures.sourceNat()));
    }

    @Test
    void sizesARouterWithCloudStacksDefaultOffering() {
        ServiceOffering offering = guru(GuruSettings.defaults()).serviceOffering(deployment(OptionalLong.empty()));

        assertThat(offering).isEqualTo(GuruSettings.DEFAULT_SERVICE_OFFERING);
        assertThat(offering.ramMb()).isEqualTo(256);
        assertThat(offering.speedMhz()).isEqualTo(500);
        assertThat(offering.cpus()).isEqualTo(1);
    }

    @Test
    void sizesARouterWithTheOfferingItsNetworkOfferingNames() {
        GuruSettings settings = GuruSettings.builder().routerServiceOfferings(List.of(LARGE)).build();

        assertThat(guru(settings).serviceOffering(deployment(OptionalLong.of(40)))).isEqualTo(LARGE);
    }

    @Test
    void rejectsARouterOfferingTheGuruDoesNotKnow() {
        assertThatThrownBy(() -> guru(GuruSettings.defaults()).serviceOffering(deployment(OptionalLong.of(41))))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        error -> assertThat(error.field()).isEqualTo("router_service_offering_id"))
                .hasMessageContaining("41");
    }

    @Test
    void takesTheStartBatchAddressesFromTheProfilesNics() {
        RouterGuru guru = guru(Fixtures.settings());
        Network network = Fixtures.isolated(Fixtures.isolatedOffering(false)).build();
        DomainRouter router = Fixtures.router(12, HypervisorType.KVM, 204).build();
        RouterDeployment deployment = RouterDeployment.of(network, Fixtures.destination(HypervisorType.KVM), Optional.of(Fixtures.sourceNat()));
        List<Nic> nics = guru.planNics(router, deployment);
        VirtualMachineProfile profile = guru.finalizeVirtualMachineProfile(router, Fixtures.profile(router, nics), deployment);

        Commands batch = guru.finalizeCommandsOnStart(router, profile, List.of(NetworkConfiguration.empty(network)));

        assertThat(batch.command("checkSsh")).contains(CheckSshCommand.of("r-12-VM", ip("169.254.0.2")));
        assertThat(batch.command("aggregationStart:204")).contains(
                AggregationControlCommand.of(AggregationControlCommand.Action.START, "r-12-VM", ip("169.254.0.2"), ip("10.1.1.1")));
    }

    @Test
    void copiesControlPublicAndGuestAddressesOntoTheRouter() {
        RouterGuru guru = guru(Fixtures.settings());
        DomainRouter router = Fixtures.router(12, HypervisorType.KVM, 204).build();
        List<Nic> nics = guru.planNics(router, RouterDeployment.of(Fixtures.isolated(Fixtures.isolatedOffering(false)).build(),
                Fixtures.destination(HypervisorType.KVM), Optional.of(Fixtures.sourceNat())));

        DomainRouter updated = RouterGuru.withNicAddresses(router, Fixtures.profile(router, nics));

        assertThat(updated.controlIp()).contains(ip("169.254.0.2"));
        assertThat(updated.publicIp()).contains(ip("203.0.113.20"));
        assertThat(updated.guestIp(204)).contains(ip("10.1.1.1"));
    }
}
