package org.vrouter.core.channel;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.validation.FieldChecks;

/**
 * How an {@link SshRouterChannel} reaches routers; one value serves every router behind one
 * management server or hypervisor host. Defaults are CloudStack's: port 3922, user root, 60 s to
 * connect (TCP connect and key exchange). The key and the host-key policy have no default:
 * {@link #builder(SshIdentity, HostKeyPolicy)} takes both.
 *
 * <p>How long a command may run is not a channel setting: every
 * {@link RouterChannel#execute} call passes its own bound (the resource's default is
 * CloudStack's 600 s).
 *
 * @param port the routers' sshd port
 * @param user the login
 * @param identity the client key (CloudStack's {@code id_rsa.cloud})
 * @param hostKeys how each router's host key is checked
 * @param connectTimeout bound on TCP connect plus SSH handshake and login
 * @param jumpHost where to tunnel through, when routers are not directly reachable
 * @param maxOutputBytes how much of each output stream is kept; the rest is dropped with a note
 */
public record SshSettings(
        int port,
        String user,
        SshIdentity identity,
        HostKeyPolicy hostKeys,
        Duration connectTimeout,
        Optional<JumpHost> jumpHost,
        int maxOutputBytes) {

    public static final int DEFAULT_PORT = 3922;
    public static final String DEFAULT_USER = "root";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_OUTPUT_BYTES = 1 << 20;

    public SshSettings {
        FieldChecks.requirePort("ssh_port", port);
        FieldChecks.requireIdentifier("ssh_user", user);
        requireNonNull(identity, "identity is null");
        requireNonNull(hostKeys, "hostKeys is null");
        requireNonNull(connectTimeout, "connectTimeout is null");
        if (connectTimeout.isNegative() || connectTimeout.isZero() || connectTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new InvalidParameterException("connect_timeout", "must be positive and under 24 days", connectTimeout);
        }
        requireNonNull(jumpHost, "jumpHost is null");
        FieldChecks.requireRange("max_output_bytes", maxOutputBytes, 1024, Integer.MAX_VALUE - 1024);
    }

    /** Settings with CloudStack's defaults for everything but the key and the host-key policy. */
    public static Builder builder(SshIdentity identity, HostKeyPolicy hostKeys) {
        return new Builder(identity, hostKeys);
    }

    /** Collects settings; {@link #build()} validates them. */
    public static final class Builder {
        private final SshIdentity identity;
        private final HostKeyPolicy hostKeys;
        private int port = DEFAULT_PORT;
        private String user = DEFAULT_USER;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Optional<JumpHost> jumpHost = Optional.empty();
        private int maxOutputBytes = DEFAULT_MAX_OUTPUT_BYTES;

        private Builder(SshIdentity identity, HostKeyPolicy hostKeys) {
            this.identity = requireNonNull(identity, "identity is null");
            this.hostKeys = requireNonNull(hostKeys, "hostKeys is null");
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder user(String user) {
            this.user = requireNonNull(user, "user is null");
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = requireNonNull(connectTimeout, "connectTimeout is null");
            return this;
        }

        public Builder jumpHost(JumpHost jumpHost) {
            this.jumpHost = Optional.of(requireNonNull(jumpHost, "jumpHost is null"));
            return this;
        }

        public Builder maxOutputBytes(int maxOutputBytes) {
            this.maxOutputBytes = maxOutputBytes;
            return this;
        }

        public SshSettings build() {
            return new SshSettings(port, user, identity, hostKeys, connectTimeout, jumpHost, maxOutputBytes);
        }
    }
}
