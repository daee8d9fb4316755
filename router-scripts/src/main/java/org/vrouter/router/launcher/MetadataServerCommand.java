package org.vrouter.router.launcher;

import java.io.PrintStream;
import java.util.List;

import org.vrouter.router.metadata.MetadataServerMain;

/**
 * {@code vrouter metadata-server --root DIR [--config FILE] [--poll SECONDS]}: the router's metadata and
 * password server in the foreground, as the router image's {@code vrouter-metadata.service} runs it; see
 * {@link MetadataServerMain}. Returns only for a usage error.
 */
final class MetadataServerCommand implements Subcommand {
    @Override
    public String name() {
        return "metadata-server";
    }

    @Override
    public String summary() {
        return "serve VM user data, metadata and passwords (router daemon)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws InterruptedException {
        return MetadataServerMain.run(args, err);
    }
}
