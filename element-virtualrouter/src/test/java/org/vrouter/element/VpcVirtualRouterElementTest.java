package org.vrouter.element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.vrouter.api.dc.DeployDestination;
import org.vrouter.api.dc.NetworkType;
import org.vrouter.api.dc.Zone;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.error.InvalidStateException;
import org.vrouter.api.golden.GoldenFiles;
import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.DnsServers;
import org.vrouter.api.network.Capability;
import org.vrouter.api.network.EgressPolicy;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.PrivateGateway;
import org.vrouter.api.network.Provider;
import org.vrouter.api.network.Service;
import org.vrouter.api.network.Vpc;
import org.vrouter.api.route.StaticRoute;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.RouterState;
import org.vrouter.api.rule.Direction;
import org.vrouter.api.rule.NetworkAclItem;
import org.vrouter.api.rule.Protocol;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.vpn.Site2SiteVpnConnection;

class VpcVirtualRouterElementTest {
    private static final Vpc VPC = new Vpc(9, "vpc-9", "vpc9", Fixtures.ZONE, 2, Cidr.parse("10.1.0.0/16"), Optional.empty(),
            DnsServers.none(), false);

    private final FakeRouterManager manager = new FakeRouterManager();
    private final FakeConfigurations configurations = new FakeConfigurations().with(VPC).with(Fixtures.vpcTier()).with(Fixtures.network());
    private final VpcVirtualRouterElement element = new VpcVirtualRouterElement(manager, configurations);

    @Test
    void declaresTheVirtualRoutersCapabilitiesPlusNetworkAclAndSiteToSiteVpn() {
        String rendered = element.capabilities().entrySet().stream()
                .map(service -> service.getValue().isEmpty()
                        ? service.getKey() + " (no capabilities)\n"
                        : service.getValue().entrySet().stream()
                                .map(capability -> service.getKey() + "." + capability.getKey() + "=" + capability.getValue() + "\n")
                                .collect(Collectors.joining()))
                .collect(Collectors.joining());

        GoldenFiles.assertMatches("capabilities", "vpc-virtual-router", "capabilities.txt", rendered);
        assertThat(element.provider()).isEqualTo(Provider.VPC_VIRTUAL_ROUTER);
        assertThat(element.capabilities().get(Service.NETWORK_ACL)).containsEntry(Capability.SUPPORTED_PROTOCOLS, "tcp,udp,icmp");
    }

    @Test
    void handlesVpcTiersOnly() {
        assertThat(element.canHandle(Fixtures.vpcTier(), Service.NETWORK_ACL)).isFalse();
        assertThat(element.canHandle(Fixtures.vpcTier(), Service.SOURCE_NAT)).isTrue();
        assertThat(element.canHandle(Fixtures.network())).isFalse();

        element.implement(Fixtures.network(), Fixtures.network().offering(), Fixtures.ZONE_DESTINATION);
        element.shutdown(Fixtures.network(), true);

        assertThat(manager.sent()).isEmpty();
    }

    @Test
    void implementsATierWithAVpcDeploymentAndRequiresARunningRouter() {
        element.implement(Fixtures.vpcTier(), Fixtures.vpcTier().offering(), Fixtures.ZONE_DESTINATION);

        assertThat(manager.deployments).singleElement().satisfies(deployment -> {
            assertThat(deployment.vpc()).contains(VPC);
            assertThat(deployment.network().id()).isEqualTo(Fixtures.NETWORK_ID);
        });
        assertThat(manager.vpcRouters(VPC.id())).singleElement().satisfies(router -> assertThat(router.vpcId()).hasValue(9));
    }

    @Test
    void secondTierJoinsTheVpcsExistingRouter() {
        Network second = Fixtures.vpcTier().toBuilder().build();
        element.implement(Fixtures.vpcTier(), Fixtures.vpcTier().offering(), Fixtures.ZONE_DESTINATION);
        Network tier2 = Network.builder(6, "net-6", "tier2", Fixtures.ZONE, second.trafficType()).accountId(2)
                .guestType(second.guestType().orElseThrow()).offering(second.offering()).ipv4(Cidr.parse("10.1.2.0/24"), Fixtures.ip("10.1.2.1"))
                .vpcId(9).state(Network.State.IMPLEMENTED).build();
        configurations.with(tier2);

        element.implement(tier2, tier2.offering(), Fixtures.ZONE_DESTINATION);

        assertThat(manager.vpcRouters(VPC.id())).singleElement().satisfies(router -> assertThat(router.networkIds()).containsExactly(5L, 6L));
    }

    @Test
    void failsWhenNoRouterRunsAfterTheDeployment() {
        manager.deployedState = RouterState.STOPPED;

        assertThatThrownBy(() -> element.implement(Fixtures.vpcTier(), Fixtures.vpcTier().offering(), Fixtures.ZONE_DESTINATION))
                .hasMessageContaining("Can't find all necessary running routers");
    }

    @Test
    void shutdownOfATierTakesItOffTheRoutersAndKeepsThem() {
        element.implement(Fixtures.vpcTier(), Fixtures.vpcTier().offering(), Fixtures.ZONE_DESTINATION);

        element.shutdown(Fixtures.vpcTier(), true);

        assertThat(manager.sent()).contains("removeVpcTier network=5").noneMatch(call -> call.startsWith("destroy"));
    }

    @Test
    void shutdownVpcDestroysEveryRouterOfTheVpc() {
        element.implement(Fixtures.vpcTier(), Fixtures.vpcTier().offering(), Fixtures.ZONE_DESTINATION);
        long id = manager.vpcRouters(VPC.id()).get(0).id();

        element.shutdownVpc(VPC);

        assertThat(manager.sent()).contains("destroy router=" + id);
        assertThat(manager.vpcRouters(VPC.id())).isEmpty();
    }

    @Test
    void implementVpcStartsStoppedRouters() {
        DomainRouter stopped = DomainRouter.builder(40, "router-40", 1, Fixtures.HOST.hypervisorType(), 1).networkIds(List.of(5L)).vpcId(9)
                .build();
        manager.with(stopped);

        element.implementVpc(VPC, Fixtures.ZONE_DESTINATION);

        assertThat(manager.sent()).containsExactly("start router=40");
    }

    @Test
    void rejectsAVpcDestinationInAnotherZone() {
        Zone other = Zone.of(2, "zone-2", "zone2", NetworkType.ADVANCED);

        assertThatThrownBy(() -> element.implementVpc(VPC, DeployDestination.of(other)))
                .isInstanceOfSatisfying(InvalidParameterException.class, error -> assertThat(error.field()).isEqualTo("zone_id"));
        assertThat(manager.sent()).isEmpty();
    }

    @Test
    void appliesAclsToRunningRoutersOfTheTier() {
        Network tier = aclTier();
        manager.with(vpcRouter(41, RouterState.RUNNING));
        NetworkAclItem ssh = NetworkAclItem.of(1, 10, NetworkAclItem.Action.ALLOW, Direction.INGRESS, Protocol.TCP);

        element.applyNetworkAcls(tier, List.of(ssh));

        assertThat(manager.sent()).containsExactly("applyNetworkAcls network=5 items=1");
    }

    @Test
    void rejectsAclsWhenARouterIsInAWrongStateBeforeSendingAnything() {
        Network tier = aclTier();
        manager.with(vpcRouter(41, RouterState.RUNNING), vpcRouter(42, RouterState.STARTING));

        assertThatThrownBy(() -> element.applyNetworkAcls(tier, List.of(NetworkAclItem.of(1, 10, NetworkAclItem.Action.DENY,
                Direction.INGRESS, Protocol.ALL)))).isInstanceOf(InvalidStateException.class);
        assertThat(manager.sent()).isEmpty();
    }

    @Test
    void staticRoutesOfAnotherVpcAreRejectedNamingTheField() {
        StaticRoute foreign = new StaticRoute(1, Cidr.parse("192.168.50.0/24"), Fixtures.ip("10.1.1.254"), Fixtures.ip("10.1.1.1"),
                StaticRoute.State.ADD, 8);

        assertThatThrownBy(() -> element.applyStaticRoutes(VPC, List.of(foreign)))
                .isInstanceOfSatisfying(InvalidParameterException.class, error -> assertThat(error.field()).isEqualTo("routes[0].vpc_id"));
    }

    @Test
    void staticRoutesGoToTheVpcsRouters() {
        manager.with(vpcRouter(41, RouterState.RUNNING));
        StaticRoute route = new StaticRoute(1, Cidr.parse("192.168.50.0/24"), Fixtures.ip("10.1.1.254"), Fixtures.ip("10.1.1.1"),
                StaticRoute.State.ADD, 9);

        element.applyStaticRoutes(VPC, List.of(route));

        assertThat(manager.sent()).containsExactly("applyStaticRoutes vpc=9 routes=1");
    }

    @Test
    void privateGatewaysGoToTheVpcsRoutersAndNeedNoneWithoutRouters() {
        PrivateGateway gateway = new PrivateGateway(1, 9, 900, Fixtures.ip("172.20.0.2"), Cidr.parse("172.20.0.0/24"), Fixtures.ip("172.20.0.1"),
                BroadcastUri.vlan(300), false, List.of());

        element.createPrivateGateway(gateway);
        assertThat(manager.sent()).isEmpty();

        manager.with(vpcRouter(41, RouterState.RUNNING));
        element.createPrivateGateway(gateway);
        element.applyPrivateGatewayAcl(gateway.withAcl(List.of(NetworkAclItem.of(1, 10, NetworkAclItem.Action.DENY, Direction.INGRESS,
                Protocol.ALL))));
        element.deletePrivateGateway(gateway);

        assertThat(manager.sent()).containsExactly("applyPrivateGateway gateway=172.20.0.2 add=true",
                "applyPrivateGatewayAcl gateway=172.20.0.2 items=1", "applyPrivateGateway gateway=172.20.0.2 add=false");
    }

    @Test
    void rejectsAPrivateGatewayWhoseNextHopIsOutsideItsSubnet() {
        assertThatThrownBy(() -> new PrivateGateway(1, 9, 900, Fixtures.ip("172.20.0.2"), Cidr.parse("172.20.0.0/24"), Fixtures.ip("172.21.0.1"),
                BroadcastUri.vlan(300), false, List.of()))
                .isInstanceOfSatisfying(InvalidParameterException.class, error -> assertThat(error.field()).isEqualTo("gateway"));
    }

    @Test
    void siteToSiteVpnIsDelegatedToTheRouterManager() {
        Site2SiteVpnConnection connection = Site2SiteVpnConnection.builder(3, 9, Fixtures.ip("203.0.113.30"), Fixtures.ip("203.0.113.1"),
                Cidr.parse("10.1.0.0/16"), Fixtures.ip("198.51.100.7"), List.of(Cidr.parse("192.168.10.0/24")), Secret.of("s2s-psk")).build();

        element.startSite2SiteVpn(connection);
        element.stopSite2SiteVpn(connection);

        assertThat(manager.sent()).containsExactly("startSite2SiteVpn", "stopSite2SiteVpn");
    }

    private static Network aclTier() {
        Map<Service, Provider> services = Fixtures.servedBy(Provider.VPC_VIRTUAL_ROUTER, List.of(Service.DHCP, Service.SOURCE_NAT,
                Service.NETWORK_ACL));
        return Fixtures.networkBuilder(Fixtures.offering(services, false, EgressPolicy.DENY, false)).vpcId(9).build();
    }

    private static DomainRouter vpcRouter(long id, RouterState state) {
        return Fixtures.router(id, state).toBuilder().vpcId(9).build();
    }
}
