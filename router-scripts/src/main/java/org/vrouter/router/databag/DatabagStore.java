package org.vrouter.router.databag;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
 * before the first write replaces it.
 *
 * <p>A {@link #caching} store (the one a long-lived {@code vrouterd} uses) keeps every bag it read or
 * wrote in memory and reads a file again only when its version ({@link Host#version}) changed, or is
 * too recent to prove anything: a bag written behind its back is never missed, and a bag it wrote
 * itself is not parsed again.
 *
 * <p>Journals. A bag written entry by entry (addresses, DHCP entries, metadata, passwords, rules,
 * per-device settings) may have a journal beside its file, {@link BagKey#journalPath()}: the changes
 * {@link #record}ed since the file was last written whole, which {@link #load} replays on the file. A
 * caching store records a change there (a few hundred bytes for one DHCP entry) instead of rewriting the
 * whole file (megabytes at 10,000 entries); {@link #compact} writes the files whole again and deletes the
 * journals, when the caller has time. Format and crash safety: {@link BagJournal}.
 *
 * <p>Thread-safe: reads and writes are serialised on the store; {@link #hasJournal} does not wait for them.
 */
public final class DatabagStore {
    /** Suffix of the copy of an unreadable bag kept by {@link #preserve}, or of an unreadable journal. */
    public static final String UNREADABLE_SUFFIX = ".unreadable";

    private static final Logger log = LoggerFactory.getLogger(DatabagStore.class);

    private final Host host;
    private final DatabagReader reader;
    private final DatabagWriter writer;
    private final BagJournal journal;
    private final BagLoader loader;
    private final Set<BagKey> journaled = EnumSet.noneOf(BagKey.class);
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
        this.journal = new BagJournal(json);
        this.loader = new BagLoader(reader, journal);
        this.cache = cache;
        for (BagKey key : BagKey.values()) {
            if (writer.byEntry(key)) {
                journaled.add(key);
            }
        }
    }

    /**
     * A store that keeps the bags in memory between loads (see the class comment).
     *
     * @param clock the wall clock the host's file times are kept by
     */
    public static DatabagStore caching(Host host, PayloadCodec codec, Clock clock) {
        return new DatabagStore(host, codec, Optional.of(new BagCache(clock)));
    }

    /**
     * Reads every bag, its journal replayed on its file, reporting what could not be read. An unreadable
     * journal is reported, copied to {@code <journal>.unreadable} and ignored.
     */
    public synchronized DatabagSnapshot load() throws IOException {
        List<DatabagProblem> problems = new ArrayList<>();
        List<Databag> bags = new ArrayList<>();
        for (BagKey key : BagKey.values()) {
            Optional<BagLoader.State> state = cache.isPresent() ? loadCached(key, cache.get()).map(BagCache.Entry::state) : loadFresh(key);
            state.ifPresent(read -> {
                bags.add(read.bag());
                problems.addAll(read.problems());
            });
        }
        // reported by the caller, which decides how an operator hears of it
        problems.forEach(problem -> log.debug("{}", problem.message()));
        return new DatabagSnapshot(Databags.of(bags), problems);
    }

    private Optional<BagLoader.State> loadFresh(BagKey key) throws IOException {
        Optional<byte[]> file = host.read(key.path());
        Optional<byte[]> journalBytes = journaled.contains(key) ? host.read(key.journalPath()) : Optional.empty();
        if (file.isEmpty() && journalBytes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(keepUnreadable(key, loader.read(key, file, journalBytes), journalBytes));
    }

    /** The cached bag while its files are unchanged, else the files read again (and parsed, if their bytes changed). */
    private Optional<BagCache.Entry> loadCached(BagKey key, BagCache bags) throws IOException {
        Instant takenAt = bags.now();
        Optional<FileVersion> fileVersion = host.version(key.path());
        Optional<FileVersion> journalVersion = journaled.contains(key) ? host.version(key.journalPath()) : Optional.empty();
        Optional<BagCache.Entry> cached = bags.get(key);
        if (cached.isPresent() && cached.get().trusted(fileVersion, journalVersion)) {
            return cached;
        }
        // a file still trusted is not read again: after a record, the journal is too recent to trust, the bag file not
        BagCache.Seen file = cached.isPresent() && cached.get().file().trusted(fileVersion) ? cached.get().file()
                : seen(key.path(), fileVersion, takenAt);
        BagCache.Seen journalFile = cached.isPresent() && cached.get().journal().trusted(journalVersion) ? cached.get().journal()
                : seen(key.journalPath(), journalVersion, takenAt);
        if (file.bytes().isEmpty() && journalFile.bytes().isEmpty()) {
            bags.forget(key);
            return Optional.empty();
        }
        BagCache.Entry entry;
        if (cached.isPresent() && cached.get().file().sameBytes(file.bytes()) && cached.get().journal().sameBytes(journalFile.bytes())) {
            entry = cached.get().with(file, journalFile, cached.get().state(), cached.get().members());
        }
        else {
            entry = new BagCache.Entry(file, journalFile,
                    keepUnreadable(key, loader.read(key, file.bytes(), journalFile.bytes()), journalFile.bytes()));
            log.debug("databag {} changed on disk; read again", key);
        }
        bags.put(key, entry);
        return Optional.of(entry);
    }

    /** A file as it is now, read if its version says it exists. */
    private BagCache.Seen seen(String path, Optional<FileVersion> version, Instant takenAt) throws IOException {
        Optional<byte[]> bytes = version.isPresent() ? host.read(path) : Optional.empty();
        return new BagCache.Seen(bytes.isPresent() ? version : Optional.empty(), takenAt, bytes);
    }

    private BagLoader.State keepUnreadable(BagKey key, BagLoader.State state, Optional<byte[]> journalBytes) throws IOException {
        if (state.journal() == BagLoader.Journal.UNREADABLE) {
            host.write(key.journalPath() + UNREADABLE_SUFFIX, journalBytes.orElseThrow(), FileMode.SECRET);
            log.warn("kept a copy of the unreadable journal of databag {} as {}{}", key, key.journalPath(), UNREADABLE_SUFFIX);
        }
        return state;
    }

    /**
     * Writes a bag atomically, replacing its file, and deletes its journal: the file now holds the whole
     * bag. The file is written first: a crash before the journal is deleted leaves a journal whose base is
     * no longer the file, which {@link #load} ignores (see {@link BagJournal}); deleting it first would lose
     * the changes only it held if the write then failed.
     */
    public synchronized void write(Databag bag) throws IOException {
        write(bag, false);
    }

    /** @param idle whether to spend the time now to hash the file for the journal a later record begins */
    private void write(Databag bag, boolean idle) throws IOException {
        BagKey key = bag.key();
        byte[] bytes = render(bag);
        cache.ifPresent(bags -> bags.forget(key));
        host.write(key.path(), bytes, key.fileMode());
        if (journaled.contains(key)) {
            host.delete(key.journalPath());
        }
        if (cache.isPresent()) {
            BagCache bags = cache.get();
            Instant takenAt = bags.now();
            // taken after the rename: a write racing in between is caught because this version cannot have settled yet
            Optional<FileVersion> version = host.version(key.path());
            Optional<FileVersion> journalVersion = journaled.contains(key) ? host.version(key.journalPath()) : Optional.empty();
            if (version.isPresent() && journalVersion.isEmpty()) {
                Optional<String> base = idle ? Optional.of(BagJournal.base(Optional.of(bytes))) : Optional.empty();
                bags.put(key, new BagCache.Entry(new BagCache.Seen(version, takenAt, Optional.of(bytes)), BagCache.Seen.absent(takenAt),
                        BagLoader.State.written(bag), Optional.empty(), base));
            }
        }
        log.debug("wrote databag {}", key);
    }

    /**
     * Makes a bag's new state durable, as {@link #write} does, but cheaply when it can: a caching store that
     * holds the bag's previous state (as it last loaded, wrote or recorded it, and unchanged on disk since)
     * appends the change to the bag's journal instead of rewriting the file: the members whose entries are
     * not the same objects as before, with their new values, and the members removed. Finding them compares
     * identities; only those members are rendered. Otherwise (a plain store, a bag not written entry by entry,
     * a previous state unknown or read with problems, a journal past {@link BagJournal#MAX_RECORDS} records or
     * past an eighth of the file's size, at least {@link BagJournal#MIN_LIMIT_BYTES}) it is a {@link #write}.
     * The journal is written atomically and durably, whole, with the bag's file mode.
     */
    public synchronized void record(Databag bag) throws IOException {
        BagKey key = bag.key();
        Optional<BagCache.Entry> cached = cache.flatMap(bags -> bags.get(key));
        if (cached.isEmpty()) {
            // nothing to find the change against: spare listing the members
            write(bag);
            return;
        }
        Optional<List<BagText.Member>> after = writer.entryMembers(bag);
        if (cached.isPresent() && after.isPresent() && cached.get().state().canRecord()) {
            cached = unchangedOnDisk(key, cached.get());
        }
        if (cached.isEmpty() || after.isEmpty() || !cached.get().state().canRecord()) {
            write(bag);
            return;
        }
        BagCache.Entry entry = cached.get();
        BagCache bags = cache.orElseThrow();
        List<BagText.Member> before = entry.members().or(() -> writer.entryMembers(entry.state().bag())).orElseThrow();
        BagJournal.Change change = BagJournal.delta(before, after.get());
        if (change.isEmpty()) {
            bags.put(key, entry.with(entry.file(), entry.journal(), withBag(entry.state(), bag), after));
            return;
        }
        byte[] previous = entry.journal().bytes()
                .orElseGet(() -> journal.header(entry.base().orElseGet(() -> BagJournal.base(entry.file().bytes()))));
        byte[] next = BagJournal.append(previous, journal.line(change));
        int records = entry.state().records() + 1;
        if (records > BagJournal.MAX_RECORDS || next.length > BagJournal.limit(entry.file().size())) {
            write(bag);
            return;
        }
        bags.forget(key);
        host.write(key.journalPath(), next, key.fileMode());
        Instant takenAt = bags.now();
        Optional<FileVersion> version = host.version(key.journalPath());
        if (version.isPresent()) {
            bags.put(key, entry.with(entry.file(), new BagCache.Seen(version, takenAt, Optional.of(next)),
                    new BagLoader.State(bag, List.of(), BagLoader.Journal.APPLIED, records), after));
        }
        log.debug("recorded databag {}: {} members set, {} removed, journal {} bytes", key, change.set().size(), change.remove().size(),
                next.length);
    }

    private static BagLoader.State withBag(BagLoader.State state, Databag bag) {
        return new BagLoader.State(bag, state.problems(), state.journal(), state.records());
    }

    /**
     * The cache entry, its files seen again, when both are as it saw them; empty when either changed. A file
     * too recent to trust by its version (a journal this store wrote a moment ago) is compared by its bytes.
     */
    private Optional<BagCache.Entry> unchangedOnDisk(BagKey key, BagCache.Entry entry) throws IOException {
        Instant takenAt = cache.orElseThrow().now();
        Optional<BagCache.Seen> file = unchanged(key.path(), entry.file(), takenAt);
        Optional<BagCache.Seen> journalFile = file.isPresent() ? unchanged(key.journalPath(), entry.journal(), takenAt) : Optional.empty();
        if (file.isEmpty() || journalFile.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(entry.with(file.get(), journalFile.get(), entry.state(), entry.members()));
    }

    private Optional<BagCache.Seen> unchanged(String path, BagCache.Seen seen, Instant takenAt) throws IOException {
        Optional<FileVersion> version = host.version(path);
        if (seen.trusted(version)) {
            return Optional.of(seen);
        }
        // seen again now: once its version has settled, the next record trusts it without reading it
        return version.isPresent() && seen.sameBytes(host.read(path)) ? Optional.of(new BagCache.Seen(version, takenAt, seen.bytes()))
                : Optional.empty();
    }

    /**
     * Writes whole, from the bag its file and journal hold, every bag that has a journal, and deletes the
     * journal (see {@link #write}). A caching store compacts the bags it last saw with a journal, and those
     * it has not read yet that have one on disk; a plain store, every bag with a journal on disk. A bag whose
     * file had unreadable entries is {@link #preserve}d first. Meant for when the caller is idle: it also
     * hashes each file it writes, for the base of the journal the next {@link #record} begins.
     *
     * @return whether a bag was written
     */
    public synchronized boolean compact() throws IOException {
        boolean wrote = false;
        for (BagKey key : journaled) {
            Optional<BagLoader.State> state;
            if (cache.isPresent()) {
                Optional<BagCache.Entry> entry = cache.get().get(key);
                boolean hasOne = entry.isPresent() ? entry.get().journal().bytes().isPresent() : host.exists(key.journalPath());
                state = hasOne ? loadCached(key, cache.get()).map(BagCache.Entry::state) : Optional.empty();
            }
            else {
                state = host.exists(key.journalPath()) ? loadFresh(key) : Optional.empty();
            }
            if (state.isPresent() && state.get().journal() != BagLoader.Journal.NONE) {
                if (state.get().problems().stream().anyMatch(problem -> !problem.inJournal())) {
                    preserve(key);
                }
                write(state.get().bag(), true);
                wrote = true;
            }
        }
        return wrote;
    }

    /**
     * Whether {@link #compact} has something to do, from memory: true when a caching store last saw a bag
     * with a journal. A plain store keeps nothing in memory and answers false (its {@link #record} writes
     * whole; its {@link #compact} still looks on disk).
     */
    public boolean hasJournal() {
        return cache.map(BagCache::anyJournal).orElse(false);
    }

    /**
     * Copies a bag's current file to {@code <path>.unreadable} (root-only), so that the entries that
     * could not be read survive the write that replaces it. Nothing if the file does not exist.
     */
    public synchronized void preserve(BagKey key) throws IOException {
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

    /** A bag from file bytes, as {@link #load()} reads it without a journal; problems are added to {@code problems}. */
    public Databag parse(BagKey key, byte[] bytes, List<DatabagProblem> problems) {
        return reader.read(requireNonNull(key, "key is null"), requireNonNull(bytes, "bytes is null"), problems);
    }
}
