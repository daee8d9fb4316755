package org.vrouter.hypervisor.vmware;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jcraft.jsch.JSch;

import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

import org.vrouter.core.channel.HostKeyPolicy;
import org.vrouter.core.channel.SshIdentity;
import org.vrouter.core.channel.SshSettings;

/**
 * A router's sshd for tests, standing in for the router VM the simulator cannot run: Apache MINA
 * sshd on 127.0.0.1 (a free port), root login with a key generated per run. It records every
 * command line and every file written through {@code scp -t <dir>}; {@code get_template_version.sh}
 * answers a version, every other command succeeds silently.
 */
final class FakeRouterSshd implements AutoCloseable {
    static final String TEMPLATE_VERSION = "Cloudstack Release 4.19.0 Mon Nov 2 2026&4.19.0";
    private static final Pattern SCP_HEADER = Pattern.compile("C[0-7]{4} (\\d+) ([^/]+)");

    private final SshServer server = SshServer.setUpDefaultServer();
    private final byte[] clientKeyPem;
    private final String hostKeyLine;
    private final List<String> commandLines = new CopyOnWriteArrayList<>();
    private final Map<String, String> files = new ConcurrentHashMap<>();

    private FakeRouterSshd() throws Exception {
        com.jcraft.jsch.KeyPair client = com.jcraft.jsch.KeyPair.genKeyPair(new JSch(), com.jcraft.jsch.KeyPair.RSA, 2048);
        ByteArrayOutputStream pem = new ByteArrayOutputStream();
        client.writePrivateKey(pem);
        clientKeyPem = pem.toByteArray();
        PublicKey authorized = AuthorizedKeyEntry.parseAuthorizedKeyEntry("ssh-rsa "
                + Base64.getEncoder().encodeToString(client.getPublicKeyBlob())).resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
        client.dispose();
        server.setHost("127.0.0.1");
        server.setPort(0);
        KeyPair hostKey = hostKey();
        hostKeyLine = PublicKeyEntry.toString(hostKey.getPublic());
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPublickeyAuthenticator((user, key, session) -> "root".equals(user) && KeyUtils.compareKeys(key, authorized));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setCommandFactory((channel, commandLine) -> {
            commandLines.add(commandLine);
            return new RouterCommand(commandLine);
        });
    }

    static FakeRouterSshd start() throws Exception {
        FakeRouterSshd sshd = new FakeRouterSshd();
        sshd.server.start();
        return sshd;
    }

    /** How the resource reaches this router: its port, the generated key, its host key pinned. */
    SshSettings settings() {
        return SshSettings.builder(SshIdentity.of(clientKeyPem), HostKeyPolicy.pinned(hostKeyLine)).port(server.getPort()).build();
    }

    int port() {
        return server.getPort();
    }

    List<String> commandLines() {
        return List.copyOf(commandLines);
    }

    /** Files written by scp, by full path. */
    Map<String, String> files() {
        return Map.copyOf(files);
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    private static KeyPair hostKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    /** One exec: an scp sink into {@link #files}, the version script, or a silent success. */
    private final class RouterCommand implements Command {
        private final String commandLine;
        private InputStream in;
        private OutputStream out;
        private ExitCallback exit;

        RouterCommand(String commandLine) {
            this.commandLine = commandLine;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            Thread thread = new Thread(this::run, "fake-router-exec");
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            try {
                if (commandLine.startsWith("scp ")) {
                    receive(commandLine.substring(commandLine.lastIndexOf(' ') + 1));
                }
                else if (commandLine.contains("get_template_version.sh")) {
                    out.write((TEMPLATE_VERSION + "\n").getBytes(UTF_8));
                    out.flush();
                }
                exit.onExit(0);
            }
            catch (IOException e) {
                exit.onExit(1, e.toString());
            }
        }

        private void receive(String directory) throws IOException {
            ack();
            for (String header = readLine(); header != null; header = readLine()) {
                Matcher matcher = SCP_HEADER.matcher(header);
                if (!matcher.matches()) {
                    throw new IOException("unexpected scp header " + header);
                }
                ack();
                byte[] contents = in.readNBytes(Integer.parseInt(matcher.group(1)));
                in.read();
                files.put(directory + matcher.group(2), new String(contents, UTF_8));
                ack();
            }
        }

        private String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c == -1) {
                    return null;
                }
                line.write(c);
            }
            return line.toString(UTF_8);
        }

        private void ack() throws IOException {
            out.write(0);
            out.flush();
        }

        @Override
        public void destroy(ChannelSession channel) {
            // the thread ends with the channel's input
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            // the fake reports nothing on stderr
        }
    }
}
