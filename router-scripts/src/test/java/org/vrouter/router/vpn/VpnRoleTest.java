package org.vrouter.router.vpn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.api.router.RedundantState;
import org.vrouter.commands.wire.payload.Site2SiteVpnPayload;
import org.vrouter.router.converge.RouterConvergers;
import org.vrouter.router.converge.ServiceConverger;
import org.vrouter.router.converge.ServiceOutcome;
import org.vrouter.router.converge.ServiceResult;
import org.vrouter.router.databag.CmdLineBag;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.ScriptedHost;
import org.vrouter.router.redundancy.RedundancyPaths;
import org.vrouter.router.service.SystemdServiceManager;

/**
 * The VPN of a redundant router follows its VRRP role ({@link VpnRole}): what {@link VpnService} renders and
 * which programs it runs as the recorded state changes, against a scripted host whose systemd units run once
 * started.
 */
class VpnRoleTest {
    private static final String ACTIVE_PEER = "vpn-198-51-100-7";
    private static final String PASSIVE_PEER = "vpn-192-0-2-9";

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
    void aBackupLoadsItsPeersWithoutStartActionTakesDownTheirSasAndInitiatesNothing() throws IOException {
        ServiceResult result = service.apply(redundant("BACKUP"));

        assertThat(result.detail()).contains("standby (redundant, not PRIMARY): took down " + PASSIVE_PEER + ", " + ACTIVE_PEER);
        assertThat(programs()).contains("/usr/sbin/swanctl --load-all --noprompt --file " + root + "/etc/swanctl/swanctl.conf",
                "/usr/sbin/swanctl --terminate --ike " + ACTIVE_PEER + " --timeout 1").noneMatch(line -> line.contains("--initiate"));
        assertThat(file(SwanctlRenderer.peerConf(VpnInputs.peer(peer(true))))).contains("start_action = none").doesNotContain("trap");
        assertThat(file(SwanctlRenderer.SWANCTL_CONF)).contains(SwanctlRenderer.STANDBY_NOTE);
    }

    @Test
    void anUnchangedBackupConvergeRunsNoSwanctl() throws IOException {
        service.apply(redundant("BACKUP"));
        clearPrograms();

        assertThat(service.apply(redundant("BACKUP")).status()).isEqualTo(ServiceOutcome.Status.UNCHANGED);
        assertThat(programs()).noneMatch(line -> line.contains("swanctl"));
    }

    @Test
    void aPromotionLoadsAndInitiatesTheNonPassivePeersWithoutTouchingADaemon() throws IOException {
        service.apply(redundant("BACKUP"));
        record(RedundantState.PRIMARY);
        clearPrograms();

        ServiceResult result = service.apply(redundant("PRIMARY"));

        assertThat(result.detail()).contains("initiating " + ACTIVE_PEER).doesNotContain(PASSIVE_PEER + ",", "standby");
        assertThat(programs()).containsSubsequence("/usr/sbin/swanctl --load-all --noprompt --file " + root + "/etc/swanctl/swanctl.conf",
                "/usr/sbin/swanctl --initiate --ike " + ACTIVE_PEER + " --child " + ACTIVE_PEER + " --timeout 1")
                .noneMatch(line -> line.contains("--terminate") || line.contains("--initiate --ike " + PASSIVE_PEER))
                .noneMatch(line -> line.startsWith("systemctl start") || line.startsWith("systemctl restart") || line.startsWith("systemctl stop"));
        assertThat(file(SwanctlRenderer.peerConf(VpnInputs.peer(peer(true))))).contains("start_action = trap");
        assertThat(file(SwanctlRenderer.SWANCTL_CONF)).doesNotContain(SwanctlRenderer.STANDBY_NOTE);
    }

    @Test
    void aDemotionTakesDownEverySaPassivePeersAndRemoteAccessIncludedAndRestartsNothing() throws IOException {
        record(RedundantState.PRIMARY);
        service.apply(withRemoteAccess(redundant("PRIMARY")));
        host.writeText(PppSessions.DIRECTORY + "/ppp0", "alice 4242\n", FileMode.PUBLIC);
        record(RedundantState.FAULT);
        clearPrograms();

        ServiceResult result = service.apply(withRemoteAccess(redundant("FAULT")));

        assertThat(programs()).contains("/usr/sbin/swanctl --terminate --ike " + ACTIVE_PEER + " --timeout 1",
                "/usr/sbin/swanctl --terminate --ike " + PASSIVE_PEER + " --timeout 1",
                "/usr/sbin/swanctl --terminate --ike " + RemoteAccessServer.CONNECTION + " --timeout 1")
                .noneMatch(line -> line.contains("--initiate") || line.contains("restart"));
        assertThat(result.detail()).contains("took down " + RemoteAccessServer.CONNECTION);
        assertThat(host.list(PppSessions.DIRECTORY)).as("the PPP link records of a standby").isEmpty();
    }

    @Test
    void theConvergeGoesByTheRecordedStateWhenTheBagsLagBehind() throws IOException {
        // boot arguments merged again on a running PRIMARY say BACKUP until the redundancy service puts the bag right
        record(RedundantState.PRIMARY);

        service.apply(redundant("BACKUP"));

        assertThat(programs()).anyMatch(line -> line.contains("--initiate --ike " + ACTIVE_PEER)).noneMatch(line -> line.contains("--terminate"));
    }

    @Test
    void aRouterThatIsNotRedundantAlwaysServes() throws IOException {
        record(RedundantState.BACKUP);

        service.apply(peers());

        assertThat(programs()).anyMatch(line -> line.contains("--initiate --ike " + ACTIVE_PEER));
        assertThat(VpnRole.ofBags(peers())).isEqualTo(VpnRole.ACTIVE);
    }

    @Test
    void theRenderingShowsTheRoleTheBagsRecord() {
        assertThat(service.render(redundant("BACKUP")).files().get(SwanctlRenderer.peerConf(VpnInputs.peer(peer(true))))).contains("start_action = none");
        assertThat(service.render(redundant("MASTER")).files().get(SwanctlRenderer.peerConf(VpnInputs.peer(peer(true))))).contains("start_action = trap");
        assertThat(VpnRole.of(true, RedundantState.UNKNOWN)).isEqualTo(VpnRole.STANDBY);
    }

    @Test
    void theVpnIsTheServiceATransitionAppliesAgain() {
        List<ServiceConverger> followers = RouterConvergers.standard(host, new SystemdServiceManager(host), Clock.systemUTC())
                .redundantStateFollowers();

        assertThat(followers).extracting(ServiceConverger::name).containsExactly(VpnService.NAME);
    }

    /** A non-passive and a passive peer. */
    private static Databags peers() {
        return VpnBags.bags(List.of(peer(true), peer(false)), List.of(), List.of());
    }

    private static Databags redundant(String state) {
        return peers().with(new CmdLineBag(Map.of("type", "router", "redundant_router", "true", "redundant_state", state)));
    }

    private static Databags withRemoteAccess(Databags bags) {
        Databags server = VpnBags.bags(List.of(peer(true), peer(false)), List.of(VpnBags.server("203.0.113.30", "ra-Key")),
                List.of(VpnBags.user("alice", "pw-1")));
        return server.with(bags.cmdLine());
    }

    private static Site2SiteVpnPayload peer(boolean initiating) {
        return initiating
                ? VpnBags.peer("203.0.113.30", "172.16.0.0/16", "198.51.100.7", "10.0.0.0/24", "aes128-sha1;modp1536", "aes128-sha1", "k1")
                : VpnBags.passive(VpnBags.peer("203.0.113.30", "172.16.0.0/16", "192.0.2.9", "10.9.0.0/16", "aes128-sha1;modp1536",
                        "aes128-sha1", "k2"), true);
    }

    private void record(RedundantState state) throws IOException {
        host.writeText(RedundancyPaths.STATE, state.wireName() + "\n", FileMode.PUBLIC);
    }

    private String file(String path) throws IOException {
        return host.readText(path).orElseThrow();
    }

    private List<String> programs() {
        return host.commandLines();
    }

    private void clearPrograms() {
        host.clearCalls();
    }
}
