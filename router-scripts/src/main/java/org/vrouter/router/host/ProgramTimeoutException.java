package org.vrouter.router.host;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** A program did not finish within its timeout and was killed. */
public class ProgramTimeoutException extends IOException {
    private static final long serialVersionUID = 1L;

    public ProgramTimeoutException(List<String> argv, Duration timeout) {
        super(ShellQuoting.join(argv) + " did not finish within " + timeout.toMillis() + " ms and was killed");
    }
}
