package org.vrouter.api.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vrouter.api.Fixtures.assertInvalid;
import static org.vrouter.api.Fixtures.ip;
import static org.vrouter.api.Fixtures.isolatedNetwork;
import static org.vrouter.api.Fixtures.isolatedNetworkBuilder;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.vrouter.api.Fixtures;
import org.vrouter.api.address.PublicIpAddress;
import org.vrouter.api.dc.DeployDestination;
import org.vrouter.api.dc.NetworkType;
import org.vrouter.api.dc.Zone;
import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.network.Vpc;
import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.DnsServers;
import org.vrouter.api.net.Netmask;

class RouterDeploymentTest {
    private static final PublicIpAddress SOURCE_NAT = PublicIpAddress.of(ip("203.0.113.20"), BroadcastUri.vlan(50), ip("203.0.113.1"),
            Netmask.parse("255.255.255.0"), 5).asSourceNat();

    @Test
    void expectsOneRouterOrARedundantPair() {
        RouterDeployment single = RouterDeployment.of(isolatedNetwork(), DeployDestination.of(Fixtures.advancedZone()), Optional.of(SOURCE_NAT));
        assertThat(single.expectedRouterCount()).isEqualTo(1);
        assertThat(single.missingRouterCount()).isEqualTo(1);

        DomainRouter existing = DomainRouter.builder(8, "r8", 1, HypervisorType.KVM, 9).networkIds(List.of(5L)).build();
        RouterDeployment pair = new RouterDeployment(isolatedNetworkBuilder().offering(Fixtures.isolatedOffering(true)).build(),
                DeployDestination.of(Fixtures.advancedZone()), Optional.of(SOURCE_NAT), List.of(existing), Optional.empty());
        assertThat(pair.expectedRouterCount()).isEqualTo(2);
        assertThat(pair.missingRouterCount()).isEqualTo(1);
    }

    @Test
    void expectsAPairForATierOfARedundantVpcWhoseTierOfferingIsNotRedundant() {
        Vpc vpc = new Vpc(3, "vpc-3", "vpc3", Fixtures.advancedZone(), 2, Fixtures.cidr("10.1.0.0/16"), Optional.empty(), DnsServers.none(), true);
        RouterDeployment tier = new RouterDeployment(isolatedNetworkBuilder().vpcId(3).build(), DeployDestination.of(Fixtures.advancedZone()),
                Optional.empty(), List.of(), Optional.of(vpc));

        assertThat(tier.isRedundant()).isTrue();
        assertThat(tier.expectedRouterCount()).isEqualTo(2);
    }

    @Test
    void rejectsADestinationInAnotherZone() {
        Zone other = Zone.of(2, "zone-2", "Zone Two", NetworkType.ADVANCED);
        assertInvalid(() -> RouterDeployment.of(isolatedNetwork(), DeployDestination.of(other), Optional.empty()), "zone_id");
    }

    @Test
    void rejectsASourceNatAddressThatIsNotOne() {
        PublicIpAddress plain = PublicIpAddress.of(ip("203.0.113.21"), BroadcastUri.vlan(50), ip("203.0.113.1"), Netmask.parse("255.255.255.0"), 5);
        assertInvalid(() -> RouterDeployment.of(isolatedNetwork(), DeployDestination.of(Fixtures.advancedZone()), Optional.of(plain)),
                "source_nat_ip");
    }

    @Test
    void rejectsRoutersOfOtherNetworks() {
        DomainRouter foreign = DomainRouter.builder(8, "r8", 1, HypervisorType.KVM, 9).networkIds(List.of(6L)).build();
        assertInvalid(() -> new RouterDeployment(isolatedNetwork(), DeployDestination.of(Fixtures.advancedZone()), Optional.empty(),
                List.of(foreign), Optional.empty()), "existing_routers[0]");
    }
}
