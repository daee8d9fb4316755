package org.vrouter.router.service;

import java.io.IOException;

/**
 * Controls the router's daemons. {@link SystemdServiceManager} is used on a real router;
 * {@link DirectServiceManager} starts daemons itself, inside a network namespace sandbox.
 *
 * <p>Every method is idempotent where the word allows: starting a running daemon and stopping a
 * stopped one do nothing. Each throws {@link ServiceException} when the daemon or its manager
 * refuses (naming the daemon, the action and the tool's message), and {@link IOException} when
 * the host could not run the tool at all. Callers serialise operations on one daemon.
 */
public interface ServiceManager {
    void start(Daemon daemon) throws IOException;

    void stop(Daemon daemon) throws IOException;

    /** Stops and starts again: for configuration a reload does not pick up. */
    void restart(Daemon daemon) throws IOException;

    /** Makes a running daemon re-read its configuration without dropping its work. */
    void reload(Daemon daemon) throws IOException;

    /** Sends a signal to the daemon's main process. */
    void signal(Daemon daemon, Signal signal) throws IOException;

    boolean isRunning(Daemon daemon) throws IOException;
}
