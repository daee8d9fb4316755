package org.vrouter.core.channel;

import java.io.IOException;
import java.time.Duration;

/**
 * A connection to one router: what CloudStack's resources call {@code createFileInVR} and
 * {@code executeInVR}. {@code VirtualRoutingResource} opens one per command (through a
 * {@link RouterChannelFactory}), writes the command's files, runs its scripts, then closes it.
 *
 * <p>Contract:
 * <ul>
 *   <li>Calls may happen in any order and any number of times until {@link #close()}; an
 *       implementation may connect lazily on the first call and reuse the connection after.
 *   <li>A failure to reach the router, authenticate, verify its identity, transfer the file or
 *       learn how a command ended throws {@link IOException} (usually a
 *       {@link RouterChannelException} saying which); a command that ran and exited non-zero is
 *       <em>not</em> an exception but an {@link ExecutionResult} with that status.
 *   <li>Every call is bounded by its timeout; when it expires the call throws
 *       {@link RouterChannelException} with {@link RouterChannelException.Failure#TIMEOUT}.
 *   <li>Not thread-safe: one caller at a time (the resource holds the router's lock).
 * </ul>
 *
 * <p>File contents may hold passwords or keys: implementations never log them, only names and sizes.
 */
public interface RouterChannel extends AutoCloseable {
    /**
     * Writes {@code contents} byte for byte to {@code directory + name} on the router, replacing
     * any file of that name.
     *
     * @param directory absolute directory, ending in {@code /} ({@code /var/cache/cloud/})
     * @param name plain file name (letters, digits, {@code . _ -})
     * @throws org.vrouter.api.error.InvalidParameterException when the directory or name is not plain
     * @throws IOException when the file could not be written within {@code timeout}
     */
    void upload(String directory, String name, byte[] contents, Duration timeout) throws IOException;

    /**
     * Runs {@code commandLine} on the router (through its login shell, as {@code ssh host cmd}
     * does) with no input, and waits for it to end.
     *
     * @return the exit status and both outputs; a non-zero status is returned, not thrown
     * @throws IOException when the command could not be started, did not end within
     *     {@code timeout}, or ended without reporting an exit status
     */
    ExecutionResult execute(String commandLine, Duration timeout) throws IOException;

    /** Releases the connection. Idempotent; never throws. */
    @Override
    void close();
}
