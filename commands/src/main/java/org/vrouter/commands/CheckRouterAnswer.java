package org.vrouter.commands;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Set;

import org.vrouter.api.command.Answer;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.router.RedundantState;

/**
 * The answer to a {@link CheckRouterCommand}: CloudStack's {@code CheckRouterAnswer}, the VRRP
 * state {@code checkrouter.sh} reported. A failed answer always carries
 * {@link RedundantState#UNKNOWN}.
 *
 * @param details the script's output, or why it could not run
 */
public record CheckRouterAnswer(boolean success, String details, RedundantState state) implements Answer {
    private static final Set<String> KNOWN = Set.of("PRIMARY", "MASTER", "BACKUP", "FAULT");

    public CheckRouterAnswer {
        requireNonNull(details, "details is null");
        requireNonNull(state, "state is null");
        if (!success && state != RedundantState.UNKNOWN) {
            throw new InvalidParameterException("state", "a failed check has state UNKNOWN", state);
        }
    }

    /**
     * Parses {@code checkrouter.sh} output: the first line starting with {@code Status:} names the
     * state ({@code PRIMARY}, {@code BACKUP}, {@code FAULT}; {@code MASTER} before 4.16 means
     * PRIMARY). Anything else, including no such line, is {@link RedundantState#UNKNOWN}. The
     * answer is successful: the script ran.
     */
    public static CheckRouterAnswer fromScriptOutput(String output) {
        requireNonNull(output, "output is null");
        return new CheckRouterAnswer(true, output, parseState(output));
    }

    /** The script could not run; the state is unknown. */
    public static CheckRouterAnswer failure(String details) {
        return new CheckRouterAnswer(false, details, RedundantState.UNKNOWN);
    }

    private static RedundantState parseState(String output) {
        for (String line : output.split("\\R")) {
            String trimmed = line.trim();
            if (!trimmed.startsWith("Status:")) {
                continue;
            }
            String rest = trimmed.substring("Status:".length()).trim();
            String word = rest.isEmpty() ? "" : rest.split("\\s+")[0].toUpperCase(Locale.ROOT);
            return KNOWN.contains(word) ? RedundantState.fromWireName("state", word) : RedundantState.UNKNOWN;
        }
        return RedundantState.UNKNOWN;
    }
}
