package org.vrouter.core.channel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.sshd.common.config.keys.KeyUtils;
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

/**
 * A fake router for channel tests: Apache MINA sshd in-process on 127.0.0.1 with an ephemeral
 * port, a generated ECDSA host key and public-key login for one key. Command lines run as
 * {@code /bin/sh -c} inside a temporary root directory, with {@code /opt/cloud/bin/} mapped to
 * {@code <root>/opt/cloud/bin/} so a test can install stand-ins for the router scripts; an
 * {@code scp -t} sink writes under the root. {@value #CLOSE_WITHOUT_STATUS} closes the channel
 * without an exit status.
 */
public final class FakeRouterSshServer implements AutoCloseable {
    /** A command line that makes the server close the channel without reporting an exit status. */
    public static final String CLOSE_WITHOUT_STATUS = "vrouter-test-close-without-exit-status";

    private final SshServer server;
    private final Path root;
    private final KeyPair hostKey;
    private final AtomicInteger sessions = new AtomicInteger();
    private final List<String> commandLines = new CopyOnWriteArrayList<>();

    private FakeRouterSshServer(Path root, PublicKey authorizedKey, boolean forwarding) {
        this.root = root;
        this.hostKey = TestKeys.hostKey();
        this.server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPublickeyAuthenticator((user, key, session) -> "root".equals(user) && KeyUtils.compareKeys(key, authorizedKey));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setForwardingFilter(forwarding ? AcceptAllForwardingFilter.INSTANCE : RejectAllForwardingFilter.INSTANCE);
        server.setCommandFactory((channel, commandLine) -> {
            commandLines.add(commandLine);
            if (commandLine.equals(CLOSE_WITHOUT_STATUS)) {
                return new CloseWithoutStatus();
            }
            if (commandLine.startsWith("scp -t ")) {
                return new ScpSinkCommand(root, commandLine);
            }
            return new ShellCommand(root, commandLine);
        });
        server.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                sessions.incrementAndGet();
            }
        });
    }

    /** Starts a fake router that lets {@code authorizedKey} log in as root. */
    public static FakeRouterSshServer start(Path root, PublicKey authorizedKey) throws IOException {
        return start(root, authorizedKey, false);
    }

    /** As {@link #start(Path, PublicKey)}, optionally allowing TCP forwarding (to serve as a jump host). */
    public static FakeRouterSshServer start(Path root, PublicKey authorizedKey, boolean forwarding) throws IOException {
        FakeRouterSshServer fake = new FakeRouterSshServer(root, authorizedKey, forwarding);
        fake.server.start();
        return fake;
    }

    public int port() {
        return server.getPort();
    }

    public Path root() {
        return root;
    }

    /** The host key as an OpenSSH public key line, for pinning or a known_hosts file. */
    public String hostKeyLine() {
        return TestKeys.publicKeyLine(hostKey.getPublic());
    }

    /** How many SSH sessions clients opened so far. */
    public int sessionsOpened() {
        return sessions.get();
    }

    /** Every command line clients ran, in order. */
    public List<String> commandLines() {
        return List.copyOf(commandLines);
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    /** Closes its channel without an exit status, as a server does when the command dies by a signal it does not report. */
    private static final class CloseWithoutStatus implements Command {
        @Override
        public void start(ChannelSession channel, Environment env) {
            channel.close(false);
        }

        @Override
        public void destroy(ChannelSession channel) {
            // nothing runs
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            // never called back: that is the point
        }

        @Override
        public void setInputStream(InputStream in) {
            // no input read
        }

        @Override
        public void setOutputStream(OutputStream out) {
            // no output written
        }

        @Override
        public void setErrorStream(OutputStream err) {
            // no output written
        }
    }
}
