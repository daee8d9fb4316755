package org.vrouter.core.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vrouter.core.setup.SetupFixtures.ALL_SERVICES;
import static org.vrouter.core.setup.SetupFixtures.NETWORK_ID;
import static org.vrouter.core.setup.SetupFixtures.STATIC_NAT_IP;
import static org.vrouter.core.setup.SetupFixtures.network;
import static org.vrouter.core.setup.SetupFixtures.nic;
import static org.vrouter.core.setup.SetupFixtures.offering;
import static org.vrouter.core.setup.SetupFixtures.router;
import static org.vrouter.core.setup.SetupFixtures.vm;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.network.EgressPolicy;
import org.vrouter.api.network.GuestType;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.Service;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.vm.Nic;
import org.vrouter.api.vm.VirtualMachineProfile;
import org.vrouter.commands.AccessDetails;
import org.vrouter.commands.SavePasswordCommand;
import org.vrouter.commands.SetDhcpConfigCommand;
import org.vrouter.commands.VmDataCommand;
import org.vrouter.commands.to.DhcpEntryTO;
import org.vrouter.commands.to.VmDataEntry;
import org.vrouter.commands.to.VmDataFolder;

class VmCommandsTest {
    private static final Map<String, String> NETWORK_DETAILS = Map.of(
            AccessDetails.ROUTER_IP, "169.254.3.44",
            AccessDetails.ROUTER_GUEST_IP, "10.1.1.1",
            AccessDetails.ROUTER_NAME, "r-12-VM",
            AccessDetails.ZONE_NETWORK_TYPE, "Advanced");

    private final CommandSetupHelper helper = new CommandSetupHelper();
    private final VirtualMachineProfile web = vm(10, "web-1", "10.1.1.11", "02:00:4c:5f:00:11");

    private DhcpEntryTO dhcpEntry(Network network, VirtualMachineProfile vm) {
        return helper.createDhcpEntryCommand(router(), network, vm, vm.nics().get(0), false).entries().get(0);
    }

    @Test
    void dhcpEntryCarriesTheNicAndTheRouterAsNameServer() {
        SetDhcpConfigCommand command = helper.createDhcpEntryCommand(router(), network(), web, web.nics().get(0), false);

        assertThat(command.accessDetails().values()).isEqualTo(NETWORK_DETAILS);
        DhcpEntryTO entry = command.entries().get(0);
        assertThat(entry.macAddress().value()).isEqualTo("02:00:4c:5f:00:11");
        assertThat(entry.ipv4Address()).contains(IpAddress.parse("10.1.1.11"));
        assertThat(entry.hostName()).isEqualTo("web-1");
        assertThat(entry.defaultGateway()).contains(IpAddress.parse("10.1.1.1"));
        assertThat(entry.dnsAddresses()).containsExactly(IpAddress.parse("10.1.1.1"));
        assertThat(entry.defaultEntry()).isTrue();
        assertThat(entry.ipv6Duid()).isEqualTo("00:03:00:01:02:00:4c:5f:00:11");
        assertThat(entry.remove()).isFalse();
        assertThat(command.executeInSequence()).isFalse();
    }

    @Test
    void aRedundantOfferingHandsOutTheGatewayNotTheVmsOwnAddress() {
        Network redundant = network(offering(EgressPolicy.DENY, true, ALL_SERVICES));
        VirtualMachineProfile vm = vm(10, "web-1", "10.1.1.11", "02:00:4c:5f:00:11");
        var redundantRouter = router().toBuilder().redundant(true).guestIps(Map.of(NETWORK_ID, IpAddress.parse("10.1.1.2"))).build();

        DhcpEntryTO entry = helper.createDhcpEntryCommand(redundantRouter, redundant, vm, vm.nics().get(0), false).entries().get(0);

        assertThat(entry.dnsAddresses()).containsExactly(IpAddress.parse("10.1.1.1")).doesNotContain(IpAddress.parse("10.1.1.11"));
    }

    @Test
    void aRedundantVpcRouterHandsOutTheTierGatewayNotItsOwnAddress() {
        Network tier = SetupFixtures.tier();
        VirtualMachineProfile vm = vm(10, "web-1", nic(SetupFixtures.TIER_ID, "172.16.1.11", "02:00:4c:5f:00:11", true));
        var redundantRouter = SetupFixtures.vpcRouter().toBuilder().redundant(true).guestIps(Map.of(SetupFixtures.TIER_ID, IpAddress.parse("172.16.1.2")))
                .build();

        DhcpEntryTO entry = helper.createDhcpEntryCommand(redundantRouter, tier, vm, vm.nics().get(0), false).entries().get(0);

        assertThat(entry.dnsAddresses()).containsExactly(IpAddress.parse("172.16.1.1"));
    }

    @Test
    void noNameServerWhenTheRouterDoesNotProvideDns() {
        Network dhcpOnly = network(offering(EgressPolicy.DENY, false, List.of(Service.DHCP)));

        assertThat(dhcpEntry(dhcpOnly, web).dnsAddresses()).isEmpty();
    }

    @Test
    void noNameServerWhenTheVmsDefaultNicIsInAnotherNetwork() {
        Nic here = nic(NETWORK_ID, "10.1.1.15", "02:00:4c:5f:00:15", false);
        Nic elsewhere = Nic.builder(999, 0, org.vrouter.api.network.TrafficType.GUEST, org.vrouter.api.net.MacAddress.parse("02:00:4c:5f:00:16"))
                .ipv4(IpAddress.parse("10.9.9.9"), SetupFixtures.GUEST_NETMASK).defaultNic(true).build();
        VirtualMachineProfile multiHomed = vm(15, "multi", elsewhere, here);

        DhcpEntryTO entry = helper.createDhcpEntryCommand(router(), network(), multiHomed, here, false).entries().get(0);

        assertThat(entry.dnsAddresses()).isEmpty();
        assertThat(entry.defaultEntry()).isFalse();
    }

    @Test
    void removalAndLeaseTimeAndSequenceComeFromTheCallAndTheSettings() {
        CommandSetupHelper configured = new CommandSetupHelper(CommandSetupSettings.builder().dhcpLeaseTimeSeconds(86_400)
                .executeInSequence(true).build());

        SetDhcpConfigCommand command = configured.createDhcpEntryCommand(router(), network(), web, web.nics().get(0), true);

        assertThat(command.entries().get(0).remove()).isTrue();
        assertThat(command.entries().get(0).leaseTimeSeconds()).isEqualTo(86_400);
        assertThat(command.executeInSequence()).isTrue();
    }

    @Test
    void aNicOfAnotherNetworkIsRefused() {
        Nic foreign = Nic.builder(999, 0, org.vrouter.api.network.TrafficType.GUEST, org.vrouter.api.net.MacAddress.parse("02:00:4c:5f:00:16"))
                .ipv4(IpAddress.parse("10.9.9.9"), SetupFixtures.GUEST_NETMASK).build();

        assertThatThrownBy(() -> helper.createDhcpEntryCommand(router(), network(), web, foreign, false))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("nic.network_id"));
    }

    @Test
    void vmDataFollowsCloudStacksOrder() {
        VirtualMachineProfile withSecrets = web.withSecrets(Optional.empty(), Optional.of(Secret.of("I2Nsb3VkLWNvbmZpZwo=")),
                Optional.of("ssh-ed25519 AAAAC3 admin@example"));
        CommandSetupHelper identified = new CommandSetupHelper(CommandSetupSettings.builder().cloudIdentifier("a1b2c3").build());

        VmDataCommand command = identified.createVmDataCommand(router(), network(), withSecrets, withSecrets.nics().get(0), Optional.empty());

        assertThat(command.accessDetails().values()).isEqualTo(NETWORK_DETAILS);
        assertThat(command.vmIpAddress()).isEqualTo(IpAddress.parse("10.1.1.11"));
        assertThat(command.entries()).extracting(entry -> entry.folder().wireName() + "/" + entry.file()).containsExactly(
                "userdata/user-data", "metadata/service-offering", "metadata/availability-zone", "metadata/local-ipv4",
                "metadata/local-hostname", "metadata/public-ipv4", "metadata/public-hostname", "metadata/instance-id",
                "metadata/vm-id", "metadata/public-keys", "metadata/cloud-identifier", "metadata/hypervisor-host-name");
        assertThat(command.contents(VmDataFolder.USERDATA, "user-data")).contains("I2Nsb3VkLWNvbmZpZwo=");
        assertThat(command.contents(VmDataFolder.METADATA, "service-offering")).contains("Small Instance");
        assertThat(command.contents(VmDataFolder.METADATA, "availability-zone")).contains("zone1");
        assertThat(command.contents(VmDataFolder.METADATA, "local-hostname")).contains("web-1");
        assertThat(command.contents(VmDataFolder.METADATA, "instance-id")).contains("vm-uuid-10");
        assertThat(command.contents(VmDataFolder.METADATA, "vm-id")).contains("vm-uuid-10");
        assertThat(command.contents(VmDataFolder.METADATA, "public-keys")).contains("ssh-ed25519 AAAAC3 admin@example");
        assertThat(command.contents(VmDataFolder.METADATA, "cloud-identifier")).contains("CloudStack-{a1b2c3}");
    }

    @Test
    void publicIpv4IsTheStaticNatAddressWhenTheVmHasOne() {
        VmDataCommand command = helper.createVmDataCommand(router(), network(), web, web.nics().get(0), Optional.of(STATIC_NAT_IP));

        assertThat(command.contents(VmDataFolder.METADATA, "public-ipv4")).contains("203.0.113.21");
        assertThat(command.contents(VmDataFolder.METADATA, "public-hostname")).contains("203.0.113.21");
    }

    @Test
    void publicIpv4IsTheRoutersPublicAddressOtherwise() {
        VmDataCommand command = helper.createVmDataCommand(router(), network(), web, web.nics().get(0), Optional.empty());

        assertThat(command.contents(VmDataFolder.METADATA, "public-ipv4")).contains("203.0.113.20");
    }

    @Test
    void publicIpv4IsTheVmsOwnAddressOnASharedNetwork() {
        Network shared = network().toBuilder().guestType(GuestType.SHARED).build();

        VmDataCommand command = helper.createVmDataCommand(router(), shared, web, web.nics().get(0), Optional.of(STATIC_NAT_IP));

        assertThat(command.contents(VmDataFolder.METADATA, "public-ipv4")).contains("10.1.1.11");
    }

    @Test
    void publicIpv4IsTheVmsOwnAddressInABasicZone() {
        Network basic = Network.builder(NETWORK_ID, "net-uuid", "basic", SetupFixtures.BASIC_ZONE, org.vrouter.api.network.TrafficType.GUEST)
                .accountId(2).guestType(GuestType.SHARED).ipv4(org.vrouter.api.net.Cidr.parse("10.1.1.0/24"), SetupFixtures.GATEWAY)
                .offering(offering(EgressPolicy.DENY, false, ALL_SERVICES)).build();

        VmDataCommand command = helper.createVmDataCommand(router(), basic, web, web.nics().get(0), Optional.empty());

        assertThat(command.contents(VmDataFolder.METADATA, "public-ipv4")).contains("10.1.1.11");
        assertThat(command.accessDetails().require(AccessDetails.ZONE_NETWORK_TYPE)).isEqualTo("Basic");
    }

    @Test
    void withoutUserDataOrKeysTheItemsAreEmpty() {
        VmDataCommand command = helper.createVmDataCommand(router(), network(), web, web.nics().get(0), Optional.empty());

        assertThat(command.entries()).filteredOn(entry -> List.of("user-data", "public-keys", "cloud-identifier").contains(entry.file()))
                .extracting(VmDataEntry::contents).containsOnly("");
    }

    @Test
    void passwordOnlyForTheDefaultNicOfAProfileWithAPassword() {
        Nic secondary = nic(NETWORK_ID, "10.1.1.16", "02:00:4c:5f:00:16", false);
        Nic primary = Nic.builder(999, 0, org.vrouter.api.network.TrafficType.GUEST, org.vrouter.api.net.MacAddress.parse("02:00:4c:5f:00:17"))
                .ipv4(IpAddress.parse("10.9.9.9"), SetupFixtures.GUEST_NETMASK).defaultNic(true).build();
        VirtualMachineProfile withPassword = web.withSecrets(Optional.of(Secret.of("s3cret-Pw")), Optional.empty(), Optional.empty());
        VirtualMachineProfile secondaryOnly = vm(16, "db-1", primary, secondary)
                .withSecrets(Optional.of(Secret.of("s3cret-Pw")), Optional.empty(), Optional.empty());

        Optional<SavePasswordCommand> onDefault = helper.createPasswordCommand(router(), network(), withPassword, withPassword.nics().get(0));

        assertThat(onDefault).hasValueSatisfying(command -> {
            assertThat(command.password().reveal()).isEqualTo("s3cret-Pw");
            assertThat(command.vmIpAddress()).isEqualTo(IpAddress.parse("10.1.1.11"));
            assertThat(command.vmName()).isEqualTo("web-1");
            assertThat(command.accessDetails().values()).isEqualTo(NETWORK_DETAILS);
        });
        assertThat(helper.createPasswordCommand(router(), network(), secondaryOnly, secondary)).isEmpty();
        assertThat(helper.createPasswordCommand(router(), network(), web, web.nics().get(0))).isEmpty();
    }
}
