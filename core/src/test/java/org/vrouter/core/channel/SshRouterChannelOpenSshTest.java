package org.vrouter.core.channel;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.api.net.IpAddress;
import org.vrouter.core.channel.RouterChannelException.Failure;

import org.vrouter.core.testsupport.ssh.TestKeys;

/**
 * {@link SshRouterChannel} against the real thing: OpenSSH's sshd on loopback, the real
 * {@code scp -t} sink, and a client key made by {@code ssh-keygen} in OpenSSH's own key format.
 */
@Tag("root")
class SshRouterChannelOpenSshTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final RouterEndpoint ROUTER = new RouterEndpoint("r-3-VM", IpAddress.parse("127.0.0.1"));

    @TempDir
    static Path directory;

    private static OpenSshPeer peer;
    private static SshIdentity identity;

    @BeforeAll
    static void startSshd() throws IOException, InterruptedException {
        OpenSshPeer.requireAvailable();
        Path clientKey = directory.resolve("id_ed25519");
        runKeygen(clientKey);
        identity = SshIdentity.fromFile(clientKey);
        peer = OpenSshPeer.start(directory, Files.readString(directory.resolve("id_ed25519.pub")).strip());
    }

    @AfterAll
    static void stopSshd() {
        if (peer != null) {
            peer.close();
        }
    }

    private static SshRouterChannel channel(HostKeyPolicy hostKeys) {
        return new SshRouterChannel(SshSettings.builder(identity, hostKeys).port(peer.port()).build(), ROUTER);
    }

    @Test
    void runsCommandsWithTheirExitStatusAndOutputs() throws IOException {
        try (SshRouterChannel channel = channel(HostKeyPolicy.pinned(peer.hostKeyLine()))) {
            ExecutionResult ok = channel.execute("echo applied; echo note >&2", TIMEOUT);
            ExecutionResult failed = channel.execute("echo 'bad bag' >&2; exit 3", TIMEOUT);

            assertThat(ok).isEqualTo(new ExecutionResult(0, "applied\n", "note\n"));
            assertThat(failed).isEqualTo(new ExecutionResult(3, "", "bad bag\n"));
        }
    }

    @Test
    void givesCommandsAnEmptyInputInsteadOfLeavingThemWaiting() throws IOException {
        try (SshRouterChannel channel = channel(HostKeyPolicy.pinned(peer.hostKeyLine()))) {
            assertThat(channel.execute("cat; echo done", Duration.ofSeconds(5))).isEqualTo(new ExecutionResult(0, "done\n", ""));
        }
    }

    @Test
    void uploadsThroughTheRealScpSinkByteForByte() throws IOException {
        Path target = Files.createDirectories(directory.resolve("var/cache/cloud"));
        String contents = "{\"password\":\"s3cr3t\"}\n\n  leading and trailing  \n</file>\nno final newline";
        try (SshRouterChannel channel = channel(HostKeyPolicy.pinned(peer.hostKeyLine()))) {
            channel.upload(target + "/", "vm_password.json.1", contents.getBytes(UTF_8), TIMEOUT);
        }
        assertThat(Files.readString(target.resolve("vm_password.json.1"), UTF_8)).isEqualTo(contents);
        assertThat(Files.getPosixFilePermissions(target.resolve("vm_password.json.1")))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void acceptsTheKeyFromAKnownHostsFileAndRefusesAnother() throws IOException {
        Path knownHosts = directory.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:" + peer.port() + " " + peer.hostKeyLine() + "\n");
        try (SshRouterChannel channel = channel(HostKeyPolicy.knownHosts(knownHosts))) {
            assertThat(channel.execute("true", TIMEOUT).succeeded()).isTrue();
        }
        String stranger = TestKeys.publicKeyLine(TestKeys.hostKey().getPublic());
        try (SshRouterChannel channel = channel(HostKeyPolicy.pinned(stranger))) {
            assertThatThrownBy(() -> channel.execute("true", TIMEOUT))
                    .isInstanceOfSatisfying(RouterChannelException.class, e -> assertThat(e.failure()).isEqualTo(Failure.HOST_KEY))
                    .hasMessageContaining("offers no host key of the pinned type ecdsa-sha2-nistp256 (it offers ssh-ed25519)");
        }
        Path otherHostKey = directory.resolve("other_ed25519");
        runKeygen(otherHostKey);
        try (SshRouterChannel channel = channel(HostKeyPolicy.pinned(Files.readString(otherHostKey.resolveSibling("other_ed25519.pub"))))) {
            assertThatThrownBy(() -> channel.execute("true", TIMEOUT))
                    .isInstanceOfSatisfying(RouterChannelException.class, e -> assertThat(e.failure()).isEqualTo(Failure.HOST_KEY))
                    .hasMessageContaining("does not match the pinned key");
        }
    }

    private static void runKeygen(Path keyFile) throws IOException {
        try {
            Process keygen = new ProcessBuilder(OpenSshPeer.SSH_KEYGEN.toString(), "-q", "-t", "ed25519", "-N", "", "-f", keyFile.toString())
                    .redirectErrorStream(true).start();
            assertThat(keygen.waitFor()).isZero();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Test
    void stopsWaitingAtTheTimeout() throws IOException {
        try (SshRouterChannel channel = channel(HostKeyPolicy.pinned(peer.hostKeyLine()))) {
            assertThatThrownBy(() -> channel.execute("sleep 30", Duration.ofMillis(500)))
                    .isInstanceOfSatisfying(RouterChannelException.class, e -> assertThat(e.failure()).isEqualTo(Failure.TIMEOUT));
        }
    }
}
