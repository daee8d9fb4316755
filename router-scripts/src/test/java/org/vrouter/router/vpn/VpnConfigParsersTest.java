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
import org.vrouter.router.host.NamespaceHost;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.TestNamespace;
import org.vrouter.router.service.DirectServiceManager;

/**
 * The rendered configuration through strongSwan's and xl2tpd's own parsers: a charon of the test's own
 * (in a namespace, see {@link TestStrongSwan}) loads every connection and secret with {@code swanctl
 * --load-all}, for every policy CloudStack offers, IKEv1 and IKEv2, split and DPD; xl2tpd starts on its
 * rendered configuration and stays up.
 */
@Tag("root")
class VpnConfigParsersTest {
    @TempDir
    Path root;

    private TestNamespace namespace;
    private NamespaceHost host;
    private DirectServiceManager services;
    private VpnRuntime runtime;

    @BeforeEach
    void startNamespace() throws IOException {
        TestStrongSwan.requireTools();
        namespace = TestNamespace.create(TestStrongSwan.TOOLS);
        namespace.run("ip", "link", "set", "lo", "up");
        namespace.run("ip", "link", "add", "eth2", "type", "veth", "peer", "name", "upstream0");
        namespace.run("ip", "link", "set", "upstream0", "up");
        namespace.run("ip", "address", "add", "203.0.113.30/24", "dev", "eth2");
        namespace.run("ip", "link", "set", "eth2", "up");
        host = namespace.host(root);
        services = new DirectServiceManager(host);
        runtime = TestStrongSwan.runtime(host);
    }

    @AfterEach
    void stop() throws IOException {
        if (namespace == null) {
            return;
        }
        try {
            if (runtime != null) {
                services.stop(runtime.xl2tpd());
                services.stop(runtime.charon());
            }
        }
        finally {
            namespace.close();
        }
    }

    @Test
    void charonLoadsEveryRenderedConnectionAndSecretAndXl2tpdStarts() throws IOException {
        VpnService service = new VpnService(host, services, runtime, Set.of());

        ServiceResult result = service.apply(VpnBags.bags(List.of(
                VpnBags.peer("203.0.113.30", "10.1.1.0/24", "198.51.100.7", "10.0.0.0/24,10.0.1.0/24", "aes128-sha1;modp1536", "aes128-sha1",
                        "s3cret", "ike", false, false),
                VpnBags.peer("203.0.113.30", "10.1.1.0/24", "198.51.100.8", "10.8.0.0/24,10.9.0.0/24", "3des-md5,aes256-sha512;modp8192",
                        "aes192-sha256;modp2048", "0xnot-hex", "ikev1", true, false),
                VpnBags.peer("203.0.113.30", "10.1.1.0/24", "198.51.100.9", "10.10.0.0/24,10.11.0.0/24", "aes256-sha384;modp1024",
                        "aes256-sha1", "k#y=with;odd\u00e9chars", "ikev2", true, true)),
                List.of(VpnBags.server("203.0.113.30", "ra-psk")), List.of(VpnBags.user("alice", "pw1"), VpnBags.user("bob", "#pw2"))));

        assertThat(result.status()).as(result.toString()).isEqualTo(ServiceOutcome.Status.APPLIED);
        String conns = swanctl("--list-conns");
        assertThat(conns).contains("vpn-198-51-100-7:", "vpn-198-51-100-8:", "vpn-198-51-100-9:", "L2TP-PSK:")
                .contains("vpn-198-51-100-8-1:", "vpn-198-51-100-9-1:").contains("IKEv1", "IKEv2");
        assertThat(charonLog()).contains("loaded IKE shared key").doesNotContain("s3cret", "ra-psk");
        assertThat(services.isRunning(runtime.xl2tpd())).isTrue();
        sleep(Duration.ofMillis(500));
        assertThat(services.isRunning(runtime.xl2tpd())).as("xl2tpd rejected its configuration").isTrue();
    }

    @Test
    void everyGoldenCaseLoads() throws IOException {
        VpnService service = new VpnService(host, services, runtime, Set.of());
        for (String name : List.of("one-peer", "ikev1-split-dpd", "remote-access")) {
            ServiceResult result = service.apply(VpnRendererTest.bags(name));

            assertThat(result.status()).as(name + ": " + result).isEqualTo(ServiceOutcome.Status.APPLIED);
            String conns = swanctl("--list-conns");
            VpnInputs.from(VpnRendererTest.bags(name)).input().peers()
                    .forEach(peer -> assertThat(conns).as(name).contains(peer.connectionName() + ":"));
        }
        assertThat(swanctl("--list-conns")).contains("L2TP-PSK:").doesNotContain("vpn-");
    }

    private String swanctl(String command) throws IOException {
        return host.run(ProgramCall.of(runtime.swanctl(command))).requireSuccess().stdout();
    }

    private String charonLog() throws IOException {
        return host.readText(TestStrongSwan.LOG).orElse("");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
