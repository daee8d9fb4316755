package org.vrouter.router.host;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** How a program ended: its exit status and everything it wrote. */
public record ProgramResult(List<String> argv, int exitStatus, String stdout, String stderr) {
    public ProgramResult {
        argv = List.copyOf(requireNonNull(argv, "argv is null"));
        requireNonNull(stdout, "stdout is null");
        requireNonNull(stderr, "stderr is null");
    }

    /** A successful run with no output (what a dry run answers). */
    public static ProgramResult success(List<String> argv) {
        return new ProgramResult(argv, 0, "", "");
    }

    public boolean succeeded() {
        return exitStatus == 0;
    }

    /**
     * This result if the program exited 0.
     *
     * @throws ProgramFailedException otherwise, naming the program, its status and its error output
     */
    public ProgramResult requireSuccess() {
        if (!succeeded()) {
            throw new ProgramFailedException(this);
        }
        return this;
    }

    /** The first non-blank line of the error output (or of the output), for one-line messages. */
    public String firstErrorLine() {
        for (String text : List.of(stderr, stdout)) {
            for (String line : text.split("\n", -1)) {
                if (!line.isBlank()) {
                    return line.strip();
                }
            }
        }
        return "";
    }

    @Override
    public String toString() {
        return "ProgramResult[" + ShellQuoting.join(argv) + " exited " + exitStatus + ", " + stdout.length()
                + " characters of output, " + stderr.length() + " of errors]";
    }
}
