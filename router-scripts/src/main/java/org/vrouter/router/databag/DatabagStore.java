package org.vrouter.router.databag;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vrouter.commands.wire.payload.PayloadCodec;
import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.FileVersion;
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
 *
 * <p>A {@link #caching} store (the one a long-lived {@code vrouterd} uses) keeps every bag it read or
 * wrote in memory and reads a file again only when its version ({@link Host#version}) changed, or is
 * too recent to prove anything: a bag written behind its back is never missed, and a bag it wrote
 * itself is not parsed again.
 */
public final class DatabagStore {
    /** Suffix of the copy of an unreadable bag kept by {@link #preserve}. */
    public static final String UNREADABLE_SUFFIX = ".unreadable";

    private static final Logger log = LoggerFactory.getLogger(DatabagStore.class);

    private final Host host;
    private final DatabagReader reader;
    private final DatabagWriter writer;
    private final Optional<BagCache> cache;

    public DatabagStore(Host host, PayloadCodec codec) {
        this(host, codec, Optional.empty());
    }

    private DatabagStore(Host host, PayloadCodec codec, Optional<BagCache> cache) {
        this.host = requireNonNull(host, "host is null");
        DatabagJson json = new DatabagJson();
        EntryEnvelope envelope = new EntryEnvelope(requireNonNull(codec, "codec is null"), json);
        this.reader = new DatabagReader(json, envelope);
        this.writer = new DatabagWriter(json, envelope, new BagText(cache.isPresent()));
        this.cache = cache;
    }

    /**
     * A store that keeps the bags in memory between loads (see the class comment).
     *
     * @param clock the wall clock the host's file times are kept by
     */
    public static DatabagStore caching(Host host, PayloadCodec codec, Clock clock) {
        return new DatabagStore(host, codec, Optional.of(new BagCache(clock)));
    }

    /** Reads every bag, reporting what could not be read. */
    public DatabagSnapshot load() throws IOException {
        List<DatabagProblem> problems = new ArrayList<>();
        List<Databag> bags = new ArrayList<>();
        for (BagKey key : BagKey.values()) {
            Optional<Databag> bag = cache.isPresent() ? loadCached(key, cache.get(), problems) : load(key, problems);
            bag.ifPresent(bags::add);
        }
        // reported by the caller, which decides how an operator hears of it
        problems.forEach(problem -> log.debug("{}", problem.message()));
        return new DatabagSnapshot(Databags.of(bags), problems);
    }

    private Optional<Databag> load(BagKey key, List<DatabagProblem> problems) throws IOException {
        Optional<byte[]> bytes = host.read(key.path());
        return bytes.map(content -> reader.read(key, content, problems));
    }

    /** The cached bag while its file is unchanged, else the file read again (and parsed, if its bytes changed). */
    private Optional<Databag> loadCached(BagKey key, BagCache bags, List<DatabagProblem> problems) throws IOException {
        Instant takenAt = bags.now();
        Optional<FileVersion> version = host.version(key.path());
        Optional<BagCache.Entry> cached = bags.get(key);
        if (version.isPresent() && cached.isPresent() && cached.get().trusted(version.get())) {
            problems.addAll(cached.get().problems());
            return Optional.of(cached.get().bag());
        }
        Optional<byte[]> bytes = version.isPresent() ? host.read(key.path()) : Optional.empty();
        if (bytes.isEmpty()) {
            bags.forget(key);
            return Optional.empty();
        }
        BagCache.Entry entry;
        if (cached.isPresent() && Arrays.equals(cached.get().bytes(), bytes.get())) {
            entry = new BagCache.Entry(version.get(), takenAt, bytes.get(), cached.get().bag(), cached.get().problems());
        }
        else {
            List<DatabagProblem> found = new ArrayList<>();
            Databag bag = reader.read(key, bytes.get(), found);
            entry = new BagCache.Entry(version.get(), takenAt, bytes.get(), bag, found);
            log.debug("databag {} changed on disk; read again", key);
        }
        bags.put(key, entry);
        problems.addAll(entry.problems());
        return Optional.of(entry.bag());
    }

    /** Writes a bag atomically, replacing its file. */
    public void write(Databag bag) throws IOException {
        BagKey key = bag.key();
        byte[] bytes = render(bag);
        if (cache.isEmpty()) {
            host.write(key.path(), bytes, key.fileMode());
        }
        else {
            BagCache bags = cache.get();
            bags.forget(key);
            host.write(key.path(), bytes, key.fileMode());
            Instant takenAt = bags.now();
            // taken after the rename: a write racing in between is caught because this version cannot have settled yet
            Optional<FileVersion> version = host.version(key.path());
            if (version.isPresent()) {
                bags.put(key, new BagCache.Entry(version.get(), takenAt, bytes, bag, List.of()));
            }
        }
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
