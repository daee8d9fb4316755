package org.vrouter.element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vrouter.element.Fixtures.HOST_DESTINATION;
import static org.vrouter.element.Fixtures.ZONE_DESTINATION;
import static org.vrouter.element.Fixtures.element;
import static org.vrouter.element.Fixtures.network;
import static org.vrouter.element.Fixtures.nic;
import static org.vrouter.element.Fixtures.redundantNetwork;
import static org.vrouter.element.Fixtures.router;
import static org.vrouter.element.Fixtures.userVm;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vrouter.api.command.Answer;
import org.vrouter.api.command.Command;
import org.vrouter.api.error.CommandFailedException;
import org.vrouter.api.error.ResourceUnavailableException;
import org.vrouter.api.metrics.Metrics;
import org.vrouter.api.network.EgressPolicy;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.Provider;
import org.vrouter.api.network.Service;
import org.vrouter.api.router.RouterState;
import org.vrouter.api.rule.StaticNat;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.vm.VirtualMachine;

class VirtualRouterElementTest {
    private final FakeRouterManager manager = new FakeRouterManager();

    static Stream<Arguments> serviceProviderMatrix() {
        return Stream.of(Provider.VIRTUAL_ROUTER, Provider.VPC_VIRTUAL_ROUTER, Provider.NETSCALER, Provider.CONFIG_DRIVE)
                .flatMap(provider -> Fixtures.ALL_VR_SERVICES.stream().map(service -> Arguments.of(service, provider)));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("serviceProviderMatrix")
    void handlesAServiceExactlyWhenTheOfferingGivesItToTheVirtualRouter(Service service, Provider provider) {
        Network network = Fixtures.networkBuilder(Fixtures.offering(Map.of(service, provider), false, EgressPolicy.DENY, false)).build();
        VirtualRouterElement element = element(manager);

        boolean expected = provider.equals(Provider.VIRTUAL_ROUTER);
        assertThat(element.canHandle(network, service)).isEqualTo(expected);
        assertThat(element.canHandle(network)).isEqualTo(expected);
        Fixtures.ALL_VR_SERVICES.stream().filter(other -> !other.equals(service))
                .forEach(other -> assertThat(element.canHandle(network, other)).as(other.name()).isFalse());
    }

    @Test
    void neverHandlesAVpcTierEvenWhenTheVirtualRouterIsNamed() {
        Network tier = Fixtures.networkBuilder(Fixtures.vrOffering(false)).vpcId(9).build();
        VirtualRouterElement element = element(manager);

        assertThat(element.canHandle(tier)).isFalse();
        Fixtures.ALL_VR_SERVICES.forEach(service -> assertThat(element.canHandle(tier, service)).as(service.name()).isFalse());
    }

    @Test
    void answersAsCloudStacksVirtualRouter() {
        VirtualRouterElement element = element(manager);

        assertThat(element.provider()).isEqualTo(Provider.VIRTUAL_ROUTER);
        assertThat(element.canEnableIndividualServices()).isTrue();
        assertThat(element.ipDeployer(network())).containsSame(element);
        assertThat(element.handlesOnlyRulesInTransitionState()).isFalse();
    }

    @Test
    void implementDeploysOneRouterWithTheSourceNatAddress() {
        element(manager).implement(network(), network().offering(), ZONE_DESTINATION);

        assertThat(manager.sent()).containsExactly("deployRouters network=5 existing=0 sourceNat=203.0.113.10");
        assertThat(manager.routers(5)).hasSize(1).allMatch(router -> router.isRunning());
    }

    @Test
    void implementDeploysARedundantPair() {
        Network network = redundantNetwork();
        element(manager).implement(network, network.offering(), ZONE_DESTINATION);

        assertThat(manager.deployments).singleElement().satisfies(deployment -> assertThat(deployment.expectedRouterCount()).isEqualTo(2));
        assertThat(manager.routers(5)).hasSize(2).allMatch(router -> router.isRunning());
    }

    @Test
    void implementFailsWhenOneOfTheRedundantPairIsMissing() {
        manager.routersPerDeployment = 1;
        Network network = redundantNetwork();

        assertThatThrownBy(() -> element(manager).implement(network, network.offering(), ZONE_DESTINATION))
                .isInstanceOf(ResourceUnavailableException.class)
                .hasMessage("network 5: Can't find all necessary running routers! (1 of 2 running)");
    }

    @Test
    void implementCountsRunningRoutersWhereCloudStackCountsAnyTwo() {
        // CloudStack lists two routers here and passes; one of them is not running.
        manager.with(router(1, RouterState.RUNNING), router(2, RouterState.STOPPED));
        Network network = redundantNetwork();

        assertThatThrownBy(() -> element(manager).implement(network, network.offering(), ZONE_DESTINATION))
                .isInstanceOf(ResourceUnavailableException.class)
                .hasMessageEndingWith("(1 of 2 running)");
        assertThat(manager.deployments).singleElement().satisfies(deployment -> assertThat(deployment.existingRouters()).hasSize(2));
    }

    @Test
    void implementFailsWhenTheOnlyRouterDoesNotStart() {
        manager.deployedState = RouterState.STOPPED;

        assertThatThrownBy(() -> element(manager).implement(network(), network().offering(), ZONE_DESTINATION))
                .isInstanceOf(ResourceUnavailableException.class)
                .hasMessageEndingWith("(0 of 1 running)");
    }

    @Test
    void implementDeploysForTheOfferingItIsGiven() {
        element(manager).implement(network(), Fixtures.vrOffering(true), ZONE_DESTINATION);

        assertThat(manager.routers(5)).hasSize(2);
    }

    @Test
    void implementLeavesSystemOnlyOfferingsAndVpcTiersAlone() {
        VirtualRouterElement element = element(manager);
        element.implement(network(), Fixtures.offering(Fixtures.servedBy(Provider.VIRTUAL_ROUTER, Fixtures.ALL_VR_SERVICES), false,
                EgressPolicy.ALLOW, true), ZONE_DESTINATION);
        element.implement(Fixtures.vpcTier(), Fixtures.vpcTier().offering(), ZONE_DESTINATION);

        assertThat(manager.sent()).isEmpty();
    }

    @Test
    void implementReadsNoSourceNatAddressWhenTheRouterDoesNotProvideSourceNat() {
        Network shared = Fixtures.networkBuilder(Fixtures.offering(Fixtures.servedBy(Provider.VIRTUAL_ROUTER,
                List.of(Service.DHCP, Service.DNS, Service.USER_DATA)), false, EgressPolicy.DENY, false)).build();
        FakeConfigurations configurations = new FakeConfigurations();

        element(manager, configurations, Metrics.NOOP).implement(shared, shared.offering(), ZONE_DESTINATION);

        assertThat(configurations.loads).isZero();
        assertThat(manager.sent()).containsExactly("deployRouters network=5 existing=0 sourceNat=none");
    }

    @Test
    void prepareDeploysARouterLazilyThenWritesTheVmsDhcpEntryDataAndPassword() {
        var vm = userVm().withSecrets(Optional.of(Secret.of("s3cret-pw")), Optional.empty(), Optional.empty());

        element(manager).prepare(network(), nic(), vm, HOST_DESTINATION);

        assertThat(manager.sent()).containsExactly(
                "deployRouters network=5 existing=0 sourceNat=203.0.113.10",
                "applyDhcpEntry network=5 vm=i-2-10-VM ip=10.1.1.10",
                "applyVmData network=5 vm=i-2-10-VM password=true");
        assertThat(manager.deployments).singleElement().satisfies(deployment -> assertThat(deployment.destination()).isEqualTo(HOST_DESTINATION));
    }

    @Test
    void prepareDeploysNothingWhileTheExpectedRoutersRun() {
        manager.with(router(1, RouterState.RUNNING));
        FakeConfigurations configurations = new FakeConfigurations();

        element(manager, configurations, Metrics.NOOP).prepare(network(), nic(), userVm(), HOST_DESTINATION);

        assertThat(manager.sent()).containsExactly("applyDhcpEntry network=5 vm=i-2-10-VM ip=10.1.1.10",
                "applyVmData network=5 vm=i-2-10-VM password=false");
        assertThat(configurations.loads).isZero();
    }

    @Test
    void prepareStartsTheMissingRouterOfAPairWithOneRunning() {
        manager.with(router(1, RouterState.RUNNING));

        element(manager).prepare(redundantNetwork(), nic(), userVm(), HOST_DESTINATION);

        assertThat(manager.sent()).first().isEqualTo("deployRouters network=5 existing=1 sourceNat=203.0.113.10");
        assertThat(manager.routers(5)).hasSize(2);
    }

    @Test
    void prepareLeavesSystemVmsAlone() {
        for (VirtualMachine.Type type : List.of(VirtualMachine.Type.DOMAIN_ROUTER, VirtualMachine.Type.CONSOLE_PROXY,
                VirtualMachine.Type.SECONDARY_STORAGE_VM)) {
            element(manager).prepare(network(), nic(), Fixtures.vm(type, "s-1-VM"), HOST_DESTINATION);
        }

        assertThat(manager.calls).isEmpty();
    }

    @Test
    void prepareFailsWhenNoRouterComesUp() {
        manager.deployedState = RouterState.STOPPED;

        assertThatThrownBy(() -> element(manager).prepare(network(), nic(), userVm(), HOST_DESTINATION))
                .isInstanceOf(ResourceUnavailableException.class)
                .hasMessage("network 5: Can't find at least one running router!");
        assertThat(manager.sent()).containsExactly("deployRouters network=5 existing=0 sourceNat=203.0.113.10");
    }

    @Test
    void prepareWritesOnlyWhatTheRouterProvides() {
        Network dhcpOnly = Fixtures.networkBuilder(Fixtures.offering(Map.of(Service.DHCP, Provider.VIRTUAL_ROUTER,
                Service.USER_DATA, Provider.CONFIG_DRIVE), false, EgressPolicy.DENY, false)).build();
        manager.with(router(1, RouterState.RUNNING));

        element(manager).prepare(dhcpOnly, nic(), userVm(), HOST_DESTINATION);

        assertThat(manager.sent()).containsExactly("applyDhcpEntry network=5 vm=i-2-10-VM ip=10.1.1.10");
    }

    @Test
    void shutdownStopsEveryRouterWithoutDestroyingIt() {
        manager.with(router(1, RouterState.RUNNING), router(2, RouterState.RUNNING));

        element(manager).shutdown(redundantNetwork(), false);

        assertThat(manager.sent()).containsExactly("stop router=1 forced=false", "stop router=2 forced=false");
        assertThat(manager.routers(5)).hasSize(2).allMatch(router -> router.state() == RouterState.STOPPED);
    }

    @Test
    void shutdownWithCleanupStopsAndDestroysEveryRouter() {
        manager.with(router(1, RouterState.RUNNING), router(2, RouterState.RUNNING));

        element(manager).shutdown(redundantNetwork(), true);

        assertThat(manager.sent()).containsExactly("stop router=1 forced=false", "destroy router=1", "stop router=2 forced=false",
                "destroy router=2");
        assertThat(manager.routers(5)).isEmpty();
    }

    @Test
    void shutdownCleansUpAfterAFailedStopAndReportsEveryFailure() {
        manager.with(router(1, RouterState.RUNNING), router(2, RouterState.RUNNING))
                .failOn("stop", () -> new ResourceUnavailableException("host 6 is down"));

        assertThatThrownBy(() -> element(manager).shutdown(redundantNetwork(), true))
                .isInstanceOf(ResourceUnavailableException.class)
                .hasMessage("host 6 is down")
                .satisfies(failure -> assertThat(failure.getSuppressed()).hasSize(1));
        assertThat(manager.sent()).containsExactly("stop router=1 forced=false", "destroy router=1", "stop router=2 forced=false",
                "destroy router=2");
        assertThat(manager.routers(5)).isEmpty();
    }

    @Test
    void destroyAttemptsEveryRouterAndThrowsTheFirstFailure() {
        manager.with(router(1, RouterState.STOPPED), router(2, RouterState.STOPPED))
                .failOn("destroy", () -> new ResourceUnavailableException("host 6 is down"));

        assertThatThrownBy(() -> element(manager).destroy(redundantNetwork()))
                .isInstanceOf(ResourceUnavailableException.class)
                .satisfies(failure -> assertThat(failure.getSuppressed()).hasSize(1));
        assertThat(manager.sent()).containsExactly("destroy router=1", "destroy router=2");
    }

    @Test
    void shutdownAndDestroyLeaveVpcTiersToTheVpcElement() {
        manager.with(router(1, RouterState.RUNNING));
        VirtualRouterElement element = element(manager);

        element.shutdown(Fixtures.vpcTier(), true);
        element.destroy(Fixtures.vpcTier());

        assertThat(manager.calls).isEmpty();
    }

    @Test
    void releaseDoesNothing() {
        manager.with(router(1, RouterState.RUNNING));

        element(manager).release(network(), nic(), userVm());

        assertThat(manager.calls).isEmpty();
    }

    @Test
    void aggregationDelegatesToTheManager() {
        manager.with(router(1, RouterState.RUNNING));
        VirtualRouterElement element = element(manager);

        element.prepareAggregatedExecution(network(), ZONE_DESTINATION);
        element.completeAggregatedExecution(network(), ZONE_DESTINATION);
        element.cleanupAggregatedExecution(network(), ZONE_DESTINATION);

        assertThat(manager.sent()).containsExactly("prepareAggregatedExecution network=5", "completeAggregatedExecution network=5",
                "cleanupAggregatedExecution network=5");
    }

    @Test
    void aggregationNeedsARouter() {
        VirtualRouterElement element = element(manager);

        assertThatThrownBy(() -> element.prepareAggregatedExecution(network(), ZONE_DESTINATION))
                .isInstanceOf(ResourceUnavailableException.class)
                .hasMessage("network 5: cannot prepare aggregated execution: Can't find at least one router!");
        assertThatThrownBy(() -> element.completeAggregatedExecution(network(), ZONE_DESTINATION))
                .isInstanceOf(ResourceUnavailableException.class);
        assertThat(manager.sent()).isEmpty();
    }

    @Test
    void aggregationLeavesNetworksOfOtherProvidersAlone() {
        manager.with(router(1, RouterState.RUNNING));
        VirtualRouterElement element = element(manager);

        element.prepareAggregatedExecution(Fixtures.vpcTier(), ZONE_DESTINATION);
        element.completeAggregatedExecution(Fixtures.vpcTier(), ZONE_DESTINATION);
        element.cleanupAggregatedExecution(Fixtures.vpcTier(), ZONE_DESTINATION);

        assertThat(manager.sent()).isEmpty();
    }

    @Test
    void timesEveryOperationByOutcome() {
        RecordingMetrics metrics = new RecordingMetrics();
        manager.with(router(1, RouterState.RUNNING));
        VirtualRouterElement element = element(manager, metrics);
        CommandFailedException failed = new CommandFailedException("r-1-VM", new Command() { }, Answer.failure("dnsmasq failed"));
        manager.failOn("applyDhcpEntry", () -> failed);

        element.applyStaticNats(network(), List.of(StaticNat.of(Fixtures.ip("203.0.113.11"), Fixtures.ip("10.1.1.10"), 5)));
        element.applyStaticNats(network(), List.of());
        element.applyStaticNats(Fixtures.vpcTier(), List.of());
        assertThatThrownBy(() -> element.addDhcpEntry(network(), nic(), userVm(), HOST_DESTINATION)).isSameAs(failed);

        assertThat(metrics.recorded).containsExactly(
                "vrouter.element.operation{operation=apply_static_nats, result=applied}",
                "vrouter.element.operation{operation=apply_static_nats, result=skipped}",
                "vrouter.element.operation{operation=apply_static_nats, result=not_handled}",
                "vrouter.element.operation{operation=add_dhcp_entry, result=failed}");
    }
}
