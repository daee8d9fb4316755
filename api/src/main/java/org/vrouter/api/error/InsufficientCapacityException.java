package org.vrouter.api.error;

import static java.util.Objects.requireNonNull;

/**
 * No capacity is left to satisfy a request: no host can take the router, no public or link-local
 * address is free. Retrying without freeing capacity does not help.
 */
public class InsufficientCapacityException extends VrouterException {
    private static final long serialVersionUID = 1L;

    private final String resource;

    /**
     * @param resource what ran out, in words a controller can show ({@code host}, {@code public ip},
     *     {@code link-local ip})
     * @param message what was being attempted
     */
    public InsufficientCapacityException(String resource, String message) {
        super(Category.INSUFFICIENT_CAPACITY, "insufficient " + requireNonNull(resource, "resource is null") + ": " + message);
        this.resource = resource;
    }

    /** What ran out. */
    public String resource() {
        return resource;
    }
}
