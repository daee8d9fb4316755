package org.vrouter.router.host;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file half of every {@link Host}: router paths resolved under a root directory, atomic writes
 * by temporary file, fsync and rename. Subclasses decide how programs run.
 */
abstract class RootedHost implements Host {
    private static final Logger log = LoggerFactory.getLogger(RootedHost.class);
    private static final String TEMPORARY_PREFIX = ".vrouter-";
    private static final String TEMPORARY_SUFFIX = ".tmp";

    private final Path root;

    RootedHost(Path root) {
        this.root = requireNonNull(root, "root is null").toAbsolutePath().normalize();
    }

    /** The directory router paths are resolved under. */
    public final Path rootDirectory() {
        return root;
    }

    @Override
    public final Path resolve(String path) {
        return root.resolve(RouterPaths.relative(path));
    }

    @Override
    public final Optional<byte[]> read(String path) throws IOException {
        Path file = resolve(path);
        try {
            return Optional.of(Files.readAllBytes(file));
        }
        catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public final void write(String path, byte[] content, FileMode mode) throws IOException {
        write(path, content, mode, true);
    }

    @Override
    public final void write(String path, byte[] content, FileMode mode, boolean durable) throws IOException {
        requireNonNull(content, "content is null");
        requireNonNull(mode, "mode is null");
        Path target = resolve(path);
        if (target.equals(root)) {
            throw new IllegalArgumentException("cannot write the root directory: " + path);
        }
        Path directory = target.getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, TEMPORARY_PREFIX + target.getFileName() + ".", TEMPORARY_SUFFIX,
                PosixFilePermissions.asFileAttribute(FileMode.SECRET.permissions()));
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                if (durable) {
                    channel.force(true);
                }
            }
            // set after creation: the umask may have cleared bits the caller asked for
            Files.setPosixFilePermissions(temporary, mode.permissions());
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        if (durable) {
            syncDirectory(directory);
        }
        log.debug("wrote {} ({} bytes, mode {})", path, content.length, mode);
    }

    @Override
    public final boolean delete(String path) throws IOException {
        return delete(path, true);
    }

    @Override
    public final boolean delete(String path, boolean durable) throws IOException {
        Path target = resolve(path);
        if (target.equals(root)) {
            throw new IllegalArgumentException("cannot delete the root directory: " + path);
        }
        boolean deleted = Files.deleteIfExists(target);
        if (deleted) {
            if (durable) {
                syncDirectory(target.getParent());
            }
            log.debug("deleted {}", path);
        }
        return deleted;
    }

    /** Programs run in this process's pid namespace (a network namespace does not change it), so the kernel is asked directly. */
    @Override
    public Optional<String> liveProcessCommand(String pidFile) throws IOException {
        Optional<byte[]> content = read(pidFile);
        if (content.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(new String(content.get(), StandardCharsets.US_ASCII).strip());
        }
        catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).flatMap(process -> process.info().command());
    }

    @Override
    public final boolean exists(String path) throws IOException {
        return Files.exists(resolve(path), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public final List<String> list(String directory) throws IOException {
        Path folder = resolve(directory);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!(name.startsWith(TEMPORARY_PREFIX) && name.endsWith(TEMPORARY_SUFFIX))) {
                    names.add(name);
                }
            }
        }
        names.sort(null);
        return List.copyOf(names);
    }

    @Override
    public final void createDirectories(String path) throws IOException {
        Files.createDirectories(resolve(path));
    }

    private static void syncDirectory(Path directory) throws IOException {
        // makes the rename itself durable; Linux allows fsync on a directory opened for reading
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + root + "]";
    }
}
