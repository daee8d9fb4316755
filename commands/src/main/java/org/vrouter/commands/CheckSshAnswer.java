package org.vrouter.commands;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.command.Answer;

/**
 * The answer to a {@link CheckSshCommand}: CloudStack's {@code CheckSshAnswer}. Success means the
 * router accepted a TCP connection on its SSH port; a failure's details say what was tried.
 */
public record CheckSshAnswer(boolean success, String details) implements Answer {
    public CheckSshAnswer {
        requireNonNull(details, "details is null");
    }

    public static CheckSshAnswer reachable() {
        return new CheckSshAnswer(true, "");
    }

    public static CheckSshAnswer unreachable(String details) {
        return new CheckSshAnswer(false, details);
    }
}
