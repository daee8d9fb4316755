package org.vrouter.core.channel;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.core.channel.RouterChannelException.Failure;

import org.vrouter.core.testsupport.ssh.FakeRouterSshServer;
import org.vrouter.core.testsupport.ssh.TestKeys;

/** {@link SshRouterChannel} against a real SSH server: Apache MINA sshd in-process on loopback. */
class SshRouterChannelTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final RouterEndpoint ROUTER = new RouterEndpoint("r-7-VM", IpAddress.parse("127.0.0.1"));
    private static final TestKeys.ClientKey CLIENT_KEY = TestKeys.clientKey();

    @TempDir
    Path root;

    private FakeRouterSshServer server;

    @BeforeEach
    void startServer() throws IOException {
        Files.createDirectories(root.resolve("var/cache/cloud"));
        server = FakeRouterSshServer.start(root, CLIENT_KEY.publicKey());
    }

    @AfterEach
    void stopServer() throws IOException {
        server.close();
    }

    private SshSettings.Builder settings(HostKeyPolicy hostKeys) {
        return SshSettings.builder(CLIENT_KEY.identity(), hostKeys).port(server.port()).connectTimeout(Duration.ofSeconds(10));
    }

    private SshRouterChannel pinnedChannel() {
        return new SshRouterChannel(settings(HostKeyPolicy.pinned(server.hostKeyLine())).build(), ROUTER);
    }

    @Test
    void runsACommandAndReturnsExitZeroWithBothOutputs() throws IOException {
        try (SshRouterChannel channel = pinnedChannel()) {
            ExecutionResult result = channel.execute("echo applied; echo 'a warning' >&2", TIMEOUT);

            assertThat(result.exitStatus()).isZero();
            assertThat(result.succeeded()).isTrue();
            assertThat(result.stdout()).isEqualTo("applied\n");
            assertThat(result.stderr()).isEqualTo("a warning\n");
            assertThat(result.combinedOutput()).isEqualTo("applied\na warning\n");
        }
    }

    @Test
    void returnsANonZeroExitWithItsErrorOutput() throws IOException {
        try (SshRouterChannel channel = pinnedChannel()) {
            ExecutionResult result = channel.execute("echo 'ips: bad address' >&2; exit 3", TIMEOUT);

            assertThat(result.exitStatus()).isEqualTo(3);
            assertThat(result.succeeded()).isFalse();
            assertThat(result.stderr()).isEqualTo("ips: bad address\n");
        }
    }

    @Test
    void refusesAServerWhoseKeyDiffersFromThePinnedOne() {
        String otherKey = TestKeys.publicKeyLine(TestKeys.hostKey().getPublic());
        PinnedHostKey pinned = PinnedHostKey.parse(otherKey);
        PinnedHostKey actual = PinnedHostKey.parse(server.hostKeyLine());
        try (SshRouterChannel channel = new SshRouterChannel(settings(HostKeyPolicy.pinned(otherKey)).build(), ROUTER)) {
            assertThatThrownBy(() -> channel.execute("echo never", TIMEOUT))
                    .isInstanceOfSatisfying(RouterChannelException.class, e -> assertThat(e.failure()).isEqualTo(Failure.HOST_KEY))
                    .hasMessageContaining("router r-7-VM (127.0.0.1:" + server.port() + ")")
                    .hasMessageContaining("host key " + actual.fingerprint() + " does not match the pinned key " + pinned.fingerprint());
        }
        assertThat(server.commandLines()).isEmpty();
    }

    @Test
    void acceptsAServerListedInTheKnownHostsFile() throws IOException {
        Path knownHosts = root.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:" + server.port() + " " + server.hostKeyLine() + "\n");
        try (SshRouterChannel channel = new SshRouterChannel(settings(HostKeyPolicy.knownHosts(knownHosts)).build(), ROUTER)) {
            assertThat(channel.execute("echo known", TIMEOUT).stdout()).isEqualTo("known\n");
        }
    }

    @Test
    void refusesAServerMissingFromTheKnownHostsFile() throws IOException {
        Path knownHosts = root.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:1 " + server.hostKeyLine() + "\n");
        try (SshRouterChannel channel = new SshRouterChannel(settings(HostKeyPolicy.knownHosts(knownHosts)).build(), ROUTER)) {
            assertThatThrownBy(() -> channel.execute("echo never", TIMEOUT))
                    .isInstanceOfSatisfying(RouterChannelException.class, e -> assertThat(e.failure()).isEqualTo(Failure.HOST_KEY))
                    .hasMessageContaining("known_hosts file " + knownHosts);
        }
        assertThat(server.commandLines()).isEmpty();
    }

    @Test
    void connectsWithoutCheckingOnlyUnderTheExplicitInsecurePolicy() throws IOException {
        try (SshRouterChannel channel = new SshRouterChannel(settings(HostKeyPolicy.insecureAcceptAnyHostKey()).build(), ROUTER)) {
            assertThat(channel.execute("echo lab", TIMEOUT).stdout()).isEqualTo("lab\n");
        }
    }

    @Test
    void reportsARefusedKeyAsAnAuthenticationFailure() {
        SshSettings settings = SshSettings.builder(TestKeys.clientKey().identity(), HostKeyPolicy.pinned(server.hostKeyLine()))
                .port(server.port()).build();
        try (SshRouterChannel channel = new SshRouterChannel(settings, ROUTER)) {
            assertThatThrownBy(() -> channel.execute("echo never", TIMEOUT))
                    .isInstanceOfSatisfying(RouterChannelException.class, e -> assertThat(e.failure()).isEqualTo(Failure.AUTHENTICATION))
                    .hasMessageContaining("login as root with the configured key refused");
        }
    }

    @Test
    void reportsAClosedPortAsAConnectFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        SshSettings settings = settings(HostKeyPolicy.pinned(server.hostKeyLine())).port(closedPort).build();
        try (SshRouterChannel channel = new SshRouterChannel(settings, ROUTER)) {
            assertThatThrownBy(() -> channel.execute("echo never", TIMEOUT))
                    .isInstanceOfSatisfying(RouterChannelException.class, e -> assertThat(e.failure()).isEqualTo(Failure.CONNECT))
                    .hasMessageContaining("router r-7-VM (127.0.0.1:" + closedPort + "): cannot connect");
        }
    }

    @Test
    void stopsWaitingForACommandAtItsTimeout() {
        long started = System.nanoTime();
        try (SshRouterChannel channel = pinnedChannel()) {
            assertThatThrownBy(() -> channel.execute("sleep 30", Duration.ofMillis(700)))
                    .isInstanceOfSatisfying(RouterChannelException.class, e -> assertThat(e.failure()).isEqualTo(Failure.TIMEOUT))
                    .hasMessageContaining("'sleep 30' did not finish within 700 ms");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void treatsAMissingExitStatusAsAFailure() {
        try (SshRouterChannel channel = pinnedChannel()) {
            assertThatThrownBy(() -> channel.execute(FakeRouterSshServer.CLOSE_WITHOUT_STATUS, TIMEOUT))
                    .isInstanceOfSatisfying(RouterChannelException.class, e -> assertThat(e.failure()).isEqualTo(Failure.PROTOCOL))
                    .hasMessageContaining("ended without an exit status");
        }
    }

    @Test
    void uploadsAFileByteForByte() throws IOException {
        String json = "{\"ip_address\":\"10.1.1.5\",\"password\":\"s3cr3t\"}\n  indented line \t\n\n</file>\ntrailing spaces   \nno final newline";
        try (SshRouterChannel channel = pinnedChannel()) {
            channel.upload("/var/cache/cloud/", "vm_password.json.0b7a", json.getBytes(UTF_8), TIMEOUT);
        }
        assertThat(Files.readString(root.resolve("var/cache/cloud/vm_password.json.0b7a"), UTF_8)).isEqualTo(json);
        assertThat(server.commandLines()).containsExactly("scp -t -d /var/cache/cloud/");
    }

    @Test
    void uploadsBinaryAndLargeContentsIntact() throws IOException {
        byte[] contents = new byte[300_000];
        for (int i = 0; i < contents.length; i++) {
            contents[i] = (byte) (i * 31 + i / 256);
        }
        try (SshRouterChannel channel = pinnedChannel()) {
            channel.upload("/var/cache/cloud/", "VR-big.cfg", contents, TIMEOUT);
            channel.upload("/var/cache/cloud/", "empty.json", new byte[0], TIMEOUT);
        }
        assertThat(Files.readAllBytes(root.resolve("var/cache/cloud/VR-big.cfg"))).isEqualTo(contents);
        assertThat(Files.readAllBytes(root.resolve("var/cache/cloud/empty.json"))).isEmpty();
    }

    @Test
    void reportsTheSinksReasonWhenAnUploadIsRefused() {
        try (SshRouterChannel channel = pinnedChannel()) {
            assertThatThrownBy(() -> channel.upload("/no/such/dir/", "x.json", new byte[] {1}, TIMEOUT))
                    .isInstanceOfSatisfying(RouterChannelException.class, e -> assertThat(e.failure()).isEqualTo(Failure.PROTOCOL))
                    .hasMessageContaining("/no/such/dir/x.json: scp refused the sink start")
                    .hasMessageContaining("No such file or directory");
        }
    }

    @Test
    void rejectsAPathThatIsNotPlainBeforeConnecting() {
        try (SshRouterChannel channel = pinnedChannel()) {
            assertThatThrownBy(() -> channel.upload("/var/cache/cloud/", "x; rm -rf /", new byte[0], TIMEOUT))
                    .isInstanceOf(InvalidParameterException.class).hasMessageContaining("name");
            assertThatThrownBy(() -> channel.upload("relative/", "x", new byte[0], TIMEOUT))
                    .isInstanceOf(InvalidParameterException.class).hasMessageContaining("directory");
            assertThatThrownBy(() -> channel.upload("/var/../etc/", "x", new byte[0], TIMEOUT))
                    .isInstanceOf(InvalidParameterException.class).hasMessageContaining("directory");
        }
        assertThat(server.sessionsOpened()).isZero();
    }

    @Test
    void reusesOneSessionForAllCallsUntilClosed() throws IOException {
        try (SshRouterChannel channel = pinnedChannel()) {
            channel.upload("/var/cache/cloud/", "a.json", "{}".getBytes(UTF_8), TIMEOUT);
            channel.execute("true", TIMEOUT);
            channel.execute("true", TIMEOUT);
        }
        assertThat(server.sessionsOpened()).isEqualTo(1);
    }

    @Test
    void reachesTheRouterThroughAJumpHost(@TempDir Path jumpRoot) throws IOException {
        try (FakeRouterSshServer jump = FakeRouterSshServer.start(jumpRoot, CLIENT_KEY.publicKey(), true)) {
            JumpHost jumpHost = new JumpHost("127.0.0.1", jump.port(), "root", CLIENT_KEY.identity(), HostKeyPolicy.pinned(jump.hostKeyLine()));
            SshSettings settings = settings(HostKeyPolicy.pinned(server.hostKeyLine())).jumpHost(jumpHost).build();
            try (SshRouterChannel channel = new SshRouterChannel(settings, ROUTER)) {
                channel.upload("/var/cache/cloud/", "through.json", "{\"a\":1}".getBytes(UTF_8), TIMEOUT);
                assertThat(channel.execute("cat var/cache/cloud/through.json", TIMEOUT).stdout()).isEqualTo("{\"a\":1}");
            }
            assertThat(jump.sessionsOpened()).isEqualTo(1);
            assertThat(jump.commandLines()).isEmpty();
            assertThat(server.sessionsOpened()).isEqualTo(1);
        }
    }

    @Test
    void checksTheRoutersOwnKeyBehindAJumpHost(@TempDir Path jumpRoot) throws IOException {
        try (FakeRouterSshServer jump = FakeRouterSshServer.start(jumpRoot, CLIENT_KEY.publicKey(), true)) {
            JumpHost jumpHost = new JumpHost("127.0.0.1", jump.port(), "root", CLIENT_KEY.identity(), HostKeyPolicy.pinned(jump.hostKeyLine()));
            // the jump host's key pinned for the router: the router must still be refused
            SshSettings settings = settings(HostKeyPolicy.pinned(jump.hostKeyLine())).jumpHost(jumpHost).build();
            try (SshRouterChannel channel = new SshRouterChannel(settings, ROUTER)) {
                assertThatThrownBy(() -> channel.execute("echo never", TIMEOUT))
                        .isInstanceOfSatisfying(RouterChannelException.class, e -> assertThat(e.failure()).isEqualTo(Failure.HOST_KEY))
                        .hasMessageContaining("via 127.0.0.1:" + jump.port());
            }
        }
        assertThat(server.commandLines()).isEmpty();
    }
}
