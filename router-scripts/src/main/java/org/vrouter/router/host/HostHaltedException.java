package org.vrouter.router.host;

/**
 * Thrown by {@link FaultInjectingHost} at and after a simulated crash. Unchecked so that it passes
 * through code that handles {@link java.io.IOException}, as a power loss would.
 */
public class HostHaltedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public HostHaltedException(String message) {
        super(message);
    }
}
