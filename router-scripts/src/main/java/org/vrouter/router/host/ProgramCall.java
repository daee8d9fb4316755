package org.vrouter.router.host;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A program to run: its argv (never a shell string), what to feed its standard input, and how long
 * to wait for it. {@link #toString()} never shows the input, which may hold secrets.
 */
public record ProgramCall(List<String> argv, Optional<String> stdin, Duration timeout) {
    /** How long a program may run unless the caller says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public ProgramCall {
        argv = List.copyOf(requireNonNull(argv, "argv is null"));
        requireNonNull(stdin, "stdin is null");
        requireNonNull(timeout, "timeout is null");
        if (argv.isEmpty() || argv.get(0).isEmpty()) {
            throw new IllegalArgumentException("argv must name a program: " + argv);
        }
        for (String argument : argv) {
            if (argument.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("argv contains a NUL character: " + argv);
            }
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /** A call with no input and the default timeout. */
    public static ProgramCall of(String... argv) {
        return of(List.of(argv));
    }

    public static ProgramCall of(List<String> argv) {
        return new ProgramCall(argv, Optional.empty(), DEFAULT_TIMEOUT);
    }

    public ProgramCall withStdin(String input) {
        return new ProgramCall(argv, Optional.of(input), timeout);
    }

    public ProgramCall withTimeout(Duration limit) {
        return new ProgramCall(argv, stdin, limit);
    }

    /** The argv shell-quoted and joined by spaces, for reading and for logs. */
    public String commandLine() {
        return ShellQuoting.join(argv);
    }

    @Override
    public String toString() {
        return "ProgramCall[" + commandLine() + stdin.map(input -> " < (" + input.length() + " characters)").orElse("")
                + ", timeout " + timeout + "]";
    }
}
