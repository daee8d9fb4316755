package org.vrouter.router.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.api.net.IpAddress;
import org.vrouter.api.secret.Secret;
import org.vrouter.commands.wire.payload.VmMetadataEntry;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.databag.VmDataBag;
import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.NamespaceHost;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.ProgramResult;
import org.vrouter.router.host.TestNamespace;
import org.vrouter.router.service.Daemon;
import org.vrouter.router.service.DirectServiceManager;

/**
 * The metadata server for real: started as a daemon by the direct service manager inside a router
 * namespace (guest address 10.1.1.1 on one end of a veth pair), asked with curl from a VM namespace on
 * the other end, once as the VM that has data (10.1.1.23) and once from an address the router holds
 * nothing for (10.1.1.24, on the same link).
 */
@Tag("root")
class MetadataNamespaceTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ROUTER = "10.1.1.1";
    private static final String VM = "10.1.1.23";
    private static final String OTHER = "10.1.1.24";

    @TempDir
    Path root;

    private TestNamespace router;
    private TestNamespace vm;
    private DirectServiceManager services;
    private Daemon daemon;

    @BeforeEach
    void startNamespaces() throws IOException {
        router = TestNamespace.create("curl", "start-stop-daemon");
        vm = TestNamespace.create("curl");
        router.run("ip", "link", "set", "lo", "up");
        vm.run("ip", "link", "set", "lo", "up");
        router.run("ip", "link", "add", "eth0", "type", "veth", "peer", "name", "vm0");
        router.run("ip", "link", "set", "vm0", "netns", vm.name());
        router.run("ip", "address", "add", ROUTER + "/24", "dev", "eth0");
        router.run("ip", "link", "set", "eth0", "up");
        vm.run("ip", "address", "add", VM + "/24", "dev", "vm0");
        vm.run("ip", "address", "add", OTHER + "/24", "dev", "vm0");
        vm.run("ip", "link", "set", "vm0", "up");
        NamespaceHost host = router.host(root);
        services = new DirectServiceManager(host);
        daemon = MetadataServerService.daemon(host);

        String userData = Base64.getEncoder().encodeToString("#cloud-config\nhostname: vm-1\n".getBytes(StandardCharsets.UTF_8));
        new VmDataApplier(host).apply(VmDataInputs.from(Databags.empty().with(new VmDataBag(Map.of(IpAddress.parse(VM), List.of(
                VmMetadataEntry.of("userdata", "user-data", userData), VmMetadataEntry.metadata("instance-id", "i-1")))))));
        new VmPasswordApplier(host).apply(Map.of(IpAddress.parse(VM), Secret.of("p4ssw0rd")));
        host.writeText(MetadataPaths.SERVER_CONFIG, MetadataServerConfig.on(List.of(IpAddress.parse(ROUTER))).text(), FileMode.PUBLIC);
        services.start(daemon);
    }

    @AfterEach
    void stopNamespaces() throws IOException {
        try {
            if (services != null) {
                services.stop(daemon);
            }
        }
        finally {
            try {
                if (vm != null) {
                    vm.close();
                }
            }
            finally {
                if (router != null) {
                    router.close();
                }
            }
        }
    }

    @Test
    void servesTheVmItsDataAndPasswordOverTheGuestLinkAndAnotherAddressNothing() throws Exception {
        assertThat(awaitServing()).isEqualTo("200 i-1");

        assertThat(curl(VM, "http://" + ROUTER + "/latest/user-data")).isEqualTo("200 #cloud-config\nhostname: vm-1\n");
        assertThat(curl(VM, "http://" + ROUTER + "/latest/meta-data/")).isEqualTo("200 instance-id\n");
        assertThat(curl(OTHER, "http://" + ROUTER + "/latest/meta-data/instance-id")).isEqualTo("404 Not Found\n");
        assertThat(curl(OTHER, "http://" + ROUTER + ":8080/", "DomU_Request: send_my_password")).isEqualTo("200 saved_password");
        assertThat(curl(VM, "http://" + ROUTER + ":8080/", "DomU_Request: send_my_password")).isEqualTo("200 p4ssw0rd");
        assertThat(curl(VM, "http://" + ROUTER + ":8080/", "DomU_Request: send_my_password")).isEqualTo("200 saved_password");
        assertThat(curl(VM, "http://" + ROUTER + ":8080/", "DomU_Request: saved_password")).isEqualTo("200 saved_password");
        assertThat(root.resolve("var/log/vrouter/" + MetadataServerService.DAEMON_NAME + ".log")).content().doesNotContain("p4ssw0rd");
    }

    /** The first answer once the daemon's JVM is up and has bound its listeners. */
    private String awaitServing() throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            String answer = curl(VM, "http://" + ROUTER + "/latest/instance-id");
            if (!answer.startsWith("000") || System.nanoTime() > deadline) {
                return answer;
            }
            Thread.sleep(200);
        }
    }

    /** {@code <status> <body>} of a request from {@code source} inside the VM namespace; {@code 000} when nothing answered. */
    private String curl(String source, String url, String... headers) throws IOException {
        List<String> argv = new ArrayList<>(List.of("curl", "-s", "--max-time", "5", "--interface", source, "-w", " %{http_code}"));
        for (String header : headers) {
            argv.addAll(List.of("-H", header));
        }
        argv.add(url);
        ProgramResult result = vm.host(root).run(ProgramCall.of(argv).withTimeout(Duration.ofSeconds(10)));
        String out = result.stdout();
        int split = out.lastIndexOf(' ');
        return out.substring(split + 1) + " " + out.substring(0, split);
    }
}
