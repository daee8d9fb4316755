package org.vrouter.router.launcher;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.vrouter.api.metrics.Metrics;
import org.vrouter.commands.wire.payload.PayloadCodec;
import org.vrouter.router.converge.RouterConverger;
import org.vrouter.router.daemon.DaemonRouter;
import org.vrouter.router.daemon.Vrouterd;
import org.vrouter.router.databag.DatabagStore;
import org.vrouter.router.host.Host;
import org.vrouter.router.pipeline.EntryPoints;
import org.vrouter.router.pipeline.PipelineOptions;

/**
 * {@code vrouter vrouterd [--root DIR] [--netns NAME] [--dry-run] [--socket PATH]} (also {@code vrouter
 * daemon}): serves the router's entry points on {@code <root>/run/vrouter/vrouterd.sock} (or
 * {@code PATH}) until SIGTERM, keeping the databags in memory. The router distribution runs it as a
 * systemd unit; {@code update_config.py}, {@code vr_cfg.sh} and keepalived's notify hook find it on its socket.
 */
final class VrouterdCommand implements Subcommand {
    private static final String USAGE = "usage: vrouter vrouterd [--root DIR] [--netns NAME] [--dry-run] [--socket PATH]";
    /** As long as systemd waits by default, less a margin: a request under way finishes before the process ends. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(80);

    private final String name;
    private final RouterWiring wiring;

    /** @param name {@code vrouterd}, or its alias {@code daemon} */
    VrouterdCommand(String name, RouterWiring wiring) {
        this.name = requireNonNull(name, "name is null");
        this.wiring = requireNonNull(wiring, "wiring is null");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String summary() {
        return "serve update_config.py / vr_cfg.sh from a long-lived process (databags kept in memory)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Vrouterd daemon;
        try {
            List<String> rest = new ArrayList<>(args);
            Optional<Path> socket = socketOption(rest);
            RouterOptions options = RouterOptions.parse(rest, false);
            if (!options.positional().isEmpty()) {
                throw new UsageException(USAGE);
            }
            Host host = wiring.host(options);
            PayloadCodec codec = new PayloadCodec();
            RouterConverger converger = wiring.converger(options, host);
            // what nothing waits on is written once the router is idle, after the replies
            EntryPoints router = new EntryPoints(host, converger, codec, DatabagStore.caching(host, codec, Clock.systemUTC()),
                    PipelineOptions.defaults().withSettleLater(true));
            daemon = Vrouterd.serve(socket.orElseGet(() -> host.resolve(Vrouterd.SOCKET_PATH)),
                    List.of(new DaemonRouter(router, converger.redundantStateFollowers())), SHUTDOWN_GRACE, Metrics.NOOP);
        }
        catch (UsageException e) {
            err.println("vrouter " + name + ": " + e.getMessage());
            return CommandLine.EXIT_USAGE;
        }
        // SIGTERM runs the hook: stop accepting, let the request under way finish, remove the socket
        Runtime.getRuntime().addShutdownHook(new Thread(daemon::close, "vrouterd-shutdown"));
        out.println("vrouterd: serving on " + daemon.socket());
        out.flush();
        daemon.awaitClosed();
        return 0;
    }

    /** Takes {@code --socket PATH} (or {@code --socket=PATH}) out of the arguments. */
    private static Optional<Path> socketOption(List<String> args) throws UsageException {
        Optional<Path> socket = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                break;
            }
            if (arg.equals("--socket") || arg.startsWith("--socket=")) {
                String value = arg.contains("=") ? arg.substring("--socket=".length()) : i + 1 < args.size() ? args.remove(i + 1) : "";
                args.remove(i--);
                if (value.isEmpty()) {
                    throw new UsageException("--socket needs a value");
                }
                socket = Optional.of(Path.of(value).toAbsolutePath().normalize());
            }
        }
        return socket;
    }
}
