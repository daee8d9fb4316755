package org.vrouter.core.channel;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A real OpenSSH {@code sshd} on 127.0.0.1, started in the foreground with a private
 * configuration under a test directory (hypervisors.md §11.3): its own host key, one authorized
 * key, root login by key only. Needs root and the Debian package {@code openssh-server}: without
 * them the test is skipped, or fails when {@code CI=true}. Stopped by its process handle.
 */
final class OpenSshPeer implements AutoCloseable {
    static final Path SSHD = Path.of("/usr/sbin/sshd");
    static final Path SSH_KEYGEN = Path.of("/usr/bin/ssh-keygen");

    private final Process process;
    private final int port;
    private final Path directory;

    private OpenSshPeer(Process process, int port, Path directory) {
        this.process = process;
        this.port = port;
        this.directory = directory;
    }

    /** Skips (fails under CI) unless root, sshd and ssh-keygen are present. */
    static void requireAvailable() {
        if (!Files.isExecutable(SSHD) || !Files.isExecutable(SSH_KEYGEN)) {
            missing("OpenSSH server is not installed (apt-get install -y --no-install-recommends openssh-server)");
        }
        if (!isRoot()) {
            missing("the OpenSSH peer test runs sshd as root");
        }
    }

    /** Starts sshd with a fresh ed25519 host key, letting {@code authorizedKeyLine} log in as root. */
    static OpenSshPeer start(Path directory, String authorizedKeyLine) throws IOException, InterruptedException {
        Files.createDirectories(Path.of("/run/sshd")); // privilege separation directory, required by sshd
        run(List.of(SSH_KEYGEN.toString(), "-q", "-t", "ed25519", "-N", "", "-f", directory.resolve("ssh_host_ed25519_key").toString()));
        Files.writeString(directory.resolve("authorized_keys"), authorizedKeyLine + "\n");
        int port = freePort();
        Path config = directory.resolve("sshd_config");
        Files.writeString(config, String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + directory.resolve("ssh_host_ed25519_key"),
                "PidFile " + directory.resolve("sshd.pid"),
                "AuthorizedKeysFile " + directory.resolve("authorized_keys"),
                "PermitRootLogin prohibit-password",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "StrictModes no",
                "LogLevel VERBOSE",
                ""));
        run(List.of(SSHD.toString(), "-t", "-f", config.toString()));
        Process process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("sshd.log").toFile()).start();
        OpenSshPeer peer = new OpenSshPeer(process, port, directory);
        peer.awaitListening(Duration.ofSeconds(10));
        return peer;
    }

    int port() {
        return port;
    }

    /** The host key as an OpenSSH public key line. */
    String hostKeyLine() throws IOException {
        return Files.readString(directory.resolve("ssh_host_ed25519_key.pub")).strip();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitListening(Duration bound) throws IOException, InterruptedException {
        long end = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IOException("sshd exited " + process.exitValue() + ": " + Files.readString(directory.resolve("sshd.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            }
            catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IOException("sshd did not listen on 127.0.0.1:" + port + " within " + bound);
    }

    private static void run(List<String> argv) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", argv) + " failed: " + output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        }
        catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static void missing(String why) {
        if ("true".equals(System.getenv("CI"))) {
            fail(why + "; CI=true, so this is a failure, not a skip");
        }
        Assumptions.abort(why);
    }
}
