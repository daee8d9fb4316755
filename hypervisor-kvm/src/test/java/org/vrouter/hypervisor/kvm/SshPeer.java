package org.vrouter.hypervisor.kvm;

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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.forward.AcceptAllForwardingFilter;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.vrouter.core.channel.SshIdentity;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;

/**
 * A small in-process SSH server (Apache MINA sshd) on 127.0.0.1: as the router it answers each
 * command line with what {@code replies} says; as the KVM host it only forwards TCP (a jump host).
 * Root logs in with the one client key.
 */
final class SshPeer implements AutoCloseable {
    /** A command's exit status and standard output. */
    record Reply(int exitStatus, String stdout) {}

    /** A client key pair: the private key as PEM for JSch, the public key for the server. */
    record ClientKey(byte[] privateKeyPem, PublicKey publicKey) {
        SshIdentity identity() {
            return SshIdentity.of(privateKeyPem);
        }

        static ClientKey generate() throws JSchException, IOException, GeneralSecurityException {
            com.jcraft.jsch.KeyPair pair = com.jcraft.jsch.KeyPair.genKeyPair(new JSch(), com.jcraft.jsch.KeyPair.RSA, 2048);
            ByteArrayOutputStream pem = new ByteArrayOutputStream();
            pair.writePrivateKey(pem);
            String line = "ssh-rsa " + Base64.getEncoder().encodeToString(pair.getPublicKeyBlob());
            pair.dispose();
            return new ClientKey(pem.toByteArray(),
                    AuthorizedKeyEntry.parseAuthorizedKeyEntry(line).resolvePublicKey(null, PublicKeyEntryResolver.FAILING));
        }
    }

    private final SshServer server = SshServer.setUpDefaultServer();
    private final KeyPair hostKey;
    private final List<String> commandLines = new CopyOnWriteArrayList<>();
    private final AtomicInteger sessions = new AtomicInteger();

    private SshPeer(ClientKey client, boolean jumpHost, Function<String, Reply> replies) throws GeneralSecurityException, IOException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        hostKey = generator.generateKeyPair();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPublickeyAuthenticator((user, key, session) -> "root".equals(user) && KeyUtils.compareKeys(key, client.publicKey()));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setForwardingFilter(jumpHost ? AcceptAllForwardingFilter.INSTANCE : RejectAllForwardingFilter.INSTANCE);
        server.setCommandFactory((channel, commandLine) -> {
            commandLines.add(commandLine);
            return new Replying(replies.apply(commandLine));
        });
        server.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                sessions.incrementAndGet();
            }
        });
        server.start();
    }

    /** A router answering with {@code replies}. */
    static SshPeer router(ClientKey client, Function<String, Reply> replies) throws GeneralSecurityException, IOException {
        return new SshPeer(client, false, replies);
    }

    /** A KVM host that lets root tunnel through it and runs nothing (every command exits 127). */
    static SshPeer jumpHost(ClientKey client) throws GeneralSecurityException, IOException {
        return new SshPeer(client, true, line -> new Reply(127, ""));
    }

    int port() {
        return server.getPort();
    }

    String hostKeyLine() {
        return PublicKeyEntry.toString(hostKey.getPublic());
    }

    List<String> commandLines() {
        return List.copyOf(commandLines);
    }

    int sessionsOpened() {
        return sessions.get();
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    /** Writes its reply, then exits with its status. */
    private static final class Replying implements Command {
        private final Reply reply;
        private OutputStream out;
        private ExitCallback exit;

        Replying(Reply reply) {
            this.reply = reply;
        }

        @Override
        public void start(ChannelSession channel, Environment env) throws IOException {
            out.write(reply.stdout().getBytes(UTF_8));
            out.flush();
            exit.onExit(reply.exitStatus());
        }

        @Override
        public void destroy(ChannelSession channel) {
            // nothing runs in the background
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void setInputStream(InputStream in) {
            // commands read no input
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            // nothing written to stderr
        }
    }
}
