package org.vrouter.router.host;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One version of a file as the file system tells it apart without reading it: device and inode, size,
 * modification time and inode change time. Any write changes at least one of them, with one exception
 * a cache must allow for: two writes of the same size into the same inode within one tick of the
 * kernel's file clock (a few milliseconds) leave all of them alike. A version whose {@link #changed()}
 * time is that close to the moment it was taken is therefore not proof that the file is unchanged
 * (see {@link #settledAt}).
 *
 * @param device the device number
 * @param inode the inode number; a file replaced by rename gets a new one
 * @param size the size in bytes
 * @param modified the modification time (settable by anyone who can write the file)
 * @param changed the inode change time (set by the kernel on every write, rename and chmod)
 */
public record FileVersion(long device, long inode, long size, FileTime modified, FileTime changed) {
    /**
     * Comfortably more than a tick of the coarse clock Linux file systems stamp files with (one jiffy: 10 ms
     * at the slowest, HZ=100). Short, so that a long-lived reader trusts its own write of a large file
     * again after 50 ms instead of reading it back (3.3 MB for 10,000 DHCP entries) for a whole second.
     */
    static final Duration SETTLE = Duration.ofMillis(50);

    public FileVersion {
        requireNonNull(modified, "modified is null");
        requireNonNull(changed, "changed is null");
    }

    /** The version of the file at a real path (links not followed), or empty if there is none. */
    public static Optional<FileVersion> of(Path path) throws IOException {
        Map<String, Object> attributes;
        try {
            attributes = Files.readAttributes(path, "unix:dev,ino,size,lastModifiedTime,ctime", LinkOption.NOFOLLOW_LINKS);
        }
        catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return Optional.of(new FileVersion((Long) attributes.get("dev"), (Long) attributes.get("ino"), (Long) attributes.get("size"),
                (FileTime) attributes.get("lastModifiedTime"), (FileTime) attributes.get("ctime")));
    }

    /**
     * Whether a later write is sure to produce a different version: true when this version was taken
     * ({@code takenAt}, by the wall clock the kernel also uses) well after the file last changed.
     */
    public boolean settledAt(Instant takenAt) {
        return changed.toInstant().isBefore(takenAt.minus(SETTLE));
    }
}
