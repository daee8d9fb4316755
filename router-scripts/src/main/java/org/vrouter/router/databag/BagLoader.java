package org.vrouter.router.databag;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a bag from the bytes of its file and of its journal: the journal's records replayed on the
 * file's top-level members, then the result read as a bag file is (so problems, tombstones and unreadable
 * entries are the same as without a journal). Pure: no I/O.
 */
final class BagLoader {
    private static final Logger log = LoggerFactory.getLogger(BagLoader.class);

    /** What became of a bag's journal. */
    enum Journal {
        /** There is none. */
        NONE,
        /** Its records were replayed on the file. */
        APPLIED,
        /** It began on another file than the one on disk, which was written whole since: ignored. */
        STALE,
        /** It could not be read: ignored, and reported. */
        UNREADABLE
    }

    /**
     * A bag as read.
     *
     * @param records the journal's records when it was {@link Journal#APPLIED}, else 0
     */
    record State(Databag bag, List<DatabagProblem> problems, Journal journal, int records) {
        State {
            requireNonNull(bag, "bag is null");
            problems = List.copyOf(problems);
            requireNonNull(journal, "journal is null");
        }

        /** A bag the store wrote whole. */
        static State written(Databag bag) {
            return new State(bag, List.of(), Journal.NONE, 0);
        }

        /** Whether a change may be added to the journal: the bag was read without any problem, the journal replayed. */
        boolean canRecord() {
            return problems.isEmpty() && (journal == Journal.NONE || journal == Journal.APPLIED);
        }
    }

    private final DatabagReader reader;
    private final BagJournal journal;

    BagLoader(DatabagReader reader, BagJournal journal) {
        this.reader = requireNonNull(reader, "reader is null");
        this.journal = requireNonNull(journal, "journal is null");
    }

    /** The bag of a file and journal, at least one of them present. */
    State read(BagKey key, Optional<byte[]> file, Optional<byte[]> journalBytes) {
        List<DatabagProblem> problems = new ArrayList<>();
        if (journalBytes.isEmpty()) {
            return new State(reader.read(key, file.orElseThrow(), problems), problems, Journal.NONE, 0);
        }
        BagJournal.Contents contents;
        try {
            contents = journal.parse(journalBytes.get());
        }
        catch (IllegalArgumentException e) {
            problems.add(DatabagProblem.journal(key, e.getMessage()));
            return new State(fileAlone(key, file, problems), problems, Journal.UNREADABLE, 0);
        }
        if (!contents.base().equals(BagJournal.base(file))) {
            log.info("journal of databag {} began on another {}; it was written whole since, so the journal is ignored", key, key.path());
            return new State(fileAlone(key, file, problems), problems, Journal.STALE, 0);
        }
        Optional<ObjectNode> root = file.isPresent() ? reader.parse(key, file.get(), problems) : Optional.of(emptyFile(key));
        if (root.isEmpty()) {
            return new State(Databags.emptyBag(key), problems, Journal.APPLIED, contents.records().size());
        }
        BagJournal.apply(contents.records(), root.get());
        return new State(reader.read(key, root.get(), problems), problems, Journal.APPLIED, contents.records().size());
    }

    private Databag fileAlone(BagKey key, Optional<byte[]> file, List<DatabagProblem> problems) {
        return file.map(bytes -> reader.read(key, bytes, problems)).orElseGet(() -> Databags.emptyBag(key));
    }

    private static ObjectNode emptyFile(BagKey key) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("id", key.key());
        return root;
    }
}
