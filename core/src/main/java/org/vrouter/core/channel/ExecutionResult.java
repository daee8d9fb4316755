package org.vrouter.core.channel;

import static java.util.Objects.requireNonNull;

/**
 * How a command run on a router ended: its exit status and what it wrote, decoded as UTF-8. An
 * output longer than the channel's cap is cut and ends with a note saying so.
 */
public record ExecutionResult(int exitStatus, String stdout, String stderr) {
    public ExecutionResult {
        requireNonNull(stdout, "stdout is null");
        requireNonNull(stderr, "stderr is null");
    }

    public boolean succeeded() {
        return exitStatus == 0;
    }

    /**
     * Standard output followed by error output, as CloudStack puts both into an answer's details
     * (a line break between them when the first does not end with one).
     */
    public String combinedOutput() {
        if (stdout.isEmpty() || stderr.isEmpty()) {
            return stdout + stderr;
        }
        return stdout.endsWith("\n") ? stdout + stderr : stdout + "\n" + stderr;
    }

    @Override
    public String toString() {
        return "ExecutionResult[exit " + exitStatus + ", " + stdout.length() + " characters of output, " + stderr.length() + " of errors]";
    }
}
