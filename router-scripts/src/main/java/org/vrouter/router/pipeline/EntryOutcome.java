package org.vrouter.router.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * How a run of an entry point ends for the process that asked for it: the exit status and the lines
 * for stderr (warnings first, then the one line explaining a non-zero status). The one-shot command
 * line prints it; {@code vrouterd} sends it back to its client, which prints it alike.
 *
 * @param exitCode 0 converged, 1 rejected input, 2 apply failed, 64 usage error
 * @param stderr the lines for stderr (each printed with a line end); empty when there is nothing to say
 */
public record EntryOutcome(int exitCode, List<String> stderr) {
    /** The exit status of a command line that could not be understood. */
    public static final int EXIT_USAGE = 64;

    public EntryOutcome {
        if (exitCode < 0 || exitCode > 255) {
            throw new IllegalArgumentException("exit code must be between 0 and 255: " + exitCode);
        }
        stderr = List.copyOf(stderr);
    }

    /** A pipeline's result: each warning as {@code warning: <text>}, then its message, if any. */
    public static EntryOutcome of(PipelineResult result) {
        List<String> lines = new ArrayList<>();
        result.warnings().forEach(warning -> lines.add("warning: " + warning));
        if (!result.message().isEmpty()) {
            lines.add(result.message());
        }
        return new EntryOutcome(result.exitCode(), lines);
    }

    /** The stderr lines as one text, each ended by a line feed; empty when there are none. */
    public String stderrText() {
        StringBuilder text = new StringBuilder();
        stderr.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    /** A usage error: exit 64 with one line. */
    public static EntryOutcome usage(String line) {
        return new EntryOutcome(EXIT_USAGE, List.of(line));
    }
}
