package org.vrouter.cli;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import org.vrouter.commands.wire.payload.PayloadCodec;
import org.vrouter.router.converge.ServiceRendering;
import org.vrouter.router.databag.DatabagProblem;
import org.vrouter.router.databag.DatabagSnapshot;
import org.vrouter.router.databag.DatabagStore;
import org.vrouter.router.host.Host;

/**
 * {@code vrouter render [--root DIR]}: prints what every service would get from the databags under the
 * root ({@code /etc/cloudstack/*.json}), in service order: each rendered file's router path and content
 * (the iptables ruleset as {@code rules.v4}), or why the service renders nothing. Nothing is applied and
 * nothing is written: the machine is a dry run that is never asked to run or write anything.
 *
 * <p>Output, on stdout: {@code === <service> ===}, then per file {@code --- <path>} and its content
 * (followed by a newline if it lacks one; an empty file is {@code --- <path> (empty)}); a skipped service is {@code === <service>: skipped: <reason> ===}.
 * Entries a service left out are warnings on stderr. Exit 0, or 2 when a service cannot render (stderr
 * names it, with the databag and field).
 */
final class RenderCommand implements Subcommand {
    private static final String USAGE = "usage: vrouter render [--root DIR]";

    private final RouterWiring wiring;

    RenderCommand(RouterWiring wiring) {
        this.wiring = requireNonNull(wiring, "wiring is null");
    }

    @Override
    public String name() {
        return "render";
    }

    @Override
    public String summary() {
        return "print what every service would get from the databags under --root (nothing applied)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        RouterOptions options;
        Host host;
        try {
            options = RouterOptions.parse(args, false).asDryRun();
            if (!options.positional().isEmpty()) {
                throw new UsageException(USAGE);
            }
            host = wiring.host(options);
        }
        catch (UsageException e) {
            err.println("vrouter render: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        DatabagSnapshot snapshot = new DatabagStore(host, new PayloadCodec()).load();
        snapshot.problems().stream().map(DatabagProblem::message).forEach(problem -> err.println("warning: " + problem));
        int status = 0;
        for (ServiceRendering rendering : wiring.converger(options, host).render(snapshot.databags())) {
            switch (rendering.state()) {
                case RENDERED -> print(rendering, out, err);
                case SKIPPED -> out.println("=== " + rendering.service() + ": skipped: " + rendering.detail() + " ===");
                case FAILED -> {
                    out.println("=== " + rendering.service() + ": cannot render ===");
                    err.println("vrouter render: " + rendering.service() + ": " + rendering.detail());
                    status = Main.EXIT_FAILED;
                }
            }
        }
        return status;
    }

    private static void print(ServiceRendering rendering, PrintStream out, PrintStream err) {
        if (!rendering.detail().isEmpty()) {
            err.println("warning: " + rendering.service() + ": " + rendering.detail());
        }
        out.println("=== " + rendering.service() + " ===");
        if (rendering.files().isEmpty()) {
            out.println("(no files: the service is not configured)");
        }
        for (Map.Entry<String, String> file : rendering.files().entrySet()) {
            out.println("--- " + file.getKey() + (file.getValue().isEmpty() ? " (empty)" : ""));
            out.print(file.getValue());
            if (!file.getValue().isEmpty() && !file.getValue().endsWith("\n")) {
                out.println();
            }
        }
    }
}
