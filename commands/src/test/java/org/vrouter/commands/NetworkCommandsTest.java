package org.vrouter.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.vrouter.commands.Fixtures.PUBLIC_IP;
import static org.vrouter.commands.Fixtures.VM_IP;
import static org.vrouter.commands.Fixtures.router;
import static org.vrouter.commands.Fixtures.tierNic;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.network.TrafficType;
import org.vrouter.commands.to.DhcpEntryTO;
import org.vrouter.commands.to.IpAddressTO;
import org.vrouter.commands.to.NicTO;

class NetworkCommandsTest {
    private static IpAddressTO address(String ip) {
        return IpAddressTO.builder(IpAddress.parse(ip), TrafficType.PUBLIC)
                .vlan(BroadcastUri.vlan(64), IpAddress.parse("203.0.113.1"), Netmask.parse("255.255.255.0"))
                .sourceNat(true)
                .build();
    }

    private static DhcpEntryTO dhcp(String mac, String ip, String host) {
        return DhcpEntryTO.builder(MacAddress.parse(mac), host).ipv4(IpAddress.parse(ip)).build();
    }

    @Test
    void everyRouterCommandNamesItsRouter() {
        AccessDetails nameless = AccessDetails.builder().routerIp(Fixtures.CONTROL_IP).build();

        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class,
                () -> new IpAssocCommand(nameless, List.of(address("203.0.113.20"))));

        assertThat(error.field()).isEqualTo(AccessDetails.ROUTER_NAME);
    }

    @Test
    void ipAssociationNeedsAtLeastOneAddress() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class,
                () -> new IpAssocVpcCommand(router(), List.of()));

        assertThat(error.field()).isEqualTo("ip_address");
    }

    @Test
    void ipAssociationRejectsAnAddressListedTwice() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class,
                () -> new IpAssocCommand(router(), List.of(address("203.0.113.20"), address("203.0.113.20"))));

        assertThat(error.field()).isEqualTo("ip_address[1].public_ip");
    }

    @Test
    void resourceFillsNicDeviceIdsThroughACopy() {
        IpAssociationCommand command = new IpAssocVpcCommand(router(), List.of(address("203.0.113.20")));

        IpAssociationCommand filled = command.withIpAddresses(command.ipAddresses().stream().map(ip -> ip.withNicDeviceId(1)).toList());

        assertThat(filled).isInstanceOf(IpAssocVpcCommand.class);
        assertThat(filled.ipAddresses().get(0).nicDeviceId()).hasValue(1);
        assertThat(command.ipAddresses().get(0).nicDeviceId()).isEmpty();
    }

    @Test
    void sourceNatCommandNeedsTheSourceNatAddress() {
        IpAddressTO plain = IpAddressTO.builder(PUBLIC_IP, TrafficType.PUBLIC).build();

        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class,
                () -> new SetSourceNatCommand(router(), plain, true));

        assertThat(error.field()).isEqualTo("ip_address.source_nat");
    }

    @Test
    void guestNetworkDerivesItsAccessDetailsFromTheNic() {
        SetupGuestNetworkCommand command = SetupGuestNetworkCommand.builder(router(), tierNic())
                .networkDomain("vpc1.internal")
                .dns(IpAddress.parse("8.8.8.8"), IpAddress.parse("8.8.4.4"))
                .dhcpRange(IpAddress.parse("172.16.1.2"))
                .build();

        assertThat(command.accessDetails().get(AccessDetails.ROUTER_GUEST_IP)).contains("172.16.1.1");
        assertThat(command.accessDetails().get(AccessDetails.GUEST_NETWORK_GATEWAY)).contains("172.16.1.1");
        assertThat(command.accessDetails().get(AccessDetails.GUEST_BRIDGE)).contains("172.16.1.255");
        assertThat(command.accessDetails().get(AccessDetails.GUEST_VLAN_TAG)).contains("100");
        assertThat(command.routerGuestGateway()).isEqualTo(IpAddress.parse("172.16.1.1"));
        assertThat(command.add()).isTrue();
    }

    @Test
    void guestNetworkRejectsAConflictingGuestIpDetail() {
        AccessDetails conflicting = router().with(AccessDetails.ROUTER_GUEST_IP, "172.16.9.9");

        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class,
                () -> SetupGuestNetworkCommand.builder(conflicting, tierNic()).build());

        assertThat(error.field()).isEqualTo(AccessDetails.ROUTER_GUEST_IP);
    }

    @Test
    void guestNetworkRejectsDhcpRangeOutsideTheTier() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class,
                () -> SetupGuestNetworkCommand.builder(router(), tierNic()).dhcpRange(IpAddress.parse("10.9.9.9")).build());

        assertThat(error.field()).isEqualTo("dhcp_range");
    }

    @Test
    void guestNetworkNeedsAnAddressedNic() {
        NicTO bare = NicTO.builder(3, MacAddress.parse("02:00:56:36:00:02"), TrafficType.GUEST).build();

        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class,
                () -> SetupGuestNetworkCommand.builder(router(), bare).build());

        assertThat(error.field()).isEqualTo("nic.ip");
    }

    @Test
    void dhcpCommandCountsTwoAnswersPerEntry() {
        SetDhcpConfigCommand command = new SetDhcpConfigCommand(router(), List.of(
                dhcp("02:00:4c:5f:00:01", "10.1.1.23", "vm-1"),
                dhcp("02:00:4c:5f:00:02", "10.1.1.24", "vm-2")), false);

        assertThat(command.answersCount()).isEqualTo(4);
        assertThat(command.entries()).extracting(DhcpEntryTO::hostName).containsExactly("vm-1", "vm-2");
    }

    @Test
    void dhcpCommandRejectsAMacAddedTwice() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class,
                () -> new SetDhcpConfigCommand(router(), List.of(
                        dhcp("02:00:4c:5f:00:01", "10.1.1.23", "vm-1"),
                        dhcp("02:00:4c:5f:00:01", "10.1.1.24", "vm-2")), false));

        assertThat(error.field()).isEqualTo("entries[1].mac_address");
    }

    @Test
    void dhcpCommandNeedsAnEntry() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class,
                () -> new SetDhcpConfigCommand(router(), List.of(), false));

        assertThat(error.field()).isEqualTo("entries");
    }

    @Test
    void dnsCommandSortsHostRecordsByLowerCaseName() {
        SetDnsConfigCommand command = new SetDnsConfigCommand(router(), Optional.of("cs2cloud.internal"),
                List.of(IpAddress.parse("8.8.8.8")),
                Map.of("Web", List.of(VM_IP), "db", List.of(IpAddress.parse("10.1.1.24"))));

        assertThat(command.hostRecords().keySet()).containsExactly("db", "web");
    }

    @Test
    void dnsCommandRejectsHostRecordNameWithSpaceAndEmptyAddressList() {
        assertThat(catchThrowableOfType(InvalidParameterException.class, () -> new SetDnsConfigCommand(router(), Optional.empty(),
                List.of(), Map.of("a b", List.of(VM_IP)))).field()).isEqualTo("host_records");
        assertThat(catchThrowableOfType(InvalidParameterException.class, () -> new SetDnsConfigCommand(router(), Optional.empty(),
                List.of(), Map.of("web", List.of()))).field()).isEqualTo("host_records.web");
    }

    @Test
    void dnsCommandRejectsDuplicateForwarders() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class, () -> new SetDnsConfigCommand(router(),
                Optional.empty(), List.of(IpAddress.parse("8.8.8.8"), IpAddress.parse("8.8.8.8")), Map.of()));

        assertThat(error.field()).isEqualTo("forwarders[1].address");
    }
}
