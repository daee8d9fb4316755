package org.vrouter.core.testsupport.ssh;

import java.io.IOException;
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
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.forward.AcceptAllForwardingFilter;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;

/**
 * A fake router (or jump host) for tests: Apache MINA sshd in-process on 127.0.0.1 with an
 * ephemeral port, a generated ECDSA host key and public-key login as root for one key. It records
 * every command line and how many sessions were opened; what a command line does is up to the
 * {@link Commands} it starts with. The default ({@link #start(Path, PublicKey)}) runs command
 * lines as {@code /bin/sh -c} inside a root directory ({@link ShellCommand}), with an
 * {@code scp -t} sink writing under the root ({@link ScpSinkCommand#underRoot}), and
 * {@value #CLOSE_WITHOUT_STATUS} closing the channel without an exit status. Published in core's
 * test-jar for the hypervisor modules' tests.
 */
public final class FakeRouterSshServer implements AutoCloseable {
    /** A command line that makes the default server close the channel without reporting an exit status. */
    public static final String CLOSE_WITHOUT_STATUS = "vrouter-test-close-without-exit-status";

    /** Makes the command that serves one exec request. */
    @FunctionalInterface
    public interface Commands {
        Command forLine(String commandLine);
    }

    private final SshServer server;
    private final KeyPair hostKey;
    private final AtomicInteger sessions = new AtomicInteger();
    private final List<String> commandLines = new CopyOnWriteArrayList<>();

    private FakeRouterSshServer(PublicKey authorizedKey, boolean forwarding, Commands commands) {
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
            return commands.forLine(commandLine);
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
        return start(authorizedKey, forwarding, shellIn(root));
    }

    /** A server whose exec requests {@code commands} serves, optionally allowing TCP forwarding (a jump host). */
    public static FakeRouterSshServer start(PublicKey authorizedKey, boolean forwarding, Commands commands) throws IOException {
        FakeRouterSshServer fake = new FakeRouterSshServer(authorizedKey, forwarding, commands);
        fake.server.start();
        return fake;
    }

    /** The default commands: a shell and an scp sink in {@code root}, and {@value #CLOSE_WITHOUT_STATUS}. */
    public static Commands shellIn(Path root) {
        return commandLine -> {
            if (commandLine.equals(CLOSE_WITHOUT_STATUS)) {
                return new CloseWithoutStatus();
            }
            if (commandLine.startsWith("scp -t ")) {
                return ScpSinkCommand.underRoot(root, commandLine);
            }
            return new ShellCommand(root, commandLine);
        };
    }

    public int port() {
        return server.getPort();
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
    private static final class CloseWithoutStatus extends ExecCommand {
        @Override
        public void start(ChannelSession channel, Environment env) {
            channel.close(false);
        }
    }
}
