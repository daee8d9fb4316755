package org.vrouter.router.databag;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vrouter.router.host.FileVersion;

/**
 * The bags of a long-lived {@link DatabagStore} as last read or written, each with the version of its
 * file at that moment. The file stays the truth: a cached bag is used only while its file has the same
 * version and that version has settled ({@link FileVersion#settledAt}); otherwise the file is read again,
 * and re-parsed unless its bytes are the cached ones. Thread-safe.
 */
final class BagCache {
    /** A bag as it was in a file: the bytes, what they parse to, and when and at which version that held. */
    record Entry(FileVersion version, Instant takenAt, byte[] bytes, Databag bag, List<DatabagProblem> problems) {
        Entry {
            requireNonNull(version, "version is null");
            requireNonNull(takenAt, "takenAt is null");
            requireNonNull(bytes, "bytes is null");
            requireNonNull(bag, "bag is null");
            problems = List.copyOf(problems);
        }

        /** Whether the file is certainly unchanged when it still has this entry's version. */
        boolean trusted(FileVersion current) {
            return version.equals(current) && version.settledAt(takenAt);
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
}
