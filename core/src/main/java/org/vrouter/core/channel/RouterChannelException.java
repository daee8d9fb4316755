package org.vrouter.core.channel;

import static java.util.Objects.requireNonNull;

import java.io.IOException;

/**
 * A {@link RouterChannel} call that did not complete, with the reason as a {@link Failure} so a
 * caller can tell "wrong router identity" (never retry blindly) from "not reachable yet" (retry
 * later). The message names the router and says what to check.
 */
public final class RouterChannelException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Why the call failed. */
    public enum Failure {
        /** TCP connection or SSH handshake failed or timed out (router down, wrong address or port). */
        CONNECT,
        /** The router's host key is unknown or differs from the expected one. */
        HOST_KEY,
        /** The router refused the client's key. */
        AUTHENTICATION,
        /** The command or transfer did not finish within its time bound. */
        TIMEOUT,
        /** The peer broke the protocol: no exit status, a refused or cut file transfer. */
        PROTOCOL
    }

    private final Failure failure;

    public RouterChannelException(Failure failure, String message) {
        super(message);
        this.failure = requireNonNull(failure, "failure is null");
    }

    public RouterChannelException(Failure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = requireNonNull(failure, "failure is null");
    }

    public Failure failure() {
        return failure;
    }
}
