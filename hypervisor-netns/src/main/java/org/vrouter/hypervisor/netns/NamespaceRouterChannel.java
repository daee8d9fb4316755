package org.vrouter.hypervisor.netns;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Duration;

import org.vrouter.commands.wire.FileConfigItem;
import org.vrouter.core.channel.ExecutionResult;
import org.vrouter.core.channel.RouterChannel;
import org.vrouter.core.channel.RouterChannelException;
import org.vrouter.core.channel.RouterEndpoint;
import org.vrouter.router.host.FileMode;

/**
 * A {@link RouterChannel} to a router of a {@link NetnsHypervisor}: what SSH is to a real router,
 * without a network hop. {@link #upload} writes the file under the router's root (where the
 * router's own {@code /var/cache/cloud/} is); {@link #execute} runs the router's entry point in this
 * process on the router's {@link org.vrouter.router.host.NamespaceHost} (see
 * {@link NamespaceRouterScripts}), so every program the pipeline runs runs inside the router's
 * namespace.
 *
 * <p>As with SSH, a router that is not started, whose namespace has vanished, or that does not hold
 * the endpoint's control address cannot be reached: every call throws
 * {@link RouterChannelException} with {@link RouterChannelException.Failure#CONNECT}. Timeouts are
 * not enforced on the pipeline itself (it runs on the caller's thread; each program it starts is
 * bounded by the host). A run holds the router's lifecycle lock: a stop (or the hypervisor's close)
 * waits for it to end, and a run never starts on a stopped router. Not thread-safe, like every channel.
 */
final class NamespaceRouterChannel implements RouterChannel {
    private final RouterEndpoint endpoint;
    private final Routers routers;
    private final NamespaceRouterScripts scripts;
    private boolean closed;

    /** Finds the router an endpoint names. */
    @FunctionalInterface
    interface Routers {
        /**
         * The started router at {@code endpoint}.
         *
         * @throws RouterChannelException with {@link RouterChannelException.Failure#CONNECT} saying why it cannot be reached
         */
        NetnsRouter reachable(RouterEndpoint endpoint) throws RouterChannelException;
    }

    NamespaceRouterChannel(RouterEndpoint endpoint, Routers routers, NamespaceRouterScripts scripts) {
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
        this.routers = requireNonNull(routers, "routers is null");
        this.scripts = requireNonNull(scripts, "scripts is null");
    }

    /**
     * {@inheritDoc}
     *
     * <p>Files are written root-only (0600): they may hold passwords.
     */
    @Override
    public void upload(String directory, String name, byte[] contents, Duration timeout) throws IOException {
        requireNonNull(contents, "contents is null");
        FileConfigItem file = new FileConfigItem(directory, name, "");
        router().host().write(file.path(), contents, FileMode.SECRET);
    }

    @Override
    public ExecutionResult execute(String commandLine, Duration timeout) throws IOException {
        requireNonNull(commandLine, "commandLine is null");
        NetnsRouter router = router();
        // under the router's lifecycle lock: a stop that ran between the check and the run would
        // leave the daemons this run starts in a deleted namespace, where nothing would ever end them
        router.lifecycle.lock();
        try {
            return scripts.run(router(), commandLine);
        }
        finally {
            router.lifecycle.unlock();
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    private NetnsRouter router() throws IOException {
        if (closed) {
            throw new RouterChannelException(RouterChannelException.Failure.PROTOCOL, "channel to " + endpoint + " is closed");
        }
        return routers.reachable(endpoint);
    }

    @Override
    public String toString() {
        return "NamespaceRouterChannel[" + endpoint + "]";
    }
}
