package org.vrouter.router.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.vrouter.api.net.IpAddress;
import org.vrouter.api.secret.Secret;
import org.vrouter.commands.wire.payload.VmMetadataEntry;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.databag.VmDataBag;
import org.vrouter.router.host.LocalHost;
import org.vrouter.router.metadata.SourceBoundClient.Response;

/**
 * The server in this JVM on 127.0.0.1, with VMs 127.0.0.2 and 127.0.0.3 (client sockets bound to those
 * source addresses) and 127.0.0.4 a VM the router holds nothing for.
 */
class MetadataServerTest {
    private static final IpAddress LOOPBACK = IpAddress.parse("127.0.0.1");
    private static final String VM_2 = "127.0.0.2";
    private static final String VM_3 = "127.0.0.3";
    private static final String FOREIGN = "127.0.0.4";
    private static final Map<String, String> SEND = Map.of("DomU_Request", "send_my_password");
    private static final Map<String, String> SAVED = Map.of("DomU_Request", "saved_password");

    @TempDir
    Path root;

    private MetadataServer server;
    private InetSocketAddress metadata;
    private InetSocketAddress passwords;
    private VmPasswordApplier passwordApplier;

    @BeforeEach
    void start() throws IOException {
        LocalHost host = LocalHost.at(root);
        new VmDataApplier(host).apply(VmDataInputs.from(Databags.empty()
                .with(new VmDataBag(Map.of(IpAddress.parse(VM_2), vmData("vm-2"), IpAddress.parse(VM_3), vmData("vm-3"))))));
        passwordApplier = new VmPasswordApplier(host);
        passwordApplier.apply(Map.of(IpAddress.parse(VM_2), Secret.of("pw-of-vm-2")));
        server = new MetadataServer(root);
        Listener metadataListener = new Listener(Listener.Kind.METADATA, LOOPBACK, 0);
        Listener passwordListener = new Listener(Listener.Kind.PASSWORD, LOOPBACK, 0);
        assertThat(server.listen(new MetadataServerConfig(List.of(metadataListener, passwordListener)))).isEmpty();
        metadata = server.boundAddress(metadataListener).orElseThrow();
        passwords = server.boundAddress(passwordListener).orElseThrow();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static List<VmMetadataEntry> vmData(String name) {
        String userData = Base64.getEncoder().encodeToString(("#cloud-config\nhostname: " + name + "\n").getBytes(StandardCharsets.UTF_8));
        return List.of(VmMetadataEntry.of("userdata", "user-data", userData), VmMetadataEntry.metadata("local-hostname", name),
                VmMetadataEntry.metadata("instance-id", "i-" + name), VmMetadataEntry.metadata("public-keys", "ssh-ed25519 AAAA " + name));
    }

    @Test
    void servesEachVmItsOwnUserDataAndMetadataChosenBySourceAddress() throws IOException {
        assertThat(SourceBoundClient.get(VM_2, metadata, "/latest/user-data")).isEqualTo(new Response(200, "#cloud-config\nhostname: vm-2\n"));
        assertThat(SourceBoundClient.get(VM_3, metadata, "/latest/user-data")).isEqualTo(new Response(200, "#cloud-config\nhostname: vm-3\n"));
        assertThat(SourceBoundClient.get(VM_3, metadata, "/latest/meta-data/")).isEqualTo(new Response(200, "local-hostname\ninstance-id\npublic-keys\n"));
        assertThat(SourceBoundClient.get(VM_3, metadata, "/latest/meta-data/instance-id")).isEqualTo(new Response(200, "i-vm-3"));
        assertThat(SourceBoundClient.get(VM_2, metadata, "/latest/meta-data/public-keys")).isEqualTo(new Response(200, "ssh-ed25519 AAAA vm-2"));
    }

    @Test
    void servesCloudStacksOtherSpellingsOfTheSameFiles() throws IOException {
        assertThat(SourceBoundClient.get(VM_2, metadata, "/latest/instance-id")).isEqualTo(new Response(200, "i-vm-2"));
        assertThat(SourceBoundClient.get(VM_2, metadata, "/latest/local-hostname?x=1")).isEqualTo(new Response(200, "vm-2"));
        assertThat(SourceBoundClient.get(VM_2, metadata, "/LATEST/User-Data").status()).isEqualTo(200);
        assertThat(SourceBoundClient.get(VM_2, metadata, "/latest/meta-data").body()).isEqualTo("local-hostname\ninstance-id\npublic-keys\n");
        assertThat(SourceBoundClient.request(VM_2, metadata, "HEAD", "/latest/user-data", Map.of())).isEqualTo(new Response(200, ""));
    }

    @Test
    void aForeignSourceAddressGetsNothing() throws IOException {
        for (String path : List.of("/latest/user-data", "/latest/meta-data/", "/latest/meta-data/instance-id", "/latest/instance-id")) {
            assertThat(SourceBoundClient.get(FOREIGN, metadata, path).status()).as(path).isEqualTo(404);
        }
        assertThat(SourceBoundClient.request(FOREIGN, passwords, "GET", "/", SEND)).isEqualTo(new Response(200, "saved_password"));
        assertThat(SourceBoundClient.request(VM_3, passwords, "GET", "/", SEND)).as("VM 3 has no password").isEqualTo(new Response(200, "saved_password"));
        assertThat(SourceBoundClient.request(VM_2, passwords, "GET", "/", SEND)).as("still there for its VM")
                .isEqualTo(new Response(200, "pw-of-vm-2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/latest/meta-data/../../userdata/127.0.0.3/user-data", "/latest/../userdata/127.0.0.3/user-data",
        "/latest/meta-data/..", "/latest/meta-data/%2e%2e%2f%2e%2e%2fuserdata%2f127.0.0.3%2fuser-data", "/latest/meta-data/..%2fuser-data",
        "/latest/meta-data/.hidden", "/latest/meta-data/local-hostname/", "/latest/meta-data/x/y", "/latest/", "/latest", "/",
        "/latest/meta-data\\..\\user-data", "/../../etc/passwd", "/latest/meta-data//instance-id"})
    void rejectsPathsOutsideTheVmsOwnFiles(String path) throws IOException {
        Files.writeString(root.resolve("var/www/html/metadata/127.0.0.2/.hidden"), "x");

        Response response = SourceBoundClient.get(VM_2, metadata, path);

        assertThat(response.status()).as("404, or 400 for a request line the JDK server refuses to parse").isIn(400, 404);
        assertThat(response.body()).doesNotContain("cloud-config").doesNotContain("root:");
    }

    @Test
    void refusesMethodsOtherThanGetAndHead() throws IOException {
        assertThat(SourceBoundClient.request(VM_2, metadata, "POST", "/latest/user-data", Map.of("Content-Length", "0")).status()).isEqualTo(405);
    }

    @Test
    void givesAPasswordOnceThenSavedPassword() throws IOException {
        assertThat(SourceBoundClient.request(VM_2, passwords, "GET", "/", SEND)).isEqualTo(new Response(200, "pw-of-vm-2"));
        assertThat(SourceBoundClient.request(VM_2, passwords, "GET", "/", SEND)).isEqualTo(new Response(200, "saved_password"));
        assertThat(SourceBoundClient.request(VM_2, passwords, "GET", "/", SAVED)).isEqualTo(new Response(200, "saved_password"));

        passwordApplier.apply(Map.of(IpAddress.parse(VM_2), Secret.of("pw-of-vm-2")));
        assertThat(SourceBoundClient.request(VM_2, passwords, "GET", "/", SEND)).as("the same bag converged again (a boot)")
                .isEqualTo(new Response(200, "saved_password"));

        passwordApplier.apply(Map.of(IpAddress.parse(VM_2), Secret.of("reset-pw")));
        assertThat(SourceBoundClient.request(VM_2, passwords, "GET", "/", SEND)).as("a password reset").isEqualTo(new Response(200, "reset-pw"));
        assertThat(SourceBoundClient.request(VM_2, passwords, "GET", "/", SEND)).isEqualTo(new Response(200, "saved_password"));
    }

    @Test
    void givesAPasswordToOnlyOneOfManyConcurrentRequests() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(clients.submit(() -> SourceBoundClient.request(VM_2, passwords, "GET", "/", SEND)));
            }
            List<String> bodies = new ArrayList<>();
            for (Future<Response> answer : answers) {
                bodies.add(answer.get(30, TimeUnit.SECONDS).body());
            }

            assertThat(bodies).filteredOn("pw-of-vm-2"::equals).hasSize(1);
            assertThat(bodies).filteredOn("saved_password"::equals).hasSize(15);
        }
        finally {
            clients.shutdownNow();
        }
    }

    @Test
    void anAcknowledgementEndsAPendingPassword() throws IOException {
        assertThat(SourceBoundClient.request(VM_2, passwords, "GET", "/", SAVED)).isEqualTo(new Response(200, "saved_password"));

        assertThat(SourceBoundClient.request(VM_2, passwords, "GET", "/", SEND)).isEqualTo(new Response(200, "saved_password"));
    }

    @Test
    void answersBadRequestToAnythingElse() throws IOException {
        assertThat(SourceBoundClient.request(VM_2, passwords, "GET", "/", Map.of())).isEqualTo(new Response(400, "bad_request"));
        assertThat(SourceBoundClient.request(VM_2, passwords, "GET", "/", Map.of("DomU_Request", "save_password"))).isEqualTo(new Response(400, "bad_request"));
        assertThat(SourceBoundClient.request(VM_2, passwords, "POST", "/", Map.of("DomU_Request", "send_my_password", "Content-Length", "0")))
                .isEqualTo(new Response(400, "bad_request"));
        assertThat(SourceBoundClient.request(VM_2, passwords, "GET", "/", SEND)).as("nothing was consumed").isEqualTo(new Response(200, "pw-of-vm-2"));
    }

    @Test
    void keepsThePasswordStoreRootOnly() throws IOException {
        Path pending = root.resolve("var/lib/vrouter/passwords/127.0.0.2");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pending))).isEqualTo("rw-------");

        SourceBoundClient.request(VM_2, passwords, "GET", "/", SEND);

        assertThat(pending).doesNotExist();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pending.resolveSibling("127.0.0.2.served")))).isEqualTo("rw-------");
    }

    @Test
    void listensWhereTheConfigurationSaysAndRetriesAddressesItDoesNotHold() throws IOException {
        Listener notHere = new Listener(Listener.Kind.METADATA, IpAddress.parse("192.0.2.1"), 0);
        Listener kept = new Listener(Listener.Kind.METADATA, LOOPBACK, metadata.getPort());

        List<Listener> failed = server.listen(new MetadataServerConfig(List.of(kept, notHere)));

        assertThat(failed).containsExactly(notHere);
        assertThat(server.boundAddress(new Listener(Listener.Kind.PASSWORD, LOOPBACK, 0))).isEmpty();
        assertThatThrownBy(() -> SourceBoundClient.request(VM_2, passwords, "GET", "/", SEND)).isInstanceOf(ConnectException.class);
        assertThat(SourceBoundClient.get(VM_2, metadata, "/latest/instance-id").status()).isEqualTo(200);
    }

    @Test
    void refreshReadsTheConfigurationFile() throws IOException {
        Path config = root.resolve("etc/vrouter/metadata-server.conf");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "# test\npassword 127.0.0.1 0\n");

        server.refresh(config);

        assertThat(server.boundAddress(new Listener(Listener.Kind.PASSWORD, LOOPBACK, 0))).isPresent();
        assertThat(server.boundAddress(new Listener(Listener.Kind.METADATA, LOOPBACK, 0))).isEmpty();
        Files.writeString(config, "nonsense\n");
        server.refresh(config);
        assertThat(server.boundAddress(new Listener(Listener.Kind.PASSWORD, LOOPBACK, 0))).as("an invalid file changes nothing").isPresent();
        Files.delete(config);
        server.refresh(config);
        assertThat(server.boundAddress(new Listener(Listener.Kind.PASSWORD, LOOPBACK, 0))).isEmpty();
    }
}
