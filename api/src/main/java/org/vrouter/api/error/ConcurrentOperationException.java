package org.vrouter.api.error;

/**
 * Another operation holds or has changed the object: a lock could not be taken in time, or an
 * optimistic update found a newer version than the one it read. Re-read and retry.
 */
public class ConcurrentOperationException extends VrouterException {
    private static final long serialVersionUID = 1L;

    public ConcurrentOperationException(String message) {
        super(Category.CONCURRENT_OPERATION, message);
    }

    public ConcurrentOperationException(String message, Throwable cause) {
        super(Category.CONCURRENT_OPERATION, message, cause);
    }

    /** An optimistic update lost: {@code object} is at {@code actualVersion}, the caller read {@code expectedVersion}. */
    public static ConcurrentOperationException staleVersion(String object, long expectedVersion, long actualVersion) {
        return new ConcurrentOperationException(object + " was changed by another operation (read version "
                + expectedVersion + ", now at " + actualVersion + ")");
    }
}
