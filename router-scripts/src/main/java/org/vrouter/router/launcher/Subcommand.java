package org.vrouter.router.launcher;

import java.io.PrintStream;
import java.util.List;

/** One {@code vrouter <name>} subcommand. */
public interface Subcommand {
    /** The word after {@code vrouter}. */
    String name();

    /** One line for the usage text. */
    String summary();

    /**
     * Runs the subcommand.
     *
     * @return the process exit status (0 = success; see docs/architecture.md for the others)
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
