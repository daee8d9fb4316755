package org.vrouter.router.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The machine the router side works on, and the only code that touches it. Renderers never see a
 * {@code Host}; appliers and service managers receive one through their constructor.
 *
 * <p>Paths are router paths, absolute and normalised ({@code /etc/haproxy/haproxy.cfg}): no
 * {@code .} or {@code ..} segments, no empty segments. Each implementation resolves them under its
 * root directory ({@code /} on a real router), so the same code runs on a router, in a network
 * namespace sandbox and in a dry run. An invalid path throws {@link IllegalArgumentException}.
 *
 * <p>Programs run from an argv list, never through a shell, with a bounded wait.
 *
 * <p>Implementations are safe for use by several threads, but the router side serialises its
 * converges, so two writers of one path never race. Methods throw {@link IOException} when the
 * machine fails them; a program that runs and exits non-zero is a normal {@link ProgramResult}.
 * File contents are never logged: some are secrets.
 */
public interface Host {
    /**
     * The real file-system path of a router path, for programs that take a path on their command
     * line (a daemon's configuration file) and must be given the resolved one.
     */
    Path resolve(String path);

    /** The bytes of a file, or empty if it does not exist. */
    Optional<byte[]> read(String path) throws IOException;

    /**
     * Replaces a file atomically: a reader sees the old content or the new one, never a mix, also
     * after a crash. Missing parent directories are created (mode 0755).
     */
    void write(String path, byte[] content, FileMode mode) throws IOException;

    /**
     * {@link #write}, atomic as well, but without forcing the content to disk when {@code durable} is false:
     * for files derived from state kept elsewhere, which the next converge compares and rewrites anyway
     * (after a crash such a file may be empty). The default is always durable.
     */
    default void write(String path, byte[] content, FileMode mode, boolean durable) throws IOException {
        write(path, content, mode);
    }

    /** Deletes a file or an empty directory; false if there was nothing to delete. */
    boolean delete(String path) throws IOException;

    /**
     * Deletes a file, like {@link #delete(String)}; {@code durable} false skips making the deletion itself
     * durable (the directory's fsync), for a file whose reappearance after a power loss does no harm. The
     * default is always durable.
     */
    default boolean delete(String path, boolean durable) throws IOException {
        return delete(path);
    }

    /**
     * The executable of the live process whose pid the file at {@code pidFile} holds, asked of the kernel
     * without running a program: empty when the file is missing or holds no pid, no live process has that
     * pid, or this host cannot tell (the default). Callers fall back to asking a program.
     */
    default Optional<String> liveProcessCommand(String pidFile) throws IOException {
        return Optional.empty();
    }

    /**
     * The version of a file (identity, size and times), or empty if it does not exist: lets a cache tell
     * whether a file changed without reading it. The default asks the file system at {@link #resolve}.
     */
    default Optional<FileVersion> version(String path) throws IOException {
        return FileVersion.of(resolve(path));
    }

    /** Whether a file or directory exists at the path. */
    boolean exists(String path) throws IOException;

    /**
     * The names of a directory's entries, sorted; empty if the directory does not exist. Temporary
     * files of an unfinished atomic write are not listed.
     */
    List<String> list(String directory) throws IOException;

    /** Creates a directory and its missing parents (mode 0755); nothing if it exists. */
    void createDirectories(String path) throws IOException;

    /**
     * Runs a program and waits for it, at most {@link ProgramCall#timeout()}.
     *
     * @throws ProgramTimeoutException if it did not finish in time (it has been killed)
     * @throws IOException if it could not be started
     */
    ProgramResult run(ProgramCall call) throws IOException;

    /** A file as UTF-8 text, or empty if it does not exist. */
    default Optional<String> readText(String path) throws IOException {
        return read(path).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    /** {@link #write} of UTF-8 text. */
    default void writeText(String path, String content, FileMode mode) throws IOException {
        write(path, content.getBytes(StandardCharsets.UTF_8), mode);
    }
}
