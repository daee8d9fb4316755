package org.vrouter.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.vrouter.commands.Fixtures.PUBLIC_IP;
import static org.vrouter.commands.Fixtures.VM_IP;
import static org.vrouter.commands.Fixtures.router;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.IpRange;
import org.vrouter.api.secret.Secret;
import org.vrouter.commands.to.VmDataEntry;
import org.vrouter.commands.to.VmDataFolder;
import org.vrouter.commands.to.VpnUserTO;

class VmAndVpnCommandsTest {
    private static Site2SiteVpnCfgCommand.Builder s2s() {
        return Site2SiteVpnCfgCommand.builder(router(), IpAddress.parse("203.0.113.30"), IpAddress.parse("203.0.113.1"),
                        Cidr.parse("172.16.0.0/16"), IpAddress.parse("198.51.100.7"))
                .peerGuestCidrs(List.of(Cidr.parse("10.0.0.0/24"), Cidr.parse("10.0.1.0/24")))
                .psk(Secret.of("s3cretPSK"))
                .policies("aes128-sha1;modp1536", "aes128-sha1");
    }

    @Test
    void vmDataFollowsCloudStackOrderWhateverTheCallOrder() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("test1", "value1");
        details.put("test2", "value2");

        VmDataCommand command = VmDataCommand.builder(router(), VM_IP, "vm-1")
                .hypervisorHostName("kvm-host-3")
                .cloudName("mycloud")
                .publicKeys("ssh-rsa AAAA user@host")
                .ids("7f7c3c1e-uuid", "7f7c3c1e-uuid")
                .publicIp(PUBLIC_IP)
                .userDataDetails(details)
                .availabilityZone("zone1")
                .serviceOffering("Small Instance")
                .cloudIdentifier("CloudStack-{abc}")
                .userData("I2Nsb3VkLWNvbmZpZwo=")
                .build();

        assertThat(command.entries()).extracting(VmDataEntry::file).containsExactly(
                "user-data", "service-offering", "availability-zone", "local-ipv4", "local-hostname", "test1", "test2",
                "public-ipv4", "public-hostname", "instance-id", "vm-id", "public-keys", "cloud-identifier",
                "hypervisor-host-name", "cloud-name");
        assertThat(command.entries().get(0).folder()).isEqualTo(VmDataFolder.USERDATA);
        assertThat(command.contents(VmDataFolder.METADATA, "local-ipv4")).contains("10.1.1.23");
        assertThat(command.contents(VmDataFolder.METADATA, "public-hostname")).contains("203.0.113.20");
        assertThat(command.contents(VmDataFolder.METADATA, "test2")).contains("value2");
    }

    @Test
    void vmDataAlwaysCarriesCloudStackStandardItems() {
        VmDataCommand command = VmDataCommand.builder(router(), VM_IP, "vm-1").build();

        assertThat(command.entries()).hasSize(12);
        assertThat(command.contents(VmDataFolder.USERDATA, "user-data")).contains("");
        assertThat(command.contents(VmDataFolder.METADATA, "cloud-domain")).isEmpty();
    }

    @Test
    void vmDataHidesUserDataInToString() {
        VmDataCommand command = VmDataCommand.builder(router(), VM_IP, "vm-1").userData("c2VjcmV0LXVzZXJkYXRh").build();

        assertThat(command.toString()).doesNotContain("c2VjcmV0LXVzZXJkYXRh").contains("local-ipv4, 10.1.1.23");
    }

    @Test
    void vmDataRejectsADetailShadowingAStandardItem() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class,
                () -> VmDataCommand.builder(router(), VM_IP, "vm-1").userDataDetails(Map.of("local-ipv4", "1.2.3.4")).build());

        assertThat(error.field()).startsWith("vm_metadata[").endsWith("].file");
    }

    @Test
    void parsesUserDataDetailsWithAndWithoutSpaces() {
        assertThat(VmDataCommand.parseUserDataDetails("{test1=value1,test2=value2}"))
                .containsExactly(Map.entry("test1", "value1"), Map.entry("test2", "value2"));
        assertThat(VmDataCommand.parseUserDataDetails("{test1=value1, test2 = value2}"))
                .containsExactly(Map.entry("test1", "value1"), Map.entry("test2", "value2"));
        assertThat(VmDataCommand.parseUserDataDetails(null)).isEmpty();
        assertThat(catchThrowableOfType(InvalidParameterException.class, () -> VmDataCommand.parseUserDataDetails("{oops}")).field())
                .isEqualTo("userdata_details");
    }

    @Test
    void savePasswordNeverShowsThePassword() {
        SavePasswordCommand command = new SavePasswordCommand(router(), Secret.of("p4ssw0rd!"), VM_IP, "vm-1", false);

        assertThat(command.toString()).doesNotContain("p4ssw0rd!").contains("****");
    }

    @Test
    void savePasswordRejectsAQuotedPasswordWithoutShowingIt() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class,
                () -> new SavePasswordCommand(router(), Secret.of("pa'ss"), VM_IP, "vm-1", false));

        assertThat(error.field()).isEqualTo("password");
        assertThat(error.getMessage()).doesNotContain("pa'ss");
    }

    @Test
    void remoteAccessVpnPicksThePublicInterfaceByRouterKind() {
        RemoteAccessVpnCfgCommand isolated = remoteAccess(false, "10.1.2.1-10.1.2.8");
        RemoteAccessVpnCfgCommand vpc = remoteAccess(true, "10.1.2.1-10.1.2.8");

        assertThat(isolated.publicInterface()).isEqualTo("eth2");
        assertThat(vpc.publicInterface()).isEqualTo("eth1");
        assertThat(isolated.executeInSequence()).isTrue();
        assertThat(isolated.toString()).doesNotContain("s3cretPSK");
    }

    @Test
    void remoteAccessVpnRejectsAClientRangeInsideTheGuestNetwork() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class, () -> remoteAccess(false, "10.1.1.100-10.1.1.110"));

        assertThat(error.field()).isEqualTo("ip_range");
    }

    @Test
    void remoteAccessVpnRejectsAnIpv6ClientRange() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class, () -> remoteAccess(false, "fd00::1-fd00::8"));

        assertThat(error.field()).isEqualTo("ip_range");
    }

    private static RemoteAccessVpnCfgCommand remoteAccess(boolean vpc, String range) {
        return new RemoteAccessVpnCfgCommand(router(), true, vpc, PUBLIC_IP, IpRange.parse("ip_range", range), Secret.of("s3cretPSK"),
                IpAddress.parse("10.1.1.1"), Cidr.parse("10.1.1.0/24"));
    }

    @Test
    void vpnUsersListRemovalsFirst() {
        VpnUsersCfgCommand command = new VpnUsersCfgCommand(router(), List.of(
                VpnUserTO.add("alice", Secret.of("pw1")),
                VpnUserTO.remove("bob", Secret.of("pw2")),
                VpnUserTO.add("carol", Secret.of("pw3")),
                VpnUserTO.remove("dave", Secret.of("pw4"))));

        assertThat(command.users()).extracting(VpnUserTO::username).containsExactly("bob", "dave", "alice", "carol");
        assertThat(command.toString()).doesNotContain("pw1", "pw2", "pw3", "pw4");
    }

    @Test
    void vpnUsersAllowAPasswordChangeButNotADoubleAdd() {
        VpnUsersCfgCommand change = VpnUsersCfgCommand.of(router(), List.of(VpnUserTO.add("alice", Secret.of("new"))),
                List.of(VpnUserTO.remove("alice", Secret.of("old"))));

        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class, () -> new VpnUsersCfgCommand(router(),
                List.of(VpnUserTO.add("alice", Secret.of("a")), VpnUserTO.add("alice", Secret.of("b")))));

        assertThat(change.users()).extracting(VpnUserTO::add).containsExactly(false, true);
        assertThat(error.field()).isEqualTo("vpn_users[1].user");
    }

    @Test
    void siteToSiteDefaultsAndHidesThePsk() {
        Site2SiteVpnCfgCommand command = s2s().build();

        assertThat(command.create()).isTrue();
        assertThat(command.ikeLifetimeSeconds()).isEqualTo(86_400);
        assertThat(command.espLifetimeSeconds()).isEqualTo(3_600);
        assertThat(command.ikeVersion().wireName()).isEqualTo("ike");
        assertThat(command.executeInSequence()).isTrue();
        assertThat(command.toString()).doesNotContain("s3cretPSK");
    }

    @Test
    void siteToSiteRejectsPoliciesOfTheWrongShape() {
        assertThat(catchThrowableOfType(InvalidParameterException.class, () -> s2s().policies("aes128", "aes128-sha1").build()).field())
                .isEqualTo("ike_policy");
        assertThat(catchThrowableOfType(InvalidParameterException.class, () -> s2s().policies("aes128-sha1", "aes128-sha1;$(reboot)").build()).field())
                .isEqualTo("esp_policy");
        assertThat(s2s().policies("aes128-sha1,aes256-sha256;modp2048", "aes256-sha256;modp2048").build().ikePolicy())
                .isEqualTo("aes128-sha1,aes256-sha256;modp2048");
    }

    @Test
    void siteToSiteRejectsPeerCidrOverlappingTheVpc() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class,
                () -> s2s().peerGuestCidrs(List.of(Cidr.parse("172.16.5.0/24"))).build());

        assertThat(error.field()).isEqualTo("peer_guest_cidr_list");
    }

    @Test
    void siteToSiteRejectsLifetimeAboveADay() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class,
                () -> s2s().lifetimesSeconds(86_401, 3_600).build());

        assertThat(error.field()).isEqualTo("ike_lifetime");
    }

    @Test
    void siteToSiteNeedsAPsk() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class,
                () -> Site2SiteVpnCfgCommand.builder(router(), IpAddress.parse("203.0.113.30"), IpAddress.parse("203.0.113.1"),
                        Cidr.parse("172.16.0.0/16"), IpAddress.parse("198.51.100.7")).policies("aes128-sha1", "aes128-sha1").build());

        assertThat(error.field()).isEqualTo("ipsec_psk");
    }
}
