package org.vrouter.router.metadata;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metadata server as a daemon: {@code MetadataServerMain --root DIR [--config FILE] [--poll SECONDS]}
 * (also {@code vrouter metadata-server}). Serves the router tree under {@code DIR}, listens as
 * {@code FILE} says (default {@code DIR}{@value MetadataPaths#SERVER_CONFIG}), re-reads it every
 * {@code SECONDS} (default 2) and retries listeners that could not bind, and runs in the foreground until
 * it is terminated (SIGTERM closes the listeners). Exit status 64 for a usage error.
 *
 * <p>Requests are bounded in time (the JDK server's {@code sun.net.httpserver.maxReqTime} and
 * {@code maxRspTime}, 10 s unless set), so slow clients cannot hold the few worker threads.
 */
public final class MetadataServerMain {
    static final int EXIT_USAGE = 64;
    private static final Logger log = LoggerFactory.getLogger(MetadataServerMain.class);
    private static final String USAGE = "usage: metadata-server --root DIR [--config FILE] [--poll SECONDS]";
    private static final String REQUEST_SECONDS = "10";

    private MetadataServerMain() {}

    public static void main(String[] args) throws InterruptedException {
        System.exit(run(List.of(args), System.err));
    }

    /**
     * Runs the server until the process is terminated; returns only for a usage error.
     *
     * @return {@value #EXIT_USAGE} when the arguments are wrong
     */
    public static int run(List<String> args, PrintStream err) throws InterruptedException {
        Optional<Options> options = Options.parse(args);
        if (options.isEmpty()) {
            err.println(USAGE);
            return EXIT_USAGE;
        }
        // read once, when the JDK server's configuration class loads: set them before the first server
        System.setProperty("sun.net.httpserver.maxReqTime", System.getProperty("sun.net.httpserver.maxReqTime", REQUEST_SECONDS));
        System.setProperty("sun.net.httpserver.maxRspTime", System.getProperty("sun.net.httpserver.maxRspTime", REQUEST_SECONDS));
        Options chosen = options.get();
        MetadataServer server = new MetadataServer(chosen.root());
        ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "metadata-server-config");
            thread.setDaemon(true);
            return thread;
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            refresher.shutdownNow();
            server.close();
            stopped.countDown();
        }, "metadata-server-stop"));
        refresher.scheduleWithFixedDelay(() -> refresh(server, chosen.config()), 0, chosen.pollSeconds(), TimeUnit.SECONDS);
        log.info("metadata server started: root {}, configuration {}", chosen.root(), chosen.config());
        stopped.await();
        return 0;
    }

    private static void refresh(MetadataServer server, Path config) {
        try {
            server.refresh(config);
        }
        catch (RuntimeException e) {
            // thread edge: a failed refresh must not end the schedule; the next one tries again
            log.error("metadata server refresh failed", e);
        }
    }

    private record Options(Path root, Path config, long pollSeconds) {
        static Optional<Options> parse(List<String> args) {
            Path root = null;
            Path config = null;
            long poll = 2;
            for (int i = 0; i < args.size(); i += 2) {
                if (i + 1 >= args.size()) {
                    return Optional.empty();
                }
                String value = args.get(i + 1);
                switch (args.get(i)) {
                    case "--root" -> root = Path.of(value);
                    case "--config" -> config = Path.of(value);
                    case "--poll" -> {
                        if (!value.matches("[1-9][0-9]{0,3}")) {
                            return Optional.empty();
                        }
                        poll = Long.parseLong(value);
                    }
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            if (root == null) {
                return Optional.empty();
            }
            Path file = config != null ? config : root.resolve(MetadataPaths.SERVER_CONFIG.substring(1));
            return Optional.of(new Options(root, file, poll));
        }
    }
}
