package org.vrouter.router.daemon;

/** A request line that does not follow the protocol; the message says why, for the reply. */
public final class MalformedRequestException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedRequestException(String message) {
        super(message);
    }
}
