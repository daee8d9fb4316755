package org.vrouter.api.command;

/**
 * The outcome of one {@link Command}. The success flag exists because the wire needs one; the
 * management side turns a failed answer into an exception at its dispatch layer, so callers of
 * the SPI see completed operations or exceptions, not flags.
 *
 * <p>Commands with a structured result have their own answer type (for example the router's
 * redundancy state); {@link #success(String)} and {@link #failure(String)} cover the rest.
 */
public interface Answer {
    /** True when the command took full effect. */
    boolean success();

    /** What the executor reported (script output, error message); never null, may be empty. */
    String details();

    static Answer success(String details) {
        return new BasicAnswer(true, details);
    }

    static Answer failure(String details) {
        return new BasicAnswer(false, details);
    }
}
