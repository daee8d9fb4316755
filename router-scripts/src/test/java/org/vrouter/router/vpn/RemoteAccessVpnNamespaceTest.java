package org.vrouter.router.vpn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.router.converge.ServiceOutcome;
import org.vrouter.router.converge.ServiceResult;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.NamespaceHost;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.TestNamespace;
import org.vrouter.router.service.DirectServiceManager;

/**
 * The L2TP/IPsec server of a router in a namespace, and an IKEv1 client (a charon of its own in another
 * namespace) that authenticates against it with the PSK: the router's IKE SA with the client is
 * established. Users are then added, changed and removed: {@code chap-secrets} follows, and neither
 * xl2tpd nor the client's IKE SA is restarted, so nobody else's session drops.
 *
 * <p>Not covered here: the L2TP/PPP dial-in itself. The test machines' kernel has neither PPP nor L2TP
 * ({@code /dev/ppp} is missing, so pppd cannot run) and no ESP, and strongSwan's userspace ESP
 * ({@code kernel-libipsec}) does only tunnel mode, while L2TP/IPsec uses transport mode: the client's
 * CHILD_SA cannot be installed. The IKE authentication is what the PSK decides, and it is proven.
 */
@Tag("root")
class RemoteAccessVpnNamespaceTest {
    private static final String PSK = "ra-Psk-1";

    @TempDir
    Path root;

    private TestNamespace routerNamespace;
    private TestNamespace clientNamespace;
    private NamespaceHost router;
    private NamespaceHost client;
    private DirectServiceManager routerServices;
    private DirectServiceManager clientServices;
    private VpnRuntime routerRuntime;
    private VpnRuntime clientRuntime;

    @BeforeEach
    void start() throws IOException {
        TestStrongSwan.requireTools();
        routerNamespace = TestNamespace.create(TestStrongSwan.TOOLS);
        clientNamespace = TestNamespace.create();
        for (TestNamespace namespace : List.of(routerNamespace, clientNamespace)) {
            namespace.run("ip", "link", "set", "lo", "up");
        }
        routerNamespace.run("ip", "link", "add", "eth2", "type", "veth", "peer", "name", "eth0", "netns", clientNamespace.name());
        routerNamespace.run("ip", "address", "add", "203.0.113.30/24", "dev", "eth2");
        routerNamespace.run("ip", "link", "set", "eth2", "up");
        clientNamespace.run("ip", "address", "add", "203.0.113.99/24", "dev", "eth0");
        clientNamespace.run("ip", "link", "set", "eth0", "up");
        router = routerNamespace.host(root.resolve("router"));
        client = clientNamespace.host(root.resolve("client"));
        routerServices = new DirectServiceManager(router);
        clientServices = new DirectServiceManager(client);
        routerRuntime = TestStrongSwan.runtime(router);
        clientRuntime = TestStrongSwan.runtime(client);
    }

    @AfterEach
    void stop() throws IOException {
        try {
            if (routerRuntime != null) {
                routerServices.stop(routerRuntime.xl2tpd());
                routerServices.stop(routerRuntime.charon());
            }
            if (clientRuntime != null) {
                clientServices.stop(clientRuntime.charon());
            }
        }
        finally {
            if (clientNamespace != null) {
                clientNamespace.close();
            }
            if (routerNamespace != null) {
                routerNamespace.close();
            }
        }
    }

    @Test
    void aClientAuthenticatesWithThePskAndUserChangesDropNoSession() throws Exception {
        VpnService vpn = new VpnService(router, routerServices, routerRuntime, Set.of());
        ServiceResult first = vpn.apply(bags(List.of(VpnBags.user("alice", "pw-a1"), VpnBags.user("bob", "pw-b1"))));
        assertThat(first.status()).as(first.toString()).isEqualTo(ServiceOutcome.Status.APPLIED);
        assertThat(routerServices.isRunning(routerRuntime.xl2tpd())).isTrue();

        startClient(PSK);

        String sas = awaitEstablished();
        assertThat(sas).contains("L2TP-PSK", "IKEv1", "203.0.113.99");
        String xl2tpd = pid(routerRuntime.xl2tpd().name());

        ServiceResult users = vpn.apply(bags(List.of(VpnBags.user("bob", "pw-b2"), VpnBags.user("carol", "pw-c1"))));

        assertThat(users.status()).isEqualTo(ServiceOutcome.Status.APPLIED);
        assertThat(users.detail()).isEqualTo(L2tpRenderer.CHAP_SECRETS + " written").doesNotContain("pw-");
        assertThat(router.readText(L2tpRenderer.CHAP_SECRETS).orElseThrow()).contains("\"bob\" * \"pw-b2\" *", "\"carol\" * \"pw-c1\" *")
                .doesNotContain("alice", "pw-b1");
        assertThat(pid(routerRuntime.xl2tpd().name())).as("xl2tpd was not restarted").isEqualTo(xl2tpd);
        assertThat(establishedIds(swanctl(router, routerRuntime))).as("the client's IKE SA is untouched")
                .isEqualTo(establishedIds(sas));
        assertThat(router.readText(TestStrongSwan.LOG).orElseThrow()).doesNotContain(PSK);
    }

    @Test
    void aClientWithAnotherPskIsRefused() throws Exception {
        VpnService vpn = new VpnService(router, routerServices, routerRuntime, Set.of());
        assertThat(vpn.apply(bags(List.of(VpnBags.user("alice", "pw-a1")))).status()).isEqualTo(ServiceOutcome.Status.APPLIED);

        startClient("not-" + PSK);

        Thread.sleep(1000);
        assertThat(swanctl(router, routerRuntime)).doesNotContain("ESTABLISHED");
        assertThat(router.readText(TestStrongSwan.LOG).orElseThrow()).as("the attempt reached the router")
                .contains("203.0.113.99 is initiating a Main Mode IKE_SA");
    }

    private static Databags bags(List<org.vrouter.commands.wire.payload.VpnUser> users) {
        return VpnBags.bags(List.of(), List.of(VpnBags.server("203.0.113.30", PSK)), users);
    }

    /** The client: IKEv1 with the PSK, L2TP's transport-mode child, as a Windows or Linux client asks for it. */
    private void startClient(String psk) throws IOException {
        client.writeText("/etc/swanctl/swanctl.conf", """
                connections {
                    l2tp {
                        version = 1
                        local_addrs = 203.0.113.99
                        remote_addrs = 203.0.113.30
                        proposals = aes128-sha1-modp2048
                        local {
                            auth = psk
                            id = 203.0.113.99
                        }
                        remote {
                            auth = psk
                            id = 203.0.113.30
                        }
                        children {
                            l2tp {
                                mode = transport
                                local_ts = dynamic[udp/1701]
                                remote_ts = dynamic[udp/1701]
                                esp_proposals = aes128-sha1
                            }
                        }
                    }
                }
                secrets {
                    ike-l2tp {
                        secret = "%s"
                    }
                }
                """.formatted(psk), FileMode.SECRET);
        clientServices.start(clientRuntime.charon());
        new StrongSwanControl(client, clientRuntime).awaitReady();
        client.run(ProgramCall.of(clientRuntime.swanctl("--load-all", "--noprompt", "--file",
                client.resolve("/etc/swanctl/swanctl.conf").toString()))).requireSuccess();
        // the CHILD_SA cannot be installed with kernel-libipsec (transport mode): only the IKE SA counts
        client.run(ProgramCall.of(clientRuntime.swanctl("--initiate", "--child", "l2tp", "--timeout", "5"))
                .withTimeout(Duration.ofSeconds(15)));
    }

    private String awaitEstablished() throws IOException, InterruptedException {
        String sas = "";
        for (int attempt = 0; attempt < 50 && !sas.contains("ESTABLISHED"); attempt++) {
            sas = swanctl(router, routerRuntime);
            Thread.sleep(200);
        }
        assertThat(sas).as("the router's SAs").contains("ESTABLISHED");
        return sas;
    }

    private static String swanctl(NamespaceHost host, VpnRuntime runtime) throws IOException {
        return host.run(ProgramCall.of(runtime.swanctl("--list-sas"))).requireSuccess().stdout();
    }

    private static List<String> establishedIds(String listing) {
        return listing.lines().filter(line -> line.contains("ESTABLISHED")).map(line -> line.replaceAll(",.*", "")).toList();
    }

    private String pid(String daemon) throws IOException {
        return router.readText(DirectServiceManager.PID_DIRECTORY + "/" + daemon + ".pid").orElseThrow().trim();
    }
}
