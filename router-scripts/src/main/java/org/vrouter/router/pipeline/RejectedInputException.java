package org.vrouter.router.pipeline;

/**
 * An input the pipeline refuses before changing anything; the message is the one line for stderr,
 * naming the file, the entry and the field.
 */
final class RejectedInputException extends Exception {
    private static final long serialVersionUID = 1L;

    RejectedInputException(String message) {
        super(message);
    }
}
