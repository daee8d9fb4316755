package org.vrouter.core.channel;

import static java.util.Objects.requireNonNull;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.util.Optional;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchAlgoNegoFailException;
import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.JSchHostKeyException;
import com.jcraft.jsch.Proxy;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.UserInfo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vrouter.core.channel.RouterChannelException.Failure;

/**
 * Opens one authenticated, verified JSch session: key login, the host-key policy applied, the
 * connect bound enforced, and every JSch failure turned into a {@link RouterChannelException}
 * whose message names the peer and says what went wrong.
 */
final class SshConnector {
    private static final Logger log = LoggerFactory.getLogger(SshConnector.class);
    /** Keep-alives detect a peer that vanished mid-command (about a minute), without waiting for TCP. */
    private static final int SERVER_ALIVE_MILLIS = 15_000;
    private static final int SERVER_ALIVE_COUNT = 4;

    private final String label;
    private final String host;
    private final int port;
    private final String user;
    private final SshIdentity identity;
    private final HostKeyPolicy hostKeys;

    /**
     * @param label how messages name the peer ({@code router r-1-VM (169.254.3.4:3922)})
     */
    SshConnector(String label, String host, int port, String user, SshIdentity identity, HostKeyPolicy hostKeys) {
        this.label = requireNonNull(label, "label is null");
        this.host = requireNonNull(host, "host is null");
        this.port = port;
        this.user = requireNonNull(user, "user is null");
        this.identity = requireNonNull(identity, "identity is null");
        this.hostKeys = requireNonNull(hostKeys, "hostKeys is null");
    }

    /** Connects directly, or through {@code proxy} (a tunnel over a jump host). */
    Session connect(int timeoutMillis, Optional<Proxy> proxy) throws RouterChannelException {
        JSch jsch = new JSch();
        Optional<PinnedRepository> pinned = Optional.empty();
        long started = System.nanoTime();
        try {
            jsch.addIdentity("vrouter-" + user, identity.privateKey(), null, identity.passphraseBytes().orElse(null));
            Session session = jsch.getSession(user, host, port);
            session.setConfig("PreferredAuthentications", "publickey");
            pinned = applyHostKeyPolicy(jsch, session);
            proxy.ifPresent(session::setProxy);
            session.setUserInfo(new NoPrompts());
            session.setDaemonThread(true);
            session.setServerAliveInterval(SERVER_ALIVE_MILLIS);
            session.setServerAliveCountMax(SERVER_ALIVE_COUNT);
            session.connect(timeoutMillis);
            log.debug("connected to {} in {} ms ({}, host key {})", label, (System.nanoTime() - started) / 1_000_000L,
                    session.getServerVersion(), session.getServerHostKeyAlgorithm());
            return session;
        }
        catch (JSchException e) {
            throw translate(e, pinned, timeoutMillis);
        }
    }

    private Optional<PinnedRepository> applyHostKeyPolicy(JSch jsch, Session session) throws JSchException, RouterChannelException {
        if (hostKeys instanceof KnownHostsFile known) {
            if (!Files.isReadable(known.file())) {
                throw new RouterChannelException(Failure.HOST_KEY, label + ": known_hosts file " + known.file() + " is not readable");
            }
            jsch.setKnownHosts(known.file().toString());
            session.setConfig("StrictHostKeyChecking", "yes");
            session.setConfig("prefer_known_host_key_types", "yes");
            return Optional.empty();
        }
        if (hostKeys instanceof PinnedHostKey key) {
            PinnedRepository repository = new PinnedRepository(key);
            session.setHostKeyRepository(repository);
            session.setConfig("StrictHostKeyChecking", "yes");
            session.setConfig("server_host_key", String.join(",", key.signatureAlgorithms()));
            return Optional.of(repository);
        }
        log.warn("connecting to {} WITHOUT host key verification (insecureAcceptAnyHostKey): labs only", label);
        session.setConfig("StrictHostKeyChecking", "no");
        return Optional.empty();
    }

    private RouterChannelException translate(JSchException e, Optional<PinnedRepository> pinned, int timeoutMillis) {
        if (e instanceof JSchChangedHostKeyException && pinned.isPresent()) {
            return new RouterChannelException(Failure.HOST_KEY, label + ": host key " + pinned.get().offered()
                    + " does not match the pinned key " + pinned.get().key.fingerprint() + "; refusing to connect", e);
        }
        if (e instanceof JSchHostKeyException) {
            return new RouterChannelException(Failure.HOST_KEY, label + ": host key not accepted by "
                    + (hostKeys instanceof KnownHostsFile known ? "known_hosts file " + known.file() : "the host key policy")
                    + ": " + e.getMessage(), e);
        }
        if (String.valueOf(e.getMessage()).startsWith("Auth ")) {
            return new RouterChannelException(Failure.AUTHENTICATION, label + ": login as " + user + " with the configured key refused", e);
        }
        if (e instanceof JSchAlgoNegoFailException negotiation) {
            if (pinned.isPresent() && "server_host_key".equals(negotiation.getAlgorithmName())) {
                return new RouterChannelException(Failure.HOST_KEY, label + ": offers no host key of the pinned type "
                        + pinned.get().key.type() + " (it offers " + negotiation.getServerProposal() + "); refusing to connect", e);
            }
            return new RouterChannelException(Failure.CONNECT, label + ": no algorithm in common: " + e.getMessage(), e);
        }
        Throwable cause = e.getCause();
        if (cause instanceof ConnectException || cause instanceof NoRouteToHostException || cause instanceof UnknownHostException) {
            return new RouterChannelException(Failure.CONNECT, label + ": cannot connect: " + cause.getMessage(), e);
        }
        if (cause instanceof SocketTimeoutException || String.valueOf(e.getMessage()).contains("timeout")) {
            return new RouterChannelException(Failure.CONNECT, label + ": no SSH session within " + timeoutMillis + " ms: " + e.getMessage(), e);
        }
        return new RouterChannelException(Failure.CONNECT, label + ": SSH connection failed: " + e.getMessage(), e);
    }

    /** Accepts exactly one key and remembers what the server offered, for the error message. */
    private static final class PinnedRepository implements HostKeyRepository {
        private final PinnedHostKey key;
        private volatile String offered = "(none)";

        PinnedRepository(PinnedHostKey key) {
            this.key = key;
        }

        String offered() {
            return offered;
        }

        @Override
        public int check(String host, byte[] offeredKey) {
            offered = PinnedHostKey.fingerprint(offeredKey);
            return key.matches(offeredKey) ? OK : CHANGED;
        }

        @Override
        public void add(HostKey hostKey, UserInfo ui) {
            // pinned: nothing is ever learned
        }

        @Override
        public void remove(String host, String type) {
            // pinned: nothing is ever forgotten
        }

        @Override
        public void remove(String host, String type, byte[] key) {
            // pinned: nothing is ever forgotten
        }

        @Override
        public String getKnownHostsRepositoryID() {
            return "pinned host key";
        }

        @Override
        public HostKey[] getHostKey() {
            return new HostKey[0];
        }

        @Override
        public HostKey[] getHostKey(String host, String type) {
            return new HostKey[0];
        }
    }

    /** Answers every question JSch might ask with "no": nothing is interactive here. */
    private static final class NoPrompts implements UserInfo {
        @Override
        public String getPassphrase() {
            return null;
        }

        @Override
        public String getPassword() {
            return null;
        }

        @Override
        public boolean promptPassword(String message) {
            return false;
        }

        @Override
        public boolean promptPassphrase(String message) {
            return false;
        }

        @Override
        public boolean promptYesNo(String message) {
            return false;
        }

        @Override
        public void showMessage(String message) {
            log.debug("SSH server message: {}", message);
        }
    }
}
