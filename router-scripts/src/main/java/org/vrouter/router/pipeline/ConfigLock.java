package org.vrouter.router.pipeline;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

import org.vrouter.router.host.Host;

/**
 * The lock that keeps two updates of one router from interleaving: an exclusive lock on
 * {@value #PATH} under the host's root, held from before the input is read until after it is archived.
 * A second caller (another process, or another thread of this one) waits, at most the given time. The
 * kernel drops the lock when its holder dies, so a crash never leaves the router locked. Public for the
 * VRRP transitions ({@code router.redundancy}), which change the bags outside an update.
 */
public final class ConfigLock implements AutoCloseable {
    /** The router path of the lock file. */
    public static final String PATH = "/run/vrouter/config.lock";

    private static final long POLL_MILLIS = 20;

    private final FileChannel channel;
    private final FileLock lock;

    private ConfigLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Work done while holding the lock. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws IOException, RejectedInputException;
    }

    /**
     * Runs {@code work} holding the lock, and releases it however the work ends.
     *
     * @throws LockTimeoutException if another holder keeps it for longer than {@code timeout}
     */
    static <T> T holding(Host host, Duration timeout, Work<T> work) throws IOException, RejectedInputException, LockTimeoutException {
        ConfigLock lock = acquire(host, timeout);
        try {
            return work.run();
        }
        finally {
            lock.close();
        }
    }

    /**
     * Takes the lock.
     *
     * @throws LockTimeoutException if it is still held by another after {@code timeout}
     */
    public static ConfigLock acquire(Host host, Duration timeout) throws IOException, LockTimeoutException {
        host.createDirectories(PATH.substring(0, PATH.lastIndexOf('/')));
        Path file = host.resolve(PATH);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    return new ConfigLock(channel, lock);
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw new LockTimeoutException(timeout);
                }
                sleep();
            }
        }
        catch (IOException | LockTimeoutException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The lock, or null while someone else holds it (another process, or another channel of this JVM). */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        }
        catch (OverlappingFileLockException heldInThisProcess) {
            return null;
        }
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(POLL_MILLIS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + PATH, e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        }
        finally {
            channel.close();
        }
    }

    /** Another update held the lock for longer than the caller waits. */
    public static final class LockTimeoutException extends Exception {
        private static final long serialVersionUID = 1L;

        LockTimeoutException(Duration timeout) {
            super("another update of this router still holds " + PATH + " after " + timeout.toSeconds() + " s");
        }
    }
}
