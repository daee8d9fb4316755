package org.vrouter.router.daemon;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.router.pipeline.EntryOutcome;
import org.vrouter.router.pipeline.EntryPoints;
import org.vrouter.router.pipeline.PipelineResult;
import org.vrouter.router.redundancy.RedundancyStateEntry;

/**
 * Runs requests on the routers a daemon serves, one at a time per router, in arrival order (a fair lock,
 * inside which the pipeline also takes the router's lock file, so a one-shot run never interleaves
 * either). What a request gets is what the one-shot command line would print and return for the same
 * arguments, including its answers to failures the pipeline does not report itself (exit 1 for an
 * invalid parameter, 64 for an illegal argument, 2 for anything else). A VRRP transition
 * ({@code redundancy-state}) queues behind the router's update under way like any request, and then waits for
 * the router's lock file as the one-shot transition does. A router whose runs leave work for later
 * ({@link org.vrouter.router.pipeline.PipelineOptions#settleLater}) is settled by an {@link IdleSettler} after
 * its replies, and once more when the daemon stops.
 */
final class RequestHandler {
    private static final Logger log = LoggerFactory.getLogger(RequestHandler.class);

    /** One router, the lock that serialises its requests, and what settles it when its runs leave work for later. */
    private record Router(DaemonRouter served, ReentrantLock lock, Optional<IdleSettler> settler) {}

    private final Map<Path, Router> routers = new LinkedHashMap<>();
    private final Path defaultRoot;
    private final ScheduledExecutorService settling = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "vrouterd-settle");
        thread.setDaemon(true);
        return thread;
    });

    /** @param routers the routers, each with its own root; the first serves requests that name none */
    RequestHandler(List<DaemonRouter> routers) throws IOException {
        if (routers.isEmpty()) {
            throw new IllegalArgumentException("a daemon serves at least one router");
        }
        for (DaemonRouter router : routers) {
            Path root = canonical(router.entryPoints().host().resolve("/"));
            ReentrantLock lock = new ReentrantLock(true);
            Optional<IdleSettler> settler = router.entryPoints().settlesLater()
                    ? Optional.of(new IdleSettler(router.entryPoints(), lock, settling)) : Optional.empty();
            if (this.routers.putIfAbsent(root, new Router(router, lock, settler)) != null) {
                throw new IllegalArgumentException("two routers share the root " + root);
            }
        }
        this.defaultRoot = this.routers.keySet().iterator().next();
    }

    List<Path> roots() {
        return List.copyOf(routers.keySet());
    }

    EntryOutcome handle(DaemonRequest request) throws IOException {
        if (request.verb() == DaemonRequest.Verb.PING) {
            return new EntryOutcome(0, List.of());
        }
        Path root = request.root().isPresent() ? canonical(request.root().get()) : defaultRoot;
        Router router = routers.get(root);
        if (router == null) {
            return EntryOutcome.usage("vrouterd: no router with root " + root + " here (serving " + routers.keySet() + ")");
        }
        for (String arg : request.args()) {
            if (arg.contains("/") && !arg.startsWith("/")) {
                return EntryOutcome.usage("vrouterd: " + arg + ": a relative path means nothing to the daemon; send an absolute one");
            }
        }
        router.lock().lock();
        try {
            return run(router.served(), request);
        }
        finally {
            router.lock().unlock();
            if (request.verb() != DaemonRequest.Verb.REDUNDANCY_STATE) {
                router.settler().ifPresent(IdleSettler::requestEnded);
            }
        }
    }

    /** Settles every router that leaves work for later, in its turn; once the last request has ended. */
    void settleAll() {
        routers.values().forEach(router -> router.settler().ifPresent(IdleSettler::settleNow));
    }

    /** Stops settling idle routers. */
    void close() {
        settling.shutdownNow();
    }

    private static EntryOutcome run(DaemonRouter router, DaemonRequest request) {
        String command = "vrouter " + request.verb().word() + ": ";
        EntryPoints entryPoints = router.entryPoints();
        try {
            if (request.verb() == DaemonRequest.Verb.UPDATE_CONFIG) {
                return entryPoints.updateConfig(request.args(), request.deferConfig());
            }
            if (request.verb() == DaemonRequest.Verb.REDUNDANCY_STATE) {
                return RedundancyStateEntry.run(router.transition(), request.args()).outcome();
            }
            if (request.args().size() != 2 || !request.args().get(0).equals("-c")) {
                return EntryOutcome.usage(command + EntryPoints.VR_CFG_USAGE);
            }
            return entryPoints.vrCfg(request.args().get(1));
        }
        // the same answers as the command line's process edge (Main.run), so that both print the same
        catch (InvalidParameterException e) {
            return new EntryOutcome(PipelineResult.Status.REJECTED.exitCode(), List.of(command + e.getMessage()));
        }
        catch (IllegalArgumentException e) {
            return EntryOutcome.usage(command + e.getMessage());
        }
        catch (IOException | RuntimeException e) {
            // the request's edge: logged once with its cause, answered as the command line's exit 2
            log.error("{}failed", command, e);
            return new EntryOutcome(PipelineResult.Status.APPLY_FAILED.exitCode(), List.of(command + e.getMessage()));
        }
    }

    /** The real path of a directory when it exists (so that two spellings of one root match), else the normalised one. */
    private static Path canonical(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath().normalize();
        return Files.exists(absolute) ? absolute.toRealPath() : absolute;
    }
}
