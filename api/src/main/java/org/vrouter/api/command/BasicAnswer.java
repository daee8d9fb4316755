package org.vrouter.api.command;

import static java.util.Objects.requireNonNull;

/** An answer with nothing but the success flag and the executor's details. */
public record BasicAnswer(boolean success, String details) implements Answer {
    public BasicAnswer {
        requireNonNull(details, "details is null");
    }
}
