package org.vrouter.api.error;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The object is in a state where the request is not allowed: an illegal state transition
 * ({@link #transition}) or an operation the current state forbids ({@link #operation}). Nothing
 * was changed.
 */
public class InvalidStateException extends VrouterException {
    private static final long serialVersionUID = 1L;

    private final String object;
    private final String from;
    private final String to;

    private InvalidStateException(String object, String from, String to, String message) {
        super(Category.INVALID_STATE, message);
        this.object = object;
        this.from = from;
        this.to = to;
    }

    /**
     * An illegal transition.
     *
     * @param object what is changing state, as an operator would name it ({@code router r-5-VM})
     * @param from the current state
     * @param to the requested state
     */
    public static InvalidStateException transition(String object, Object from, Object to) {
        requireNonNull(object, "object is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        return new InvalidStateException(object, from.toString(), to.toString(),
                object + ": illegal state transition from " + from + " to " + to);
    }

    /** An operation that {@code object}'s current {@code state} does not allow. */
    public static InvalidStateException operation(String object, Object state, String operation) {
        requireNonNull(object, "object is null");
        requireNonNull(state, "state is null");
        requireNonNull(operation, "operation is null");
        return new InvalidStateException(object, state.toString(), null,
                object + ": cannot " + operation + " in state " + state);
    }

    /** What was in the wrong state. */
    public String object() {
        return object;
    }

    /** The state the object was in. */
    public String from() {
        return from;
    }

    /** The requested state; empty when an operation, not a transition, was refused. */
    public Optional<String> to() {
        return Optional.ofNullable(to);
    }
}
