package org.vrouter.core.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vrouter.core.setup.SetupFixtures.network;
import static org.vrouter.core.setup.SetupFixtures.publicIp;
import static org.vrouter.core.setup.SetupFixtures.router;
import static org.vrouter.core.setup.SetupFixtures.sourceNatIp;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.vrouter.api.address.PublicIpAddress;
import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.network.TrafficType;
import org.vrouter.commands.AccessDetails;
import org.vrouter.commands.IpAssocCommand;
import org.vrouter.commands.IpAssocVpcCommand;
import org.vrouter.commands.SetSourceNatCommand;
import org.vrouter.commands.to.IpAddressTO;

class IpAssociationsTest {
    private final CommandSetupHelper helper = new CommandSetupHelper();

    private static List<String> addresses(IpAssocCommand command) {
        return command.ipAddresses().stream().map(ip -> ip.publicIp().value()).toList();
    }

    @Test
    void carriesTheAccessDetailsOfTheMatrix() {
        IpAssocCommand command = helper.createIpAssociationCommands(router(), network(), List.of(sourceNatIp())).get(0);

        assertThat(command.accessDetails().values()).isEqualTo(Map.of(
                AccessDetails.ROUTER_IP, "169.254.3.44",
                AccessDetails.ROUTER_GUEST_IP, "10.1.1.1",
                AccessDetails.ROUTER_NAME, "r-12-VM",
                AccessDetails.ZONE_NETWORK_TYPE, "Advanced",
                AccessDetails.NETWORK_PUB_LAST_IP, "false"));
    }

    @Test
    void groupsByVlanInOrderOfAppearanceWithSourceNatFirst() {
        List<PublicIpAddress> ips = List.of(
                publicIp("203.0.113.30", 100),
                publicIp("203.0.113.40", 200).withStaticNat(IpAddress.parse("10.1.1.11")),
                sourceNatIp(),
                publicIp("203.0.113.41", 200));

        List<IpAssocCommand> commands = helper.createIpAssociationCommands(router(), network(), ips);

        assertThat(commands).hasSize(2);
        assertThat(addresses(commands.get(0))).containsExactly("203.0.113.20", "203.0.113.30");
        assertThat(addresses(commands.get(1))).containsExactly("203.0.113.40", "203.0.113.41");
        assertThat(commands.get(0).ipAddresses()).extracting(IpAddressTO::broadcastUri).containsOnly(Optional.of(BroadcastUri.vlan(100)));
    }

    @Test
    void theFirstAddressOfEachVlanIsFirstIpAndSentAsSourceNatOnIsolatedNetworks() {
        List<PublicIpAddress> ips = List.of(sourceNatIp(), publicIp("203.0.113.30", 100),
                publicIp("203.0.113.40", 200).withStaticNat(IpAddress.parse("10.1.1.11")), publicIp("203.0.113.41", 200));

        List<IpAssocCommand> commands = helper.createIpAssociationCommands(router(), network(), ips);

        List<IpAddressTO> snatVlan = commands.get(0).ipAddresses();
        List<IpAddressTO> otherVlan = commands.get(1).ipAddresses();
        assertThat(snatVlan).extracting(IpAddressTO::firstIp).containsExactly(true, false);
        assertThat(snatVlan).extracting(IpAddressTO::sourceNat).containsExactly(true, false);
        assertThat(otherVlan).extracting(IpAddressTO::firstIp).containsExactly(true, false);
        // CloudStack's non-VPC path promotes the first address so it becomes the interface's primary one
        assertThat(otherVlan).extracting(IpAddressTO::sourceNat).containsExactly(true, false);
        assertThat(otherVlan).extracting(IpAddressTO::oneToOneNat).containsExactly(true, false);
    }

    @Test
    void firstIpStaysTrueThroughLeadingRemovalsUpToTheFirstAddition() {
        List<PublicIpAddress> ips = List.of(
                publicIp("203.0.113.50", 300).withState(PublicIpAddress.State.RELEASING),
                publicIp("203.0.113.51", 300).withState(PublicIpAddress.State.RELEASING),
                publicIp("203.0.113.52", 300),
                publicIp("203.0.113.53", 300));

        List<IpAddressTO> sent = helper.createIpAssociationCommands(router(), network(), ips).get(0).ipAddresses();

        assertThat(sent).extracting(IpAddressTO::add).containsExactly(false, false, true, true);
        assertThat(sent).extracting(IpAddressTO::firstIp).containsExactly(true, true, true, false);
    }

    @Test
    void aReleasingSourceNatAddressIsKept() {
        IpAddressTO sent = helper.createIpAssociationCommands(router(), network(),
                List.of(sourceNatIp().withState(PublicIpAddress.State.RELEASING))).get(0).ipAddresses().get(0);

        assertThat(sent.add()).isTrue();
        assertThat(sent.sourceNat()).isTrue();
    }

    @Test
    void lastIpIsTrueOnlyForAVlanWhoseAddressesAreAllRemoved() {
        List<PublicIpAddress> ips = List.of(sourceNatIp(),
                publicIp("203.0.113.40", 200).withState(PublicIpAddress.State.RELEASING),
                publicIp("203.0.113.41", 200).withState(PublicIpAddress.State.RELEASING),
                publicIp("203.0.113.60", 400).withState(PublicIpAddress.State.RELEASING),
                publicIp("203.0.113.61", 400));

        List<IpAssocCommand> commands = helper.createIpAssociationCommands(router(), network(), ips);

        assertThat(commands).extracting(command -> command.accessDetails().require(AccessDetails.NETWORK_PUB_LAST_IP))
                .containsExactly("false", "true", "false");
    }

    @Test
    void addressesOfOneVlanShareTheKnownNicMac() {
        MacAddress nicMac = MacAddress.parse("1e:00:5d:00:00:14");
        List<PublicIpAddress> ips = List.of(sourceNatIp().withMacAddress(nicMac), publicIp("203.0.113.30", 100));

        List<IpAddressTO> sent = helper.createIpAssociationCommands(router(), network(), ips).get(0).ipAddresses();

        assertThat(sent).extracting(IpAddressTO::vifMacAddress).containsOnly(Optional.of(nicMac));
        assertThat(sent).extracting(IpAddressTO::trafficType).containsOnly(TrafficType.PUBLIC);
        assertThat(sent).extracting(IpAddressTO::accountId).containsOnly(2L);
        assertThat(sent).extracting(IpAddressTO::mtu).containsOnly(java.util.OptionalInt.of(1500));
    }

    @Test
    void vpcRoutersGetOneCommandPerVlanThenSetSourceNat() {
        List<PublicIpAddress> ips = List.of(publicIp("203.0.113.30", 100), publicIp("203.0.113.40", 200), sourceNatIp());

        VpcIpAssociation association = helper.createVpcIpAssociationCommands(SetupFixtures.vpcRouter(), SetupFixtures.vpc(), ips);

        assertThat(association.associations()).hasSize(2);
        IpAssocVpcCommand first = association.associations().get(0);
        assertThat(first.ipAddresses()).extracting(ip -> ip.publicIp().value()).containsExactly("203.0.113.20", "203.0.113.30");
        // no promotion on the VPC path: the second VLAN's first address stays a plain address
        assertThat(association.associations().get(1).ipAddresses().get(0).sourceNat()).isFalse();
        SetSourceNatCommand sourceNat = association.sourceNat().orElseThrow();
        assertThat(sourceNat.ipAddress().publicIp().value()).isEqualTo("203.0.113.20");
        assertThat(sourceNat.add()).isTrue();
        assertThat(sourceNat.accessDetails().values()).isEqualTo(Map.of(
                AccessDetails.ROUTER_IP, "169.254.3.50",
                AccessDetails.ROUTER_NAME, "r-14-VM",
                AccessDetails.ZONE_NETWORK_TYPE, "Advanced"));
        assertThat(association.commands()).hasSize(3).last().isInstanceOf(SetSourceNatCommand.class);
    }

    @Test
    void aVpcAssociationWithoutSourceNatHasNoSetSourceNat() {
        VpcIpAssociation association = helper.createVpcIpAssociationCommands(SetupFixtures.vpcRouter(), SetupFixtures.vpc(),
                List.of(publicIp("203.0.113.30", 100)));

        assertThat(association.sourceNat()).isEmpty();
        assertThat(association.commands()).hasSize(1);
    }
}
