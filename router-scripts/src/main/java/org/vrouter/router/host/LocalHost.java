package org.vrouter.router.host;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The machine this process runs on: a real router, root {@code /}. Programs run directly.
 * {@link #at(Path)} roots the files elsewhere (a sandbox or a test) while programs still run here.
 */
public final class LocalHost extends RootedHost {
    private LocalHost(Path root) {
        super(root);
    }

    /** The router itself: files under {@code /}. */
    public static LocalHost system() {
        return new LocalHost(Path.of("/"));
    }

    /** Files under {@code root}, programs run on this machine. */
    public static LocalHost at(Path root) {
        return new LocalHost(root);
    }

    @Override
    public ProgramResult run(ProgramCall call) throws IOException {
        return ProcessRunner.run(call.argv(), call);
    }
}
