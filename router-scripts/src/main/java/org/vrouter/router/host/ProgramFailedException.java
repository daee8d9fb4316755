package org.vrouter.router.host;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.error.VrouterException;

/** A program exited non-zero where the caller needed it to succeed. */
public class ProgramFailedException extends VrouterException {
    private static final long serialVersionUID = 1L;

    private final transient ProgramResult result;

    public ProgramFailedException(ProgramResult result) {
        super(Category.OPERATION_FAILED, message(requireNonNull(result, "result is null")));
        this.result = result;
    }

    private static String message(ProgramResult result) {
        String detail = result.firstErrorLine();
        return ShellQuoting.join(result.argv()) + " exited " + result.exitStatus() + (detail.isEmpty() ? "" : ": " + detail);
    }

    public ProgramResult result() {
        return result;
    }
}
