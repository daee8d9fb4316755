package org.vrouter.api.error;

import static java.util.Objects.requireNonNull;

/**
 * Root of every exception vrouter throws on purpose. Unchecked: an operation either completes or
 * throws one of these, never returns a "false" that the caller has to interpret.
 *
 * <p>The {@link Category} lets an embedding controller map failures to its own API errors without
 * an {@code instanceof} ladder.
 */
public class VrouterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure this is, coarse enough for an API error code. */
    public enum Category {
        /** A caller supplied a value that can never be valid (bad CIDR, port, name...). */
        INVALID_PARAMETER,
        /** A router, host or agent needed for the operation is not available now; retry later. */
        RESOURCE_UNAVAILABLE,
        /** No host, address or other capacity left to satisfy the request. */
        INSUFFICIENT_CAPACITY,
        /** Another operation holds the object; retry after it finishes. */
        CONCURRENT_OPERATION,
        /** The object is in a state where the operation is not allowed. */
        INVALID_STATE,
        /** The operation did not finish within its time bound. */
        TIMEOUT,
        /** A command reached the router or hypervisor and failed there. */
        OPERATION_FAILED
    }

    private final Category category;

    public VrouterException(Category category, String message) {
        super(message);
        this.category = requireNonNull(category, "category is null");
    }

    public VrouterException(Category category, String message, Throwable cause) {
        super(message, cause);
        this.category = requireNonNull(category, "category is null");
    }

    public Category category() {
        return category;
    }
}
