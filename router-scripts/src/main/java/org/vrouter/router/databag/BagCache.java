package org.vrouter.router.databag;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vrouter.router.host.FileVersion;

/**
 * The bags of a long-lived {@link DatabagStore} as last read, written or recorded, each with the versions
 * of its file and of its journal at that moment. The files stay the truth: a cached bag is used only while
 * both have the same version (or are still absent) and each version has settled
 * ({@link FileVersion#settledAt}); otherwise the files are read again, and re-parsed unless their bytes
 * are the cached ones. Thread-safe.
 */
final class BagCache {
    /**
     * One file as it was seen: its version (empty: no file) taken at {@code takenAt}, and its bytes.
     */
    record Seen(Optional<FileVersion> version, Instant takenAt, Optional<byte[]> bytes) {
        Seen {
            requireNonNull(version, "version is null");
            requireNonNull(takenAt, "takenAt is null");
            requireNonNull(bytes, "bytes is null");
            if (version.isPresent() != bytes.isPresent()) {
                throw new IllegalArgumentException("a file seen has both a version and bytes, or neither");
            }
        }

        static Seen absent(Instant takenAt) {
            return new Seen(Optional.empty(), takenAt, Optional.empty());
        }

        /** Whether the file is certainly as seen when it now has the version {@code current}. */
        boolean trusted(Optional<FileVersion> current) {
            if (version.isEmpty()) {
                return current.isEmpty();
            }
            return version.equals(current) && version.get().settledAt(takenAt);
        }

        /** Whether the file's content is {@code other} (both absent counts). */
        boolean sameBytes(Optional<byte[]> other) {
            return bytes.isPresent() == other.isPresent() && (bytes.isEmpty() || Arrays.equals(bytes.get(), other.get()));
        }

        /** The size of the file, 0 if there is none. */
        long size() {
            return bytes.map(content -> (long) content.length).orElse(0L);
        }
    }

    /**
     * A bag as its file and journal gave it (or as the store wrote or recorded it).
     *
     * @param members the bag's members ({@link DatabagWriter#entryMembers}) when the store built them already
     *     (a recorded bag), so that the next record does not build them again; empty when not known
     * @param base the {@link BagJournal#base} of the file when the store computed it ahead (while compacting,
     *     so that the first record after it does not hash megabytes); empty when not known
     */
    record Entry(Seen file, Seen journal, BagLoader.State state, Optional<List<BagText.Member>> members, Optional<String> base) {
        Entry {
            requireNonNull(file, "file is null");
            requireNonNull(journal, "journal is null");
            requireNonNull(state, "state is null");
            requireNonNull(members, "members is null");
            requireNonNull(base, "base is null");
        }

        Entry(Seen file, Seen journal, BagLoader.State state) {
            this(file, journal, state, Optional.empty(), Optional.empty());
        }

        /** This entry with another bag state (and its members); the files and base stay. */
        Entry with(Seen file, Seen journal, BagLoader.State state, Optional<List<BagText.Member>> members) {
            return new Entry(file, journal, state, members, base);
        }

        /** Whether both files are certainly unchanged when they still have these versions. */
        boolean trusted(Optional<FileVersion> fileVersion, Optional<FileVersion> journalVersion) {
            return file.trusted(fileVersion) && journal.trusted(journalVersion);
        }
    }

    private final Clock clock;
    private final Map<BagKey, Entry> entries = new EnumMap<>(BagKey.class);

    BagCache(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The wall-clock time to note before taking a version. */
    Instant now() {
        return clock.instant();
    }

    synchronized Optional<Entry> get(BagKey key) {
        return Optional.ofNullable(entries.get(key));
    }

    synchronized void put(BagKey key, Entry entry) {
        entries.put(key, entry);
    }

    synchronized void forget(BagKey key) {
        entries.remove(key);
    }

    /** Whether any bag was last seen with a journal beside its file. */
    synchronized boolean anyJournal() {
        return entries.values().stream().anyMatch(entry -> entry.journal().bytes().isPresent());
    }
}
