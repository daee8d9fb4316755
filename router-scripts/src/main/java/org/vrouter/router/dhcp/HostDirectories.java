package org.vrouter.router.dhcp;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.Host;

/**
 * The per-host directories dnsmasq reads ({@code dhcp-hostsdir}, {@code dhcp-optsdir}, {@code hostsdir}),
 * laid out so that adding a host costs the same whatever their number, and a reload stays rare.
 *
 * <p>dnsmasq reads a new file in those directories by inotify, without a signal, but keeps what it read
 * from a reservation or option file that is later changed or deleted until SIGHUP (dnsmasq(8),
 * {@code --dhcp-hostsdir}). So each directory holds one base file, {@value #BASE}, with every host known
 * at the last <em>compaction</em>, plus one <em>delta</em> file per host added since, named after its MAC
 * address; {@value DnsmasqFiles#NAMES_DIR} also holds {@value DnsmasqFiles#ROUTER_NAMES_FILE} (the
 * router's own names and the host records, rewritten in place: {@code hostsdir} follows changes).
 * <ul>
 *   <li>Only new hosts, at most {@value #MAX_DELTAS} since the last compaction: their files are written, options and
 *       names before reservations, and dnsmasq picks them up ({@link Plan#needsReload()} false).</li>
 *   <li>A host changed or removed, too many deltas, or a layout this object does not know (a new
 *       process finds other files than the compacted layout of the desired hosts): a compaction. The
 *       base files are rewritten with every host, other files deleted, and dnsmasq needs SIGHUP, which
 *       re-reads everything; a removal needed one anyway.</li>
 * </ul>
 * Files are written without fsync: they are derived from the databags, and a new process compares them
 * with the desired layout and rewrites them when they differ. Not thread-safe: {@link DnsmasqApplier}
 * serialises its calls.
 */
final class HostDirectories {
    /** The base file of each directory. Never a MAC file name (those have dashes). */
    static final String BASE = "all";
    /** Hosts added as deltas beyond which the next addition compacts instead. */
    static final int MAX_DELTAS = 256;
    /** Options and names before reservations, so dnsmasq never serves a reservation without them. */
    private static final List<String> DIRECTORIES = List.of(DnsmasqFiles.DHCP_OPTS_DIR, DnsmasqFiles.NAMES_DIR,
            DnsmasqFiles.DHCP_HOSTS_DIR);
    private static final String ROUTER_NAMES = DnsmasqFiles.NAMES_DIR + "/" + DnsmasqFiles.ROUTER_NAMES_FILE;

    /** What one apply does to the directories. */
    record Plan(boolean compact, Map<String, String> writes) {
        Plan {
            writes = new LinkedHashMap<>(writes);
        }

        boolean isEmpty() {
            return !compact && writes.isEmpty();
        }

        /** Whether dnsmasq must re-read its files (SIGHUP): after a compaction. */
        boolean needsReload() {
            return compact;
        }
    }

    private final Host host;
    /** Per-host files (router path to content) dnsmasq holds, base and deltas; empty when the layout on disk is unknown. */
    private Optional<Map<String, String>> inForce = Optional.empty();
    /** The paths of {@link #inForce} that are delta files. */
    private final Set<String> deltas = new HashSet<>();
    private String routerNames = "";
    /**
     * The hosts whose files {@link #inForce} holds, by IPv4 address, as last planned or written from a
     * {@link DnsmasqFiles}; empty when unknown. The renderer keeps each unchanged host's text object, so a
     * desired list that holds these same objects in order, with others inserted, adds hosts and nothing else.
     */
    private Optional<List<DnsmasqHostFiles.HostText>> hostsInForce = Optional.empty();

    HostDirectories(Host host) {
        this.host = requireNonNull(host, "host is null");
    }

    /** The compacted layout of {@code entries} (per-host files): router path to content of every file. */
    static Map<String, String> compacted(Map<String, String> entries) {
        Map<String, String> files = new LinkedHashMap<>();
        for (String directory : DIRECTORIES) {
            StringBuilder base = new StringBuilder();
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                if (inDirectory(entry.getKey(), directory) && !entry.getKey().equals(ROUTER_NAMES)) {
                    base.append(entry.getValue());
                }
            }
            files.put(directory + "/" + BASE, base.toString());
        }
        files.put(ROUTER_NAMES, entries.getOrDefault(ROUTER_NAMES, ""));
        return files;
    }

    /**
     * What turns the directories into the layout of {@code desired}. When it only adds hosts to what dnsmasq
     * holds, found by identity in one ordered walk, the plan is made from the added hosts alone: at 10,000 hosts
     * one more costs no walk over 30,000 files. Anything else is {@link #plan(Map)}'s.
     */
    Plan plan(DnsmasqFiles desired) throws IOException {
        Optional<List<DnsmasqHostFiles.HostText>> added = inForce.isPresent()
                ? hostsInForce.flatMap(before -> additions(before, desired.hosts())) : Optional.empty();
        Optional<Plan> quick = added.flatMap(hosts -> planAdditions(hosts, desired.routerNames()));
        if (quick.isPresent()) {
            return quick.get();
        }
        Plan plan = plan(desired.entries());
        hostsInForce = plan.isEmpty() ? Optional.of(desired.hosts()) : Optional.empty();
        return plan;
    }

    /**
     * The hosts of {@code after} that are not in {@code before}, when {@code after} holds every host of
     * {@code before} (the same objects, in the same order) with at most {@value #MAX_DELTAS} others inserted;
     * else empty.
     */
    static Optional<List<DnsmasqHostFiles.HostText>> additions(List<DnsmasqHostFiles.HostText> before,
            List<DnsmasqHostFiles.HostText> after) {
        if (after.size() < before.size() || after.size() - before.size() > MAX_DELTAS) {
            return Optional.empty();
        }
        List<DnsmasqHostFiles.HostText> added = new ArrayList<>();
        int kept = 0;
        for (DnsmasqHostFiles.HostText host : after) {
            if (kept < before.size() && before.get(kept) == host) {
                kept++;
            }
            else {
                added.add(host);
            }
        }
        return kept == before.size() ? Optional.of(added) : Optional.empty();
    }

    /** The plan that writes the added hosts as deltas, or empty when they need a compaction (too many, or a file already there). */
    private Optional<Plan> planAdditions(List<DnsmasqHostFiles.HostText> added, String router) {
        Map<String, String> known = inForce.orElseThrow();
        Map<String, String> writes = new LinkedHashMap<>();
        for (DnsmasqHostFiles.HostText host : added) {
            host.addTo(writes);
        }
        if (writes.keySet().stream().anyMatch(known::containsKey) || hostCount(deltas) + added.size() > MAX_DELTAS) {
            return Optional.empty();
        }
        if (!router.equals(routerNames)) {
            writes.put(ROUTER_NAMES, router);
        }
        return Optional.of(new Plan(false, ordered(writes)));
    }

    /** Writes a plan made by {@link #plan(DnsmasqFiles)}; as {@link #write(Plan, Map)}. */
    void write(Plan plan, DnsmasqFiles desired) throws IOException {
        write(plan, plan.compact() ? desired.entries() : Map.of(ROUTER_NAMES, desired.routerNames()));
        hostsInForce = Optional.of(desired.hosts());
    }

    /** What turns the directories into the layout of {@code entries}; reads the disk only when the layout is unknown. */
    Plan plan(Map<String, String> entries) throws IOException {
        String router = entries.getOrDefault(ROUTER_NAMES, "");
        if (inForce.isEmpty() && onDisk().equals(compacted(entries))) {
            remember(entries);
        }
        if (inForce.isEmpty()) {
            return new Plan(true, compacted(entries));
        }
        Map<String, String> known = inForce.get();
        Map<String, String> writes = new LinkedHashMap<>();
        int unchanged = 0;
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            if (entry.getKey().equals(ROUTER_NAMES)) {
                continue;
            }
            String before = known.get(entry.getKey());
            if (before == null) {
                writes.put(entry.getKey(), entry.getValue());
            }
            else if (before.equals(entry.getValue())) {
                unchanged++;
            }
            else {
                return new Plan(true, compacted(entries));
            }
        }
        if (unchanged < known.size() || hostCount(deltas) + hostCount(writes.keySet()) > MAX_DELTAS) {
            return new Plan(true, compacted(entries));
        }
        if (!router.equals(routerNames)) {
            writes.put(ROUTER_NAMES, router);
        }
        return new Plan(false, ordered(writes));
    }

    /**
     * Writes the plan. The layout is unknown while it runs, so a failure makes the next plan compact.
     *
     * @param entries the per-host files the plan was made for
     */
    void write(Plan plan, Map<String, String> entries) throws IOException {
        Optional<Map<String, String>> before = inForce;
        inForce = Optional.empty();
        hostsInForce = Optional.empty();
        for (String directory : DIRECTORIES) {
            host.createDirectories(directory);
        }
        for (Map.Entry<String, String> file : plan.writes().entrySet()) {
            host.write(file.getKey(), file.getValue().getBytes(StandardCharsets.UTF_8), FileMode.PUBLIC, false);
        }
        if (plan.compact()) {
            for (String path : list()) {
                if (!plan.writes().containsKey(path)) {
                    host.delete(path);
                }
            }
            remember(entries);
            return;
        }
        Map<String, String> known = before.orElseThrow();
        for (Map.Entry<String, String> file : plan.writes().entrySet()) {
            if (!file.getKey().equals(ROUTER_NAMES)) {
                known.put(file.getKey(), file.getValue());
                deltas.add(file.getKey());
            }
        }
        routerNames = entries.getOrDefault(ROUTER_NAMES, "");
        inForce = Optional.of(known);
    }

    /** The hosts among per-host files: one reservation file each. */
    private static long hostCount(Collection<String> paths) {
        return paths.stream().filter(path -> inDirectory(path, DnsmasqFiles.DHCP_HOSTS_DIR)).count();
    }

    /** Takes {@code entries} as what dnsmasq holds, in the compacted layout. */
    private void remember(Map<String, String> entries) {
        Map<String, String> known = new HashMap<>(entries);
        routerNames = Optional.ofNullable(known.remove(ROUTER_NAMES)).orElse("");
        deltas.clear();
        inForce = Optional.of(known);
    }

    /**
     * How the directories differ from {@code entries}, compared line by line per directory (a host's lines may
     * be in the base file or in its delta): one line per directory that differs.
     */
    List<String> verify(Map<String, String> entries) throws IOException {
        Map<String, String> disk = onDisk();
        List<String> differences = new ArrayList<>();
        for (String directory : DIRECTORIES) {
            List<String> want = lines(entries, directory);
            List<String> have = lines(disk, directory);
            if (!want.equals(have)) {
                List<String> missing = new ArrayList<>(want);
                have.forEach(missing::remove);
                List<String> unexpected = new ArrayList<>(have);
                want.forEach(unexpected::remove);
                differences.add(directory + ": " + missing.size() + " line(s) missing, " + unexpected.size() + " unexpected");
            }
        }
        return differences;
    }

    private static List<String> lines(Map<String, String> files, String directory) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (inDirectory(file.getKey(), directory)) {
                file.getValue().lines().forEach(lines::add);
            }
        }
        lines.sort(null);
        return lines;
    }

    /** Every file of the directories, router path to content, in the compacted layout's order where it applies. */
    private Map<String, String> onDisk() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        for (String path : list()) {
            files.put(path, host.read(path).map(bytes -> new String(bytes, StandardCharsets.UTF_8)).orElse(""));
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String path : compacted(Map.of()).keySet()) {
            if (files.containsKey(path)) {
                ordered.put(path, files.remove(path));
            }
        }
        ordered.putAll(files);
        return ordered;
    }

    private List<String> list() throws IOException {
        List<String> paths = new ArrayList<>();
        for (String directory : DIRECTORIES) {
            for (String name : host.list(directory)) {
                paths.add(directory + "/" + name);
            }
        }
        return paths;
    }

    /** Writes in directory order: options, names, then reservations. */
    private static Map<String, String> ordered(Map<String, String> writes) {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String directory : DIRECTORIES) {
            writes.forEach((path, content) -> {
                if (inDirectory(path, directory)) {
                    ordered.put(path, content);
                }
            });
        }
        return ordered;
    }

    private static boolean inDirectory(String path, String directory) {
        return path.length() > directory.length() && path.startsWith(directory) && path.charAt(directory.length()) == '/';
    }
}
