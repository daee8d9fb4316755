package org.vrouter.router.databag;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Something in a bag file that could not be read: the whole file (malformed JSON, wrong {@code id}),
 * read as an empty bag, or one entry, left out; or the bag's journal ({@link BagKey#journalPath()}),
 * ignored (the bag is read from its file alone) and kept as {@code <journal>.unreadable}. Reported by
 * {@link DatabagStore#load()} so the caller can say so; never silent.
 *
 * @param bag the bag file
 * @param entry the entry's key in the file ({@code 10.1.1.23}, {@code eth2}), empty for the whole file
 *     or the journal
 * @param reason one line: what is wrong, naming the field
 * @param inJournal whether the problem is the bag's journal rather than its file
 */
public record DatabagProblem(BagKey bag, Optional<String> entry, String reason, boolean inJournal) {
    public DatabagProblem {
        requireNonNull(bag, "bag is null");
        requireNonNull(entry, "entry is null");
        requireNonNull(reason, "reason is null");
        if (inJournal && entry.isPresent()) {
            throw new IllegalArgumentException("a journal problem names no entry: " + entry.get());
        }
    }

    /** A problem in the bag file itself. */
    public DatabagProblem(BagKey bag, Optional<String> entry, String reason) {
        this(bag, entry, reason, false);
    }

    static DatabagProblem wholeFile(BagKey bag, String reason) {
        return new DatabagProblem(bag, Optional.empty(), reason);
    }

    static DatabagProblem entry(BagKey bag, String entry, String reason) {
        return new DatabagProblem(bag, Optional.of(entry), reason);
    }

    static DatabagProblem journal(BagKey bag, String reason) {
        return new DatabagProblem(bag, Optional.empty(), reason, true);
    }

    /** Whether the whole file was unreadable (rather than one entry, or the journal). */
    public boolean isWholeFile() {
        return entry.isEmpty() && !inJournal;
    }

    /** One line for an operator: file, entry, reason and what was done about it. */
    public String message() {
        if (inJournal) {
            return bag.journalPath() + ": " + reason + " (journal ignored, bag read from " + bag.path() + " alone; copy kept as "
                    + bag.journalPath() + DatabagStore.UNREADABLE_SUFFIX + ")";
        }
        return entry.map(key -> bag.path() + ": entry '" + key + "': " + reason + " (entry ignored)")
                .orElseGet(() -> bag.path() + ": " + reason + " (read as an empty bag)");
    }
}
