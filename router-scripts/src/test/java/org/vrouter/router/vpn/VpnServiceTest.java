package org.vrouter.router.vpn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.router.converge.ServiceOutcome;
import org.vrouter.router.converge.ServiceRendering;
import org.vrouter.router.converge.ServiceResult;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.host.DryRunHost;
import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.ProgramResult;
import org.vrouter.router.host.ScriptedHost;
import org.vrouter.router.service.SystemdServiceManager;

/** The VPN service's decisions against a scripted host: what it writes, starts, loads and takes down. */
class VpnServiceTest {
    private static final String SECRET = "Very-Secret-psk";

    @TempDir
    Path root;

    private ScriptedHost host;
    private final ScriptedSystemd systemd = new ScriptedSystemd();
    private VpnService service;

    @BeforeEach
    void scriptedSystemd() {
        host = new ScriptedHost(root).answering(systemd::answer);
        service = new VpnService(host, new SystemdServiceManager(host), VpnRuntime.standard(host), Set.of());
    }

    @Test
    void aFirstPeerStartsCharonLoadsAndInitiatesWritingTheKeyRootOnly() throws IOException {
        ServiceResult result = service.apply(peer(SECRET, false));

        assertThat(result.status()).isEqualTo(ServiceOutcome.Status.APPLIED);
        assertThat(host.commandLines()).contains("systemctl start strongswan-starter",
                "/usr/sbin/swanctl --load-all --noprompt --file " + root + "/etc/swanctl/swanctl.conf",
                "/usr/sbin/swanctl --initiate --ike vpn-198-51-100-7 --child vpn-198-51-100-7 --timeout 1");
        Path secrets = root.resolve("etc/swanctl/conf.d/vrouter-vpn-198-51-100-7-secrets.conf");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rw-------");
        assertThat(result.toString()).doesNotContain(SECRET);
        assertThat(String.join("\n", host.commandLines())).doesNotContain(SECRET);
    }

    @Test
    void anUnchangedConvergeRunsNoSwanctl() throws IOException {
        service.apply(peer(SECRET, false));
        host.clearCalls();

        ServiceResult again = service.apply(peer(SECRET, false));

        assertThat(again.status()).isEqualTo(ServiceOutcome.Status.UNCHANGED);
        assertThat(host.commandLines()).noneMatch(line -> line.contains("swanctl"));
    }

    @Test
    void aNewKeyReloadsAndRenegotiatesThatPeerOnly() throws IOException {
        service.apply(peer(SECRET, false));
        host.clearCalls();

        ServiceResult result = service.apply(peer("another-Key", false));

        assertThat(result.detail()).contains("vrouter-vpn-198-51-100-7-secrets.conf written").doesNotContain("another-Key");
        assertThat(host.commandLines()).containsSubsequence("/usr/sbin/swanctl --load-all --noprompt --file " + root
                + "/etc/swanctl/swanctl.conf", "/usr/sbin/swanctl --terminate --ike vpn-198-51-100-7 --timeout 1",
                "/usr/sbin/swanctl --initiate --ike vpn-198-51-100-7 --child vpn-198-51-100-7 --timeout 1");
    }

    @Test
    void aConfigurationCharonRefusesIsRolledBackAndFails() throws IOException {
        service.apply(peer(SECRET, false));
        byte[] conf = Files.readAllBytes(root.resolve("etc/swanctl/conf.d/vrouter-vpn-198-51-100-7.conf"));
        int[] loads = {0};
        host.answering(call -> call.argv().contains("--load-all") && loads[0]++ == 0
                ? new ProgramResult(call.argv(), 0, "loading connection 'vpn-198-51-100-7' failed: invalid value\n", "")
                : systemd.answer(call));

        assertThatThrownBy(() -> service.apply(VpnBags.bags(List.of(VpnBags.peer("203.0.113.30", "172.16.0.0/16", "198.51.100.7",
                "10.0.0.0/24", "aes256-sha1;modp2048", "aes128-sha1", "new-Key")), List.of(), List.of())))
                .hasMessageContaining("loading connection 'vpn-198-51-100-7' failed").hasMessageNotContaining("new-Key");

        assertThat(Files.readAllBytes(root.resolve("etc/swanctl/conf.d/vrouter-vpn-198-51-100-7.conf"))).isEqualTo(conf);
        assertThat(Files.readString(root.resolve("etc/swanctl/conf.d/vrouter-vpn-198-51-100-7-secrets.conf"))).contains(hex(SECRET));
        Path secrets = root.resolve("etc/swanctl/conf.d/vrouter-vpn-198-51-100-7-secrets.conf");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rw-------");
        assertThat(loads[0]).as("the previous configuration loaded again").isEqualTo(2);
    }

    @Test
    void aPassivePeerIsNeverInitiated() throws IOException {
        service.apply(peer(SECRET, true));

        assertThat(host.commandLines()).noneMatch(line -> line.contains("--initiate"));
    }

    @Test
    void aRemovedPeerIsTakenDownAndTheLastOneStopsCharon() throws IOException {
        service.apply(peer(SECRET, false));
        host.clearCalls();

        ServiceResult result = service.apply(Databags.empty());

        assertThat(result.status()).isEqualTo(ServiceOutcome.Status.APPLIED);
        assertThat(host.commandLines()).contains("systemctl stop strongswan-starter");
        assertThat(host.list(SwanctlRenderer.CONF_DIR)).isEmpty();
        assertThat(host.exists(SwanctlRenderer.SWANCTL_CONF)).isFalse();
    }

    @Test
    void removingOnePeerOfTwoTerminatesItsSas() throws IOException {
        service.apply(VpnBags.bags(List.of(payload(SECRET, false), VpnBags.peer("203.0.113.30", "172.16.0.0/16", "192.0.2.9", "10.9.0.0/16",
                "aes128-sha1;modp1024", "aes128-sha1", "k2")), List.of(), List.of()));
        host.clearCalls();

        service.apply(peer(SECRET, false));

        assertThat(host.commandLines()).containsSubsequence("/usr/sbin/swanctl --load-all --noprompt --file " + root
                + "/etc/swanctl/swanctl.conf", "/usr/sbin/swanctl --terminate --ike vpn-192-0-2-9 --timeout 1");
        assertThat(host.commandLines()).noneMatch(line -> line.contains("vpn-198-51-100-7"));
    }

    @Test
    void aUserChangeOnlyRewritesChapSecrets() throws IOException {
        service.apply(VpnBags.bags(List.of(), List.of(VpnBags.server("203.0.113.20", SECRET)), List.of(VpnBags.user("alice", "pw-1"))));
        host.clearCalls();

        ServiceResult result = service.apply(VpnBags.bags(List.of(), List.of(VpnBags.server("203.0.113.20", SECRET)),
                List.of(VpnBags.user("alice", "pw-2"), VpnBags.user("bob", "pw-3"))));

        assertThat(result.detail()).isEqualTo("/etc/ppp/chap-secrets written");
        assertThat(host.commandLines()).noneMatch(line -> line.contains("restart") || line.contains("swanctl"));
    }

    @Test
    void removingAUserOrChangingItsPasswordEndsOnlyItsPppLinks() throws IOException {
        service.apply(VpnBags.bags(List.of(), List.of(VpnBags.server("203.0.113.20", SECRET)),
                List.of(VpnBags.user("alice", "pw-1"), VpnBags.user("bob", "pw-2"), VpnBags.user("carol", "pw-3"))));
        host.writeText(PppSessions.DIRECTORY + "/ppp0", "alice 4242\n", FileMode.PUBLIC);
        host.writeText(PppSessions.DIRECTORY + "/ppp1", "bob 4343\n", FileMode.PUBLIC);
        host.writeText(PppSessions.DIRECTORY + "/ppp2", "carol 4444\n", FileMode.PUBLIC);
        host.answering(call -> call.argv().get(0).equals("cat") ? new ProgramResult(call.argv(), 0, "pppd\n", "") : systemd.answer(call));
        host.clearCalls();

        ServiceResult result = service.apply(VpnBags.bags(List.of(), List.of(VpnBags.server("203.0.113.20", SECRET)),
                List.of(VpnBags.user("bob", "pw-2"), VpnBags.user("carol", "pw-new"))));

        assertThat(result.detail()).contains("disconnected alice, carol").doesNotContain("pw-");
        assertThat(host.commandLines()).contains("kill -TERM 4242", "kill -TERM 4444").doesNotContain("kill -TERM 4343")
                .noneMatch(line -> line.contains("restart"));
        assertThat(host.list(PppSessions.DIRECTORY)).containsExactly("ppp1");
    }

    @Test
    void aStaleLinkRecordSignalsNothing() throws IOException {
        service.apply(VpnBags.bags(List.of(), List.of(VpnBags.server("203.0.113.20", SECRET)), List.of(VpnBags.user("alice", "pw-1"))));
        host.writeText(PppSessions.DIRECTORY + "/ppp0", "alice 4242\n", FileMode.PUBLIC);
        host.answering(call -> call.argv().get(0).equals("cat") ? new ProgramResult(call.argv(), 0, "nginx\n", "") : systemd.answer(call));

        service.apply(VpnBags.bags(List.of(), List.of(VpnBags.server("203.0.113.20", SECRET)), List.of()));

        assertThat(host.commandLines()).noneMatch(line -> line.startsWith("kill"));
        assertThat(host.list(PppSessions.DIRECTORY)).isEmpty();
    }

    @Test
    void anUnsupportedPolicyFailsNamingTheEntryAndFieldBeforeTouchingAnything() {
        Databags bags = VpnBags.bags(List.of(VpnBags.peer("203.0.113.30", "172.16.0.0/16", "198.51.100.7", "10.0.0.0/24",
                "blowfish-sha1;modp1536", "aes128-sha1", SECRET)), List.of(), List.of());

        assertThatThrownBy(() -> service.apply(bags)).isInstanceOf(InvalidParameterException.class)
                .satisfies(e -> assertThat(((InvalidParameterException) e).field()).isEqualTo("site2sitevpn[198.51.100.7].ike_policy"))
                .message().doesNotContain(SECRET);
        assertThat(host.calls()).isEmpty();
    }

    @Test
    void theRenderingShowsNoSecretFile() {
        ServiceRendering rendering = service.render(VpnBags.bags(List.of(payload(SECRET, false)), List.of(VpnBags.server("203.0.113.20", SECRET)),
                List.of(VpnBags.user("alice", "pw-alice"))));

        assertThat(rendering.files()).containsKeys(SwanctlRenderer.SWANCTL_CONF, L2tpRenderer.XL2TPD_CONF)
                .doesNotContainKey(L2tpRenderer.CHAP_SECRETS);
        assertThat(rendering.toString()).doesNotContain(SECRET, "pw-alice", hex(SECRET));
        assertThat(rendering.detail()).contains("not shown (secrets)");
    }

    @Test
    void aDryRunLogsNoSecret() throws IOException {
        DryRunHost dryRun = new DryRunHost(root.resolve("dry"));
        VpnService dry = new VpnService(dryRun, new SystemdServiceManager(dryRun), VpnRuntime.standard(dryRun), Set.of());

        dry.apply(VpnBags.bags(List.of(payload(SECRET, false)), List.of(VpnBags.server("203.0.113.20", SECRET)),
                List.of(VpnBags.user("alice", "pw-alice"))));

        assertThat(dryRun.readText(DryRunHost.LOG_PATH).orElseThrow()).contains("swanctl").doesNotContain(SECRET, "pw-alice", hex(SECRET));
    }

    private static Databags peer(String psk, boolean passive) {
        return VpnBags.bags(List.of(payload(psk, passive)), List.of(), List.of());
    }

    private static org.vrouter.commands.wire.payload.Site2SiteVpnPayload payload(String psk, boolean passive) {
        return VpnBags.passive(VpnBags.peer("203.0.113.30", "172.16.0.0/16", "198.51.100.7", "10.0.0.0/24", "aes128-sha1;modp1536",
                "aes128-sha1", psk), passive);
    }

    private static String hex(String text) {
        return java.util.HexFormat.of().formatHex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
