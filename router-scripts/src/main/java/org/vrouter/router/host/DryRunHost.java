package org.vrouter.router.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Shows what a converge would do without doing it: files are written under a root directory, and
 * programs are not run. Each program is appended to {@value #LOG_PATH} (under the root) as one
 * shell-quoted command line, and answers success with empty output. The program's input is not
 * logged: it may hold secrets.
 */
public final class DryRunHost extends RootedHost {
    /** The router path of the log of programs that would have run. */
    public static final String LOG_PATH = "/var/log/vrouter/dry-run.log";

    public DryRunHost(Path root) {
        super(root);
    }

    @Override
    public synchronized ProgramResult run(ProgramCall call) throws IOException {
        Path log = resolve(LOG_PATH);
        Files.createDirectories(log.getParent());
        Files.writeString(log, call.commandLine() + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        return ProgramResult.success(call.argv());
    }

    /** A dry run started no process: whether a daemon runs is what its (logged) status program says. */
    @Override
    public Optional<String> liveProcessCommand(String pidFile) {
        return Optional.empty();
    }
}
