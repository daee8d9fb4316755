package org.vrouter.router.dhcp;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.Host;

/**
 * What differs between the per-host files dnsmasq reads ({@link DnsmasqFiles#entries()}) as they are and as
 * they must be, and how to write the difference so that dnsmasq never sees a reservation before its options
 * and name: options and names are written before reservations, reservations removed before the rest.
 *
 * <p>dnsmasq reads a new file in {@code dhcp-hostsdir}/{@code dhcp-optsdir} by inotify, but keeps what it
 * read from a file that is later changed or deleted until SIGHUP ({@link #needsReload()}); its
 * {@code hostsdir} follows changes and deletions by itself.
 */
final class EntryChanges {
    private static final List<String> WRITE_ORDER = List.of(DnsmasqFiles.DHCP_OPTS_DIR, DnsmasqFiles.NAMES_DIR, DnsmasqFiles.DHCP_HOSTS_DIR);
    private static final List<String> DELETE_ORDER = List.of(DnsmasqFiles.DHCP_HOSTS_DIR, DnsmasqFiles.DHCP_OPTS_DIR, DnsmasqFiles.NAMES_DIR);

    private final Map<String, String> added;
    private final Map<String, String> changed;
    private final List<String> removed;

    private EntryChanges(Map<String, String> added, Map<String, String> changed, List<String> removed) {
        this.added = added;
        this.changed = changed;
        this.removed = removed;
    }

    /** From the files there are to the files there must be (router path to content). */
    static EntryChanges between(Map<String, String> current, Map<String, String> desired) {
        Map<String, String> added = new TreeMap<>();
        Map<String, String> changed = new TreeMap<>();
        for (Map.Entry<String, String> file : desired.entrySet()) {
            String before = current.get(file.getKey());
            if (before == null) {
                added.put(file.getKey(), file.getValue());
            }
            else if (!before.equals(file.getValue())) {
                changed.put(file.getKey(), file.getValue());
            }
        }
        List<String> removed = new ArrayList<>();
        for (String path : current.keySet()) {
            if (!desired.containsKey(path)) {
                removed.add(path);
            }
        }
        removed.sort(null);
        return new EntryChanges(added, changed, removed);
    }

    /** The per-host files on disk, router path to content (an unreadable file counts as empty, so it is rewritten). */
    static Map<String, String> read(Host host) throws IOException {
        Map<String, String> files = new HashMap<>();
        for (String path : list(host)) {
            Optional<byte[]> content = host.read(path);
            files.put(path, content.map(bytes -> new String(bytes, StandardCharsets.UTF_8)).orElse(""));
        }
        return files;
    }

    /** The router paths of every file in the per-host directories. */
    static List<String> list(Host host) throws IOException {
        List<String> paths = new ArrayList<>();
        for (String directory : WRITE_ORDER) {
            for (String name : host.list(directory)) {
                paths.add(directory + "/" + name);
            }
        }
        return paths;
    }

    boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }

    int size() {
        return added.size() + changed.size() + removed.size();
    }

    /** Whether dnsmasq must re-read its DHCP files: a reservation or option file it has read changed or went away. */
    boolean needsReload() {
        for (String path : changed.keySet()) {
            if (!inDirectory(path, DnsmasqFiles.NAMES_DIR)) {
                return true;
            }
        }
        for (String path : removed) {
            if (!inDirectory(path, DnsmasqFiles.NAMES_DIR)) {
                return true;
            }
        }
        return false;
    }

    /** Creates the directories, writes new and changed files, then deletes removed ones, each in a safe order. */
    void write(Host host) throws IOException {
        requireNonNull(host, "host is null");
        for (String directory : WRITE_ORDER) {
            host.createDirectories(directory);
            write(host, directory, added);
            write(host, directory, changed);
        }
        for (String directory : DELETE_ORDER) {
            for (String path : removed) {
                if (inDirectory(path, directory)) {
                    host.delete(path);
                }
            }
        }
    }

    /** One {@code <directory>/ (+added ~changed -removed)} per directory that changes. */
    List<String> summary() {
        List<String> lines = new ArrayList<>();
        for (String directory : WRITE_ORDER) {
            long plus = added.keySet().stream().filter(path -> inDirectory(path, directory)).count();
            long tilde = changed.keySet().stream().filter(path -> inDirectory(path, directory)).count();
            long minus = removed.stream().filter(path -> inDirectory(path, directory)).count();
            if (plus + tilde + minus > 0) {
                lines.add(directory + "/ (+" + plus + " ~" + tilde + " -" + minus + ")");
            }
        }
        return lines;
    }

    private static void write(Host host, String directory, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (inDirectory(file.getKey(), directory)) {
                host.write(file.getKey(), file.getValue().getBytes(StandardCharsets.UTF_8), FileMode.PUBLIC);
            }
        }
    }

    private static boolean inDirectory(String path, String directory) {
        return path.length() > directory.length() && path.startsWith(directory) && path.charAt(directory.length()) == '/';
    }
}
