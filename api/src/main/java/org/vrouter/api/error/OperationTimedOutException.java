package org.vrouter.api.error;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * An operation did not finish within its time bound: a command without an answer, a router that
 * did not become reachable, a lock not granted. Whether the operation took effect is unknown.
 */
public class OperationTimedOutException extends VrouterException {
    private static final long serialVersionUID = 1L;

    private final String operation;
    private final Duration timeout;

    /**
     * @param operation what was attempted ({@code CheckSshCommand on host 3})
     * @param timeout the bound that expired
     */
    public OperationTimedOutException(String operation, Duration timeout) {
        this(operation, timeout, null);
    }

    public OperationTimedOutException(String operation, Duration timeout, Throwable cause) {
        super(Category.TIMEOUT, requireNonNull(operation, "operation is null") + " did not finish within "
                + requireNonNull(timeout, "timeout is null").toMillis() + " ms", cause);
        this.operation = operation;
        this.timeout = timeout;
    }

    public String operation() {
        return operation;
    }

    public Duration timeout() {
        return timeout;
    }
}
