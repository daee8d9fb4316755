package org.vrouter.router.daemon;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vrouter.api.metrics.Metrics;
import org.vrouter.router.host.FileVersion;
import org.vrouter.router.pipeline.EntryOutcome;
import org.vrouter.router.pipeline.EntryPoints;

/**
 * {@code vrouterd}: serves the entry points of one or more routers ({@code update_config.py},
 * {@code vr_cfg.sh}, keepalived's notify hook) over a Unix domain socket (mode
 * 0600), one request per connection ({@link DaemonProtocol}). It is a cache, never the source of truth:
 * the routers' {@link EntryPoints} keep their databags in memory between requests (a caching store that
 * reads a file again when it changed behind its back), and every accepted change is on disk before its
 * reply, so killing the daemon at any moment loses nothing.
 *
 * <p>Requests of one router run one at a time, in arrival order; a malformed request gets an error reply
 * (status 64) and the daemon serves on. {@link #close()} stops accepting, lets the requests under way
 * finish (bounded) and removes the socket; a socket left by a daemon that was killed is taken over by the
 * next one. Thread-safe.
 */
public final class Vrouterd implements AutoCloseable {
    /** The router path of the socket of a router's own daemon. */
    public static final String SOCKET_PATH = "/run/vrouter/vrouterd.sock";

    private static final Logger log = LoggerFactory.getLogger(Vrouterd.class);
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;
    private static final int WORKERS = 4;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private static final int DRAIN_LIMIT = 1 << 20;

    private final Path socket;
    private final RequestHandler handler;
    private final Duration shutdownGrace;
    private final Metrics metrics;
    private final ServerSocketChannel server;
    private final FileVersion socketVersion;
    private final ExecutorService workers;
    private final ScheduledExecutorService timeouts;
    private final Thread acceptor;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicInteger threads = new AtomicInteger();
    private volatile boolean closing;

    private Vrouterd(Path socket, RequestHandler handler, Duration shutdownGrace, Metrics metrics) throws IOException {
        this.socket = socket;
        this.handler = handler;
        this.shutdownGrace = shutdownGrace;
        this.metrics = metrics;
        this.server = bind(socket);
        this.socketVersion = FileVersion.of(socket).orElseThrow(() -> new IOException("socket vanished after bind: " + socket));
        this.workers = Executors.newFixedThreadPool(WORKERS, task -> thread(task, "vrouterd-worker-" + threads.incrementAndGet()));
        this.timeouts = Executors.newSingleThreadScheduledExecutor(task -> thread(task, "vrouterd-timeouts"));
        this.acceptor = thread(this::accept, "vrouterd-accept");
    }

    /**
     * Binds the socket and starts serving; the routers' VRRP transitions move addresses and conntrackd only.
     *
     * @param socket where to listen (a router's own daemon: {@link #SOCKET_PATH} under its root)
     * @param routers the routers served, each with its own root; the first serves requests that name none
     * @param shutdownGrace how long {@link #close()} waits for requests under way
     * @throws IOException when the socket cannot be bound, or another daemon answers on it
     */
    public static Vrouterd start(Path socket, List<EntryPoints> routers, Duration shutdownGrace, Metrics metrics) throws IOException {
        return serve(socket, routers.stream().map(DaemonRouter::of).toList(), shutdownGrace, metrics);
    }

    /**
     * Binds the socket and starts serving routers whose VRRP transitions also apply services that follow
     * the VRRP state (the VPN): what a router's own daemon and the netns backend serve.
     *
     * @param socket where to listen (a router's own daemon: {@link #SOCKET_PATH} under its root)
     * @param routers the routers served, each with its own root; the first serves requests that name none
     * @param shutdownGrace how long {@link #close()} waits for requests under way
     * @throws IOException when the socket cannot be bound, or another daemon answers on it
     */
    public static Vrouterd serve(Path socket, List<DaemonRouter> routers, Duration shutdownGrace, Metrics metrics) throws IOException {
        requireNonNull(socket, "socket is null");
        requireNonNull(shutdownGrace, "shutdownGrace is null");
        requireNonNull(metrics, "metrics is null");
        Vrouterd daemon = new Vrouterd(socket.toAbsolutePath().normalize(), new RequestHandler(routers), shutdownGrace, metrics);
        daemon.acceptor.start();
        log.info("vrouterd serving {} on {}", daemon.handler.roots(), daemon.socket);
        return daemon;
    }

    public Path socket() {
        return socket;
    }

    private static Thread thread(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Binds at a temporary name, restricts it to the owner, then renames it into place: a client never
     * finds the socket before it is 0600, and a socket left by a killed daemon is replaced atomically.
     */
    private static ServerSocketChannel bind(Path socket) throws IOException {
        Files.createDirectories(socket.getParent());
        takeOverStale(socket);
        Path temporary = socket.resolveSibling("." + socket.getFileName() + "." + ProcessHandle.current().pid());
        Files.deleteIfExists(temporary);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(temporary));
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            Files.move(temporary, socket, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return server;
        }
        catch (IOException | RuntimeException e) {
            server.close();
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /** Removes a socket nobody answers on; refuses when a daemon does, or when the path is not a socket. */
    private static void takeOverStale(Path socket) throws IOException {
        if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        int mode = (Integer) Files.getAttribute(socket, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        if ((mode & S_IFMT) != S_IFSOCK) {
            throw new IOException(socket + " exists and is not a socket");
        }
        SocketChannel probe;
        try {
            probe = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        }
        catch (ConnectException refused) {
            log.info("removing the socket of a vrouterd that is gone: {}", socket);
            Files.delete(socket);
            return;
        }
        probe.close();
        throw new IOException("another vrouterd already serves " + socket);
    }

    private void accept() {
        while (!closing) {
            SocketChannel channel;
            try {
                channel = server.accept();
            }
            catch (ClosedChannelException e) {
                break;
            }
            catch (IOException e) {
                // the thread's edge: a broken listening socket ends the daemon, which its supervisor restarts
                log.error("vrouterd cannot accept connections on {}; stopping", socket, e);
                new Thread(this::close, "vrouterd-stop").start();
                break;
            }
            try {
                workers.execute(() -> serve(channel));
            }
            catch (RejectedExecutionException e) {
                closeQuietly(channel);
            }
        }
    }

    /** One connection: read the request, run it, reply. */
    private void serve(SocketChannel channel) {
        long start = System.nanoTime();
        try (channel) {
            ScheduledFuture<?> timeout = timeouts.schedule(() -> closeQuietly(channel), READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Optional<DaemonRequest> request = Optional.empty();
            EntryOutcome outcome;
            try {
                String line = DaemonProtocol.readLine(channel);
                timeout.cancel(false);
                request = Optional.of(DaemonRequest.parse(line));
                outcome = handler.handle(request.get());
            }
            catch (MalformedRequestException e) {
                log.info("malformed request: {}", e.getMessage());
                metrics.counter("vrouter.daemon.malformed").increment();
                outcome = EntryOutcome.usage("vrouterd: malformed request: " + e.getMessage());
            }
            write(channel, DaemonProtocol.reply(outcome));
            channel.shutdownOutput();
            if (request.isEmpty()) {
                // what the client sent beyond the line: unread, closing would reset the connection before it reads the reply
                drain(channel);
            }
            timeout.cancel(false);
            String verb = request.map(r -> r.verb().word()).orElse("malformed");
            metrics.timer("vrouter.daemon.request.duration", Map.of("request", verb, "result", String.valueOf(outcome.exitCode())))
                    .recordSince(start);
            log.info("{}: exit {} in {} ms", request.map(DaemonRequest::line).orElse("malformed request"), outcome.exitCode(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }
        catch (IOException e) {
            // the client went away (or never finished its request): nothing to answer
            log.info("connection dropped: {}", e.toString());
        }
    }

    /** Reads and drops what the client still sends, up to a limit, until it hangs up (or the read timeout closes the channel). */
    private static void drain(SocketChannel channel) throws IOException {
        ByteBuffer sink = ByteBuffer.allocate(4096);
        for (int total = 0; total < DRAIN_LIMIT; total += sink.position()) {
            sink.clear();
            if (channel.read(sink) < 0) {
                return;
            }
        }
    }

    private static void write(SocketChannel channel, byte[] reply) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(reply);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        }
        catch (IOException e) {
            log.debug("closing a connection failed", e);
        }
    }

    /**
     * Stops: no new connection is accepted, requests under way finish (at most the shutdown grace), the
     * socket is removed (unless another daemon has replaced it). Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
        }
        try {
            server.close();
            workers.shutdown();
            if (!workers.awaitTermination(shutdownGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("vrouterd: requests still running after {}; stopping anyway (they are safe to run again)", shutdownGrace);
            }
            else {
                // what the last requests left for later; a new daemon or run would write it too, only later
                handler.settleAll();
            }
            if (FileVersion.of(socket).filter(socketVersion::equals).isPresent()) {
                Files.delete(socket);
            }
            log.info("vrouterd stopped ({})", socket);
        }
        catch (IOException e) {
            log.warn("vrouterd: stopping left {} behind: {}", socket, e.toString());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        finally {
            handler.close();
            timeouts.shutdownNow();
            closed.countDown();
        }
    }

    /** Waits until {@link #close()} has finished. */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    /** Closes the listening socket only, as a {@code kill -9} would leave things: for crash tests. */
    void abandon() throws IOException, InterruptedException {
        closing = true;
        server.close();
        // the socket is released once the thread blocked in accept has left it
        acceptor.join();
        workers.shutdownNow();
        timeouts.shutdownNow();
        closed.countDown();
    }
}
