package org.vrouter.router.vpn;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vrouter.router.host.Host;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.ProgramResult;
import org.vrouter.router.service.ServiceException;

/**
 * charon driven through {@code swanctl} over its vici socket: load the configuration, bring connections up
 * and down, list SAs. Only file paths and connection names reach argv and logs, never a key.
 */
public final class StrongSwanControl {
    private static final Logger log = LoggerFactory.getLogger(StrongSwanControl.class);
    /** How long charon may take to open its vici socket after a start. */
    private static final int READY_ATTEMPTS = 50;
    private static final Duration READY_PAUSE = Duration.ofMillis(200);
    /** How long an initiation is waited for before swanctl detaches and charon carries on alone. */
    private static final String DETACH_SECONDS = "1";

    private final Host host;
    private final VpnRuntime runtime;

    public StrongSwanControl(Host host, VpnRuntime runtime) {
        this.host = requireNonNull(host, "host is null");
        this.runtime = requireNonNull(runtime, "runtime is null");
    }

    /**
     * Waits until charon answers on its vici socket.
     *
     * @throws ServiceException if it does not within about ten seconds
     */
    public void awaitReady() throws IOException {
        ProgramResult last = null;
        for (int attempt = 0; attempt < READY_ATTEMPTS; attempt++) {
            last = host.run(ProgramCall.of(runtime.swanctl("--stats")));
            if (last.succeeded()) {
                return;
            }
            pause();
        }
        throw new ServiceException(runtime.charon().name(), "reach the vici socket of", last.firstErrorLine());
    }

    /**
     * {@code swanctl --load-all}: loads every connection and secret of the rendered configuration; charon
     * keeps connections whose definition is unchanged, replaces changed ones and unloads those no longer
     * configured.
     *
     * @throws ServiceException when swanctl refuses the configuration
     */
    public void loadAll() throws IOException {
        ProgramResult result = host.run(ProgramCall.of(runtime.swanctl("--load-all", "--noprompt", "--file",
                host.resolve(SwanctlRenderer.SWANCTL_CONF).toString())));
        // swanctl exits 0 after an unparsable file or a connection charon refused: read its report too
        Optional<String> complaint = (result.stdout() + "\n" + result.stderr()).lines()
                .filter(line -> line.contains("invalid config file") || line.contains("syntax error")
                        || line.startsWith("loading ") && line.contains("failed"))
                .findFirst();
        if (!result.succeeded() || complaint.isPresent()) {
            throw new ServiceException(runtime.charon().name(), "load the configuration into",
                    complaint.orElse("swanctl exit status " + result.exitStatus() + ": " + result.firstErrorLine()));
        }
    }

    /**
     * Starts bringing a child SA up and returns after at most a few seconds; charon carries on alone (a
     * peer that is down is retried on traffic, the connection being trapped).
     *
     * @return whether the SA was up before swanctl detached
     */
    public boolean initiate(String connection, String child) throws IOException {
        ProgramResult result = host.run(ProgramCall.of(runtime.swanctl("--initiate", "--ike", connection, "--child", child,
                "--timeout", DETACH_SECONDS)).withTimeout(Duration.ofSeconds(10)));
        if (!result.succeeded()) {
            log.info("vpn: {} not up yet, charon keeps trying: {}", child, result.firstErrorLine());
        }
        return result.succeeded();
    }

    /** Takes down the IKE SA of a connection and its children; nothing when there is none. */
    public void terminate(String connection) throws IOException {
        ProgramResult result = host.run(ProgramCall.of(runtime.swanctl("--terminate", "--ike", connection, "--timeout", DETACH_SECONDS))
                .withTimeout(Duration.ofSeconds(10)));
        if (!result.succeeded()) {
            log.debug("vpn: no SA of {} to terminate: {}", connection, result.firstErrorLine());
        }
    }

    /** {@code swanctl --list-sas}: the SAs as text, for {@link SiteToSiteStatus}. */
    public String listSas() throws IOException {
        ProgramResult result = host.run(ProgramCall.of(runtime.swanctl("--list-sas")));
        if (!result.succeeded()) {
            throw failure("list the SAs of", result);
        }
        return result.stdout();
    }

    private ServiceException failure(String action, ProgramResult result) {
        return new ServiceException(runtime.charon().name(), action, "swanctl exit status " + result.exitStatus() + ": "
                + result.firstErrorLine());
    }

    private static void pause() {
        try {
            Thread.sleep(READY_PAUSE.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException("strongswan", "wait for", "interrupted");
        }
    }
}
