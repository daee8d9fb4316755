package org.vrouter.commands;

import static java.util.Objects.requireNonNull;

import java.util.List;

import org.vrouter.api.command.Answer;
import org.vrouter.api.error.InvalidParameterException;

/**
 * The answer to a command that became several configuration items: CloudStack's
 * {@code GroupAnswer}. One result string per item, {@code "<info> - success: <details>"} or
 * {@code "<info> - failed: <details>"} in CloudStack's resource; {@link #success()} is the overall
 * result (CloudStack: the last item's, which masks an earlier failure; a better executor reports
 * the first failure).
 *
 * @param count how many results the command produced; must equal the size of {@code results}
 */
public record GroupAnswer(boolean success, int count, List<String> results) implements Answer {
    public GroupAnswer {
        results = List.copyOf(requireNonNull(results, "results is null"));
        if (count != results.size()) {
            throw new InvalidParameterException("results", "expected " + count + " results but got " + results.size(), results.size());
        }
    }

    /** A group of {@code results}, counted. */
    public static GroupAnswer of(boolean success, List<String> results) {
        return new GroupAnswer(success, results.size(), results);
    }

    /** The results, one per line. */
    @Override
    public String details() {
        return String.join("\n", results);
    }
}
