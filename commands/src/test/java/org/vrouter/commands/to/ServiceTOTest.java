package org.vrouter.commands.to;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.secret.Secret;

class ServiceTOTest {
    @Test
    void derivesDuidLlFromTheMac() {
        DhcpEntryTO entry = DhcpEntryTO.builder(MacAddress.parse("02:00:4C:5F:00:01"), "vm-1")
                .ipv4(IpAddress.parse("10.1.1.23"))
                .build();

        assertThat(entry.ipv6Duid()).isEqualTo("00:03:00:01:02:00:4c:5f:00:01");
        assertThat(entry.defaultEntry()).isTrue();
        assertThat(entry.leaseTimeSeconds()).isZero();
    }

    @Test
    void keepsAnExplicitDuidInLowerCase() {
        DhcpEntryTO entry = DhcpEntryTO.builder(MacAddress.parse("02:00:4c:5f:00:01"), "vm-1")
                .ipv6(IpAddress.parse("fd00::23"))
                .ipv6Duid("00:01:00:01:2A:BB:CC:DD:02:00:4C:5F:00:01")
                .build();

        assertThat(entry.ipv6Duid()).isEqualTo("00:01:00:01:2a:bb:cc:dd:02:00:4c:5f:00:01");
    }

    @Test
    void rejectsDhcpHostNameWithComma() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class, () -> DhcpEntryTO.builder(MacAddress.parse("02:00:4c:5f:00:01"), "vm,1")
                .ipv4(IpAddress.parse("10.1.1.23")).build());

        assertThat(error.field()).isEqualTo("host_name");
    }

    @Test
    void rejectsDhcpHostNameWithNewline() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class, () -> DhcpEntryTO.builder(MacAddress.parse("02:00:4c:5f:00:01"), "vm\n1")
                .ipv4(IpAddress.parse("10.1.1.23")).build());

        assertThat(error.field()).isEqualTo("host_name");
        assertThat(error.getMessage()).doesNotContain("\n");
    }

    @Test
    void rejectsDhcpEntryWithoutAnyAddress() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class, () -> DhcpEntryTO.builder(MacAddress.parse("02:00:4c:5f:00:01"), "vm-1")
                .build());

        assertThat(error.field()).isEqualTo("ipv4_address");
    }

    @Test
    void rejectsBadMac() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class, () -> MacAddress.parse("mac_address", "02:00:4c:5f:00"));

        assertThat(error.field()).isEqualTo("mac_address");
    }

    @Test
    void rendersMonitorConfigurationSegment() {
        MonitorServiceTO ssh = new MonitorServiceTO("ssh", "sshd", "ssh", "/etc/init.d/ssh", "/var/run/sshd.pid", true);

        assertThat(ssh.configurationSegment()).isEqualTo("[ssh]:processname=sshd:servicename=ssh:pidfile=/var/run/sshd.pid:,");
    }

    @Test
    void rejectsMonitorNamesThatBreakTheEncoding() {
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class, () -> new MonitorServiceTO("ssh]:x", "sshd", "ssh", "/etc/init.d/ssh", "/var/run/sshd.pid", true));

        assertThat(error.field()).isEqualTo("service");
    }

    @Test
    void normalisesStaticRouteNetwork() {
        StaticRouteTO route = StaticRouteTO.of(Cidr.parse("192.168.50.7/24"), IpAddress.parse("10.0.1.254"), IpAddress.parse("10.0.1.1"));

        assertThat(route.network()).isEqualTo(Cidr.parse("192.168.50.0/24"));
        assertThat(route.revoked().revoke()).isTrue();
    }

    @Test
    void vpnUserNeverPrintsItsPassword() {
        VpnUserTO user = VpnUserTO.add("alice", Secret.of("pw-s3cret"));

        assertThat(user.toString()).contains("alice").doesNotContain("pw-s3cret");
    }

    @Test
    void rejectsVpnUserNameWithSpaceAndPasswordWithQuote() {
        assertThat(catchThrowableOfType(InvalidParameterException.class, () -> VpnUserTO.add("al ice", Secret.of("pw"))).field())
                .isEqualTo("user");
        InvalidParameterException error = catchThrowableOfType(InvalidParameterException.class, () -> VpnUserTO.add("alice", Secret.of("p\"w")));
        assertThat(error.field()).isEqualTo("password");
        assertThat(error.getMessage()).doesNotContain("p\"w");
    }

    @Test
    void userDataNeverPrintsItsContents() {
        VmDataEntry userData = VmDataEntry.userData("user-data", "I2Nsb3VkLWNvbmZpZwo=");
        VmDataEntry metadata = VmDataEntry.metadata("local-ipv4", "10.1.1.23");

        assertThat(userData.toString()).isEqualTo("[userdata, user-data, ****]");
        assertThat(metadata.toString()).isEqualTo("[metadata, local-ipv4, 10.1.1.23]");
    }

    @Test
    void rejectsUserDataThatIsNotBase64AndPathLikeFileNames() {
        assertThat(catchThrowableOfType(InvalidParameterException.class, () -> VmDataEntry.userData("user-data", "#cloud-config")).field())
                .isEqualTo("vm_metadata.user-data");
        assertThat(catchThrowableOfType(InvalidParameterException.class, () -> VmDataEntry.metadata("../etc", "x")).field())
                .isEqualTo("vm_metadata.file");
    }
}
