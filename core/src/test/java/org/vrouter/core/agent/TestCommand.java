package org.vrouter.core.agent;

import java.time.Duration;
import java.util.Optional;

import org.vrouter.api.command.Command;

/** A command that carries only a name and, optionally, its own timeout. */
record TestCommand(String name, Optional<Duration> timeout) implements Command {
    static TestCommand named(String name) {
        return new TestCommand(name, Optional.empty());
    }

    static TestCommand withTimeout(String name, Duration timeout) {
        return new TestCommand(name, Optional.of(timeout));
    }
}
