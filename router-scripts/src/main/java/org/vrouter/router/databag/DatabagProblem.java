package org.vrouter.router.databag;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Something in a bag file that could not be read: the whole file (malformed JSON, wrong {@code id}),
 * read as an empty bag, or one entry, left out. Reported by {@link DatabagStore#load()} so the caller
 * can say so; never silent.
 *
 * @param bag the bag file
 * @param entry the entry's key in the file ({@code 10.1.1.23}, {@code eth2}), empty for the whole file
 * @param reason one line: what is wrong, naming the field
 */
public record DatabagProblem(BagKey bag, Optional<String> entry, String reason) {
    public DatabagProblem {
        requireNonNull(bag, "bag is null");
        requireNonNull(entry, "entry is null");
        requireNonNull(reason, "reason is null");
    }

    static DatabagProblem wholeFile(BagKey bag, String reason) {
        return new DatabagProblem(bag, Optional.empty(), reason);
    }

    static DatabagProblem entry(BagKey bag, String entry, String reason) {
        return new DatabagProblem(bag, Optional.of(entry), reason);
    }

    /** Whether the whole file was unreadable (rather than one entry). */
    public boolean isWholeFile() {
        return entry.isEmpty();
    }

    /** One line for an operator: file, entry, reason and what was done about it. */
    public String message() {
        return entry.map(key -> bag.path() + ": entry '" + key + "': " + reason + " (entry ignored)")
                .orElseGet(() -> bag.path() + ": " + reason + " (read as an empty bag)");
    }
}
