package org.vrouter.testkit.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.IpRange;
import org.vrouter.api.network.Network;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.vpn.RemoteAccessVpn;
import org.vrouter.api.vpn.VpnUser;
import org.vrouter.testkit.fixture.TestCloud;
import org.vrouter.testkit.simulator.SimulatedRouter;

/**
 * Remote-access VPN from the element to the router's files, in one JVM: the element starts the VPN with a
 * user, changes the users, stops it; the simulator runs the real router side (on a dry-run host), so the
 * swanctl, xl2tpd and chap-secrets files and the firewall's openings are the ones a router would get, and
 * neither the PSK nor a password reaches the router's log.
 */
class RemoteAccessVpnEndToEndTest {
    private static final String PSK = "ra-Psk-e2e";
    private static final String CHAP_SECRETS = "/etc/ppp/chap-secrets";

    @TempDir
    Path work;

    private SimulatedVrouter vrouter;
    private IsolatedNetworkScenario scenario;

    @BeforeEach
    void start() {
        vrouter = SimulatedVrouter.start(TestCloud.advanced(), work);
        scenario = new IsolatedNetworkScenario(vrouter);
        scenario.steps().get(0).run();
    }

    @AfterEach
    void close() {
        vrouter.close();
    }

    @Test
    void theElementsVpnReachesTheRoutersFilesAndUserChangesFollow() {
        Network network = scenario.network().network();
        IpAddress server = scenario.network().sourceNatIp().address();
        RemoteAccessVpn vpn = RemoteAccessVpn.forNetwork(1, network.id(), server, IpRange.parse("ip_range", "10.99.2.1-10.99.2.8"),
                Secret.of(PSK), network.gateway().orElseThrow(), network.cidr().orElseThrow().network());

        vrouter.element().startVpn(vpn, List.of(VpnUser.of("alice", Secret.of("pw-alice"))));

        SimulatedRouter router = vrouter.simulated(vrouter.router(scenario.network()));
        assertThat(vrouter.agents().failures()).isEmpty();
        assertThat(router.file("/etc/swanctl/conf.d/vrouter-l2tp.conf")).contains("local_addrs = " + server, "mode = transport");
        assertThat(router.file("/etc/xl2tpd/xl2tpd.conf")).contains("ip range = 10.99.2.1-10.99.2.8");
        assertThat(router.file(CHAP_SECRETS)).contains("\"alice\" * \"pw-alice\" *");
        assertThat(router.file("/etc/iptables/rules.v4")).contains("-d " + server + "/32 -i eth2 -p udp -m policy --dir in --pol ipsec -m udp --dport 1701 -j ACCEPT");
        assertThat(router.programsRun()).anyMatch(line -> line.contains("swanctl --load-all"));

        vrouter.element().applyVpnUsers(vpn, List.of(new VpnUser("alice", Secret.of("pw-alice"), VpnUser.State.REVOKE),
                VpnUser.of("bob", Secret.of("pw-bob"))));

        assertThat(router.file(CHAP_SECRETS)).contains("\"bob\" * \"pw-bob\" *").doesNotContain("alice");

        vrouter.element().stopVpn(vpn);

        assertThat(router.readFile("/etc/swanctl/conf.d/vrouter-l2tp.conf")).isEmpty();
        assertThat(router.readFile(CHAP_SECRETS)).isEmpty();
        assertThat(String.join("\n", router.programsRun())).doesNotContain(PSK, "pw-alice", "pw-bob");
    }
}
