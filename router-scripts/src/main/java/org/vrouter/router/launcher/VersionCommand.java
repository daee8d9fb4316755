package org.vrouter.router.launcher;

import java.io.PrintStream;
import java.util.List;

/** {@code vrouter version}: the library version, from the jar manifest. */
final class VersionCommand implements Subcommand {
    @Override
    public String name() {
        return "version";
    }

    @Override
    public String summary() {
        return "print the vrouter version";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        String version = VersionCommand.class.getPackage().getImplementationVersion();
        out.println("vrouter " + (version == null ? "(development build)" : version));
        return 0;
    }
}
