package org.vrouter.testkit.simulator;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import org.vrouter.commands.wire.FileConfigItem;
import org.vrouter.core.channel.ExecutionResult;
import org.vrouter.core.channel.RouterChannel;
import org.vrouter.core.channel.RouterChannelException;
import org.vrouter.core.channel.RouterEndpoint;
import org.vrouter.router.host.FileMode;

/**
 * A {@link RouterChannel} to a {@link SimulatedRouter} in the same process: what SSH is to a real
 * router. {@link #upload} writes the file under the router's root; {@link #execute} runs the
 * router's entry point in-process ({@code update_config.py}, {@code vr_cfg.sh -c},
 * {@code checkrouter.sh}, {@code get_template_version.sh}) and returns its exit status and
 * output. Obtain one from {@link SimulatorHypervisor#channels()}.
 *
 * <p>As with SSH, a router that is not running, or that does not hold the endpoint's control
 * address, cannot be reached: every call throws {@link RouterChannelException} with
 * {@link RouterChannelException.Failure#CONNECT}. Timeouts are not enforced: everything runs on
 * the caller's thread and ends when the pipeline does. Not thread-safe, like every channel.
 */
public final class LocalRouterChannel implements RouterChannel {
    private final RouterEndpoint endpoint;
    private final Optional<SimulatedRouter> router;
    private final RouterScripts scripts;
    private boolean closed;

    /** @param router the router named by the endpoint, empty when the simulator never started one of that name */
    LocalRouterChannel(RouterEndpoint endpoint, Optional<SimulatedRouter> router, RouterScripts scripts) {
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
        this.router = requireNonNull(router, "router is null");
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
        reachableRouter().host().write(file.path(), contents, FileMode.SECRET);
    }

    @Override
    public ExecutionResult execute(String commandLine, Duration timeout) throws IOException {
        requireNonNull(commandLine, "commandLine is null");
        return scripts.run(reachableRouter(), commandLine);
    }

    @Override
    public void close() {
        closed = true;
    }

    private SimulatedRouter reachableRouter() throws RouterChannelException {
        if (closed) {
            throw new RouterChannelException(RouterChannelException.Failure.PROTOCOL, "channel to " + endpoint + " is closed");
        }
        SimulatedRouter target = router.orElseThrow(() -> new RouterChannelException(RouterChannelException.Failure.CONNECT,
                "no router answers at " + endpoint + ": the simulator never started " + endpoint.name()));
        target.requireReachable(endpoint.controlIp());
        return target;
    }

    @Override
    public String toString() {
        return "LocalRouterChannel[" + endpoint + "]";
    }
}
