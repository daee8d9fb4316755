package org.vrouter.router.vpn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.api.router.RedundantState;
import org.vrouter.commands.wire.payload.Site2SiteVpnPayload;
import org.vrouter.router.converge.ServiceOutcome;
import org.vrouter.router.databag.CmdLineBag;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.NamespaceHost;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.TestNamespace;
import org.vrouter.router.redundancy.RedundancyPaths;
import org.vrouter.router.service.DirectServiceManager;

/**
 * Real charon in two namespaces joined by a public link: router A is a member of a redundant pair with a
 * site-to-site peer B (passive, so only A ever initiates). As the VRRP state A records changes, its
 * {@code vpn} service (what a transition applies once the state is recorded) keeps charon running and:
 * standby, loads the connection but neither traps nor initiates it (no SA, however long one waits);
 * PRIMARY, brings the tunnel up; BACKUP again, takes it down and charon does not try again.
 */
@Tag("root")
class RedundantVpnNamespaceTest {
    private static final String PSK = "pair-Key-1";
    private static final String CONNECTION = "vpn-203-0-113-20";

    @TempDir
    Path root;

    private final List<TestNamespace> namespaces = new ArrayList<>();
    private final List<Runnable> stops = new ArrayList<>();

    /** One router's host, service manager, runtime and VPN service. */
    private record Router(NamespaceHost host, DirectServiceManager services, VpnRuntime runtime, VpnService vpn) {
        String swanctl(String... command) throws IOException {
            return host.run(ProgramCall.of(runtime.swanctl(command))).requireSuccess().stdout();
        }

        String charonPid() throws IOException {
            return host.readText(DirectServiceManager.pidFile(runtime.charon())).orElseThrow().strip();
        }
    }

    private Router a;
    private Router b;

    @BeforeEach
    void twoSites() throws IOException {
        TestStrongSwan.requireTools();
        TestNamespace routerA = namespace();
        TestNamespace routerB = namespace();
        routerA.run("ip", "link", "set", "lo", "up");
        routerB.run("ip", "link", "set", "lo", "up");
        routerA.run("ip", "link", "add", "eth1", "type", "veth", "peer", "name", "eth1", "netns", routerB.name());
        routerA.run("ip", "address", "add", "203.0.113.10/24", "dev", "eth1");
        routerA.run("ip", "link", "set", "eth1", "up");
        routerB.run("ip", "address", "add", "203.0.113.20/24", "dev", "eth1");
        routerB.run("ip", "link", "set", "eth1", "up");
        // each side's tier address: the SA's routes need a local address inside its traffic selector
        routerA.run("ip", "address", "add", "10.1.1.1/24", "dev", "lo");
        routerB.run("ip", "address", "add", "10.2.2.1/24", "dev", "lo");
        a = router(routerA, "a");
        b = router(routerB, "b");
    }

    @AfterEach
    void tearDown() throws IOException {
        try {
            stops.forEach(Runnable::run);
        }
        finally {
            for (TestNamespace namespace : namespaces) {
                namespace.close();
            }
        }
    }

    @Test
    void theTunnelFollowsTheVrrpRoleWithCharonRunningThroughout() throws Exception {
        assertThat(b.vpn().apply(peerOfB()).status()).isEqualTo(ServiceOutcome.Status.APPLIED);
        assertThat(a.vpn().apply(redundantA()).status()).as("a fresh member: standby until VRRP speaks").isEqualTo(ServiceOutcome.Status.APPLIED);
        String charon = a.charonPid();

        Thread.sleep(2000);
        assertThat(a.swanctl("--list-sas")).as("a standby initiates nothing").doesNotContain(CONNECTION);
        assertThat(a.swanctl("--list-pols")).as("nor traps traffic").doesNotContain(CONNECTION);
        assertThat(a.swanctl("--list-conns")).as("the connection is loaded, ready").contains(CONNECTION);

        record(RedundantState.PRIMARY);
        assertThat(a.vpn().apply(redundantA()).detail()).contains("initiating " + CONNECTION);
        assertThat(awaitEstablished(a)).as("PRIMARY: the tunnel comes up; %s", logs()).isTrue();

        record(RedundantState.BACKUP);
        assertThat(a.vpn().apply(redundantA()).detail()).contains("took down " + CONNECTION);
        assertThat(a.swanctl("--list-sas")).as("BACKUP: the IKE SA is gone").doesNotContain(CONNECTION);
        Thread.sleep(3000);
        assertThat(a.swanctl("--list-sas")).as("and charon does not try again").doesNotContain(CONNECTION);
        assertThat(a.swanctl("--list-pols")).doesNotContain(CONNECTION);
        assertThat(a.charonPid()).as("charon was never restarted").isEqualTo(charon);
        assertThat(a.services().isRunning(a.runtime().charon())).isTrue();
    }

    /** The end of both charon logs, for a failure message. */
    private String logs() throws IOException {
        StringBuilder out = new StringBuilder();
        for (Router router : List.of(a, b)) {
            List<String> lines = router.host().readText(TestStrongSwan.LOG).orElse("").lines().toList();
            out.append("\n--- ").append(router.host().resolve(TestStrongSwan.LOG)).append('\n')
                    .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
        }
        return out.toString();
    }

    private static boolean awaitEstablished(Router router) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            String sas = router.swanctl("--list-sas");
            if (sas.contains(CONNECTION) && sas.contains("ESTABLISHED") && sas.contains("INSTALLED")) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private void record(RedundantState state) throws IOException {
        a.host().writeText(RedundancyPaths.STATE, state.wireName() + "\n", FileMode.PUBLIC);
    }

    private static Databags redundantA() {
        Site2SiteVpnPayload peer = VpnBags.peer("203.0.113.10", "10.1.0.0/16", "203.0.113.20", "10.2.0.0/16", "aes128-sha1;modp2048",
                "aes128-sha256", PSK, "ikev2", false, false);
        return VpnBags.bags(List.of(peer), List.of(), List.of())
                .with(new CmdLineBag(Map.of("type", "vpcrouter", "redundant_router", "true", "redundant_state", "BACKUP")));
    }

    private static Databags peerOfB() {
        Site2SiteVpnPayload peer = VpnBags.peer("203.0.113.20", "10.2.0.0/16", "203.0.113.10", "10.1.0.0/16", "aes128-sha1;modp2048",
                "aes128-sha256", PSK, "ikev2", false, false);
        return VpnBags.bags(List.of(VpnBags.passive(peer, true)), List.of(), List.of());
    }

    private Router router(TestNamespace namespace, String name) throws IOException {
        NamespaceHost host = namespace.host(root.resolve(name));
        DirectServiceManager services = new DirectServiceManager(host);
        VpnRuntime runtime = TestStrongSwan.runtime(host);
        stops.add(() -> {
            try {
                services.stop(runtime.charon());
            }
            catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return new Router(host, services, runtime, new VpnService(host, services, runtime, Set.of()));
    }

    private TestNamespace namespace() throws IOException {
        TestNamespace namespace = TestNamespace.create();
        namespaces.add(namespace);
        return namespace;
    }
}
