package org.vrouter.core.routing;

/**
 * A hypervisor could not tell a router's NICs ({@link RouterVmDriver#nicsOf}): its API failed, or
 * it has no VM of that name. Checked, because it marks the hypervisor I/O edge; the
 * {@link RouterCommandDispatcher} turns it into a failed answer whose details are the message, so
 * the message names the router and what failed.
 */
public class RouterVmException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message the failed answer's details: names the router and what failed */
    public RouterVmException(String message) {
        super(message);
    }

    /** @param message the failed answer's details: names the router and what failed */
    public RouterVmException(String message, Throwable cause) {
        super(message, cause);
    }
}
