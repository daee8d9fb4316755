package org.vrouter.router.databag;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vrouter.commands.wire.payload.PayloadCodec;
import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.Host;

/**
 * The databags on a router's disk, {@code /etc/cloudstack/<key>.json}, in CloudStack's shape: a JSON
 * object with {@code "id": "<key>"} and the entries, keys sorted, indented by two (as CloudStack's
 * tools write and read it). Reads and writes go through the {@link Host}; a write is atomic, and bags
 * holding secrets are written with mode 0600.
 *
 * <p>A missing file is an empty bag. An unreadable file, or entry, is reported as a
 * {@link DatabagProblem} and read as empty (or left out); {@link #preserve} keeps a copy of such a file
 * before the first write replaces it. Thread-safe.
 */
public final class DatabagStore {
    /** Suffix of the copy of an unreadable bag kept by {@link #preserve}. */
    public static final String UNREADABLE_SUFFIX = ".unreadable";

    private static final Logger log = LoggerFactory.getLogger(DatabagStore.class);

    private final Host host;
    private final DatabagReader reader;
    private final DatabagWriter writer;

    public DatabagStore(Host host, PayloadCodec codec) {
        this.host = requireNonNull(host, "host is null");
        DatabagJson json = new DatabagJson();
        EntryEnvelope envelope = new EntryEnvelope(requireNonNull(codec, "codec is null"), json);
        this.reader = new DatabagReader(json, envelope);
        this.writer = new DatabagWriter(json, envelope);
    }

    /** Reads every bag, reporting what could not be read. */
    public DatabagSnapshot load() throws IOException {
        List<DatabagProblem> problems = new ArrayList<>();
        List<Databag> bags = new ArrayList<>();
        for (BagKey key : BagKey.values()) {
            Optional<byte[]> bytes = host.read(key.path());
            if (bytes.isPresent()) {
                bags.add(reader.read(key, bytes.get(), problems));
            }
        }
        // reported by the caller, which decides how an operator hears of it
        problems.forEach(problem -> log.debug("{}", problem.message()));
        return new DatabagSnapshot(Databags.of(bags), problems);
    }

    /** Writes a bag atomically, replacing its file. */
    public void write(Databag bag) throws IOException {
        BagKey key = bag.key();
        host.write(key.path(), render(bag), key.fileMode());
        log.debug("wrote databag {}", key);
    }

    /**
     * Copies a bag's current file to {@code <path>.unreadable} (root-only), so that the entries that
     * could not be read survive the write that replaces it. Nothing if the file does not exist.
     */
    public void preserve(BagKey key) throws IOException {
        Optional<byte[]> bytes = host.read(key.path());
        if (bytes.isPresent()) {
            host.write(key.path() + UNREADABLE_SUFFIX, bytes.get(), FileMode.SECRET);
            log.warn("kept a copy of unreadable databag {} as {}{}", key, key.path(), UNREADABLE_SUFFIX);
        }
    }

    /** The bytes {@link #write} would write. */
    public byte[] render(Databag bag) {
        return writer.render(requireNonNull(bag, "bag is null"));
    }

    /** A bag from file bytes, as {@link #load()} reads it; problems are added to {@code problems}. */
    public Databag parse(BagKey key, byte[] bytes, List<DatabagProblem> problems) {
        return reader.read(requireNonNull(key, "key is null"), requireNonNull(bytes, "bytes is null"), problems);
    }
}
