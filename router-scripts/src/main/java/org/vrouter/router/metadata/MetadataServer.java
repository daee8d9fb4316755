package org.vrouter.router.metadata;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrouter.api.error.InvalidParameterException;

/**
 * The router's metadata and password server: a dependency-free HTTP server (the JDK's
 * {@link HttpServer}) that serves each VM its own user data and metadata ({@link MetadataHandler}, port 80)
 * and its password ({@link PasswordHandler}, port 8080), the VM being the request's source address. It
 * replaces CloudStack's apache vhosts with their per-VM {@code .htaccess} rewrites and the per-address
 * {@code passwd_server_ip.py} processes: one process, no per-VM configuration, nothing to reload when a
 * VM's data changes (every request reads the files the converge wrote).
 *
 * <p>It listens on each {@link Listener} of its {@link MetadataServerConfig}: {@link #listen} binds the
 * listeners not bound yet and closes the ones no longer wanted. A listener whose address the router does not
 * hold yet (a redundant router's gateway address while it is backup) fails to bind and is tried again at the
 * next {@link #listen}; the daemon calls {@link #refresh} every few seconds. Requests are handled by a small
 * fixed pool of daemon threads shared by all listeners.
 *
 * <p>Thread-safe. The router root is a real directory ({@code /} on a router, a sandbox's root in tests).
 */
public final class MetadataServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MetadataServer.class);
    private static final int THREADS = 4;
    private static final int BACKLOG = 64;

    private final Path root;
    private final HttpHandler metadata;
    private final HttpHandler passwords;
    private final ExecutorService workers;
    private final Map<Listener, HttpServer> bound = new LinkedHashMap<>();
    /** Listeners whose last bind failed: logged once until they bind. */
    private final Set<Listener> failing = new HashSet<>();
    private MetadataServerConfig config = new MetadataServerConfig(List.of());
    private boolean closed;

    /** A server over the router tree under {@code root}, listening nowhere until {@link #listen}. */
    public MetadataServer(Path root) {
        this.root = requireNonNull(root, "root is null").toAbsolutePath().normalize();
        this.metadata = new MetadataHandler(resolve(MetadataPaths.WEB_ROOT));
        this.passwords = new PasswordHandler(new PasswordStore(resolve(MetadataPaths.PASSWORD_STORE)));
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(THREADS, task -> {
            Thread thread = new Thread(task, "metadata-server-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Listens on exactly the configuration's listeners: binds the missing ones, closes the others.
     *
     * @return the listeners that could not be bound (tried again at the next call)
     * @throws IllegalStateException after {@link #close}
     */
    public synchronized List<Listener> listen(MetadataServerConfig wanted) {
        if (closed) {
            throw new IllegalStateException("the metadata server is closed");
        }
        this.config = requireNonNull(wanted, "wanted is null");
        for (Listener listener : List.copyOf(bound.keySet())) {
            if (!wanted.listeners().contains(listener)) {
                bound.remove(listener).stop(0);
                log.info("stopped listening on {}", listener);
            }
        }
        failing.retainAll(wanted.listeners());
        return wanted.listeners().stream().filter(listener -> !bound.containsKey(listener) && !bind(listener)).toList();
    }

    /**
     * Re-reads the configuration file and {@link #listen}s to it; a missing file means no listener. An
     * unreadable or invalid file keeps the current listeners (and is logged).
     *
     * @param configFile the real path of the file
     */
    public synchronized void refresh(Path configFile) {
        MetadataServerConfig wanted;
        try {
            wanted = MetadataServerConfig.parse(Files.readString(configFile, StandardCharsets.UTF_8));
        }
        catch (NoSuchFileException e) {
            wanted = new MetadataServerConfig(List.of());
        }
        catch (IOException | InvalidParameterException e) {
            log.warn("cannot read {}; keeping the current listeners", configFile, e);
            wanted = config;
        }
        listen(wanted);
    }

    /** The address a listener is bound to (with the port the system chose for port 0), or empty if it is not bound. */
    public synchronized Optional<InetSocketAddress> boundAddress(Listener listener) {
        return Optional.ofNullable(bound.get(listener)).map(HttpServer::getAddress);
    }

    /** Stops listening everywhere; requests in progress are cut. */
    @Override
    public synchronized void close() {
        closed = true;
        bound.values().forEach(server -> server.stop(0));
        bound.clear();
        workers.shutdownNow();
    }

    private boolean bind(Listener listener) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(listener.address().toInetAddress(), listener.port()), BACKLOG);
            server.createContext("/", listener.kind() == Listener.Kind.METADATA ? metadata : passwords);
            server.setExecutor(workers);
            server.start();
            bound.put(listener, server);
            failing.remove(listener);
            log.info("listening on {} ({})", listener, server.getAddress());
            return true;
        }
        catch (IOException e) {
            if (failing.add(listener)) {
                log.warn("cannot listen on {} yet (retried): {}", listener, e.getMessage());
            }
            return false;
        }
    }

    private Path resolve(String routerPath) {
        return root.resolve(routerPath.substring(1));
    }
}
