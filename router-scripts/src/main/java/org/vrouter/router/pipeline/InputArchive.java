package org.vrouter.router.pipeline;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.Host;

/**
 * Where processed inputs go: {@code /var/cache/cloud/processed/<name>.gz}, gzip-compressed, or nowhere
 * when the caller asked for deletion ({@code update_config.py <file> false}). A name with exactly one dot
 * ({@code cmd_line.json}) gets a UUID inserted, {@code cmd_line.json.<uuid>.gz}, so that repeated boots do
 * not overwrite each other. Archives are root-only: inputs can hold passwords and keys.
 */
final class InputArchive {
    static final String CACHE = "/var/cache/cloud";
    static final String PROCESSED = CACHE + "/processed";

    private final Host host;
    private final Supplier<UUID> uuids;

    InputArchive(Host host, Supplier<UUID> uuids) {
        this.host = requireNonNull(host, "host is null");
        this.uuids = requireNonNull(uuids, "uuids is null");
    }

    /** The router path of a delivered input. */
    static String inputPath(String name) {
        return CACHE + "/" + name;
    }

    /** Whether an input of this name has been archived (a redelivery then succeeds without work). */
    boolean isArchived(String name) throws IOException {
        return host.exists(PROCESSED + "/" + name + ".gz");
    }

    /**
     * Archives (or deletes) an input. The archive is written before the input is deleted, so a crash in
     * between leaves the input in place to be processed again.
     *
     * <p>Neither is fsynced: by now the input's bags are on disk, so after a power loss an input that
     * reappears only merges again (a no-op), and an archive lost or left empty only means that a redelivery
     * of that name is not recognised as one. That saves three of the five fsyncs of a small update.
     */
    void finish(String name, boolean delete) throws IOException {
        String input = inputPath(name);
        if (!delete) {
            byte[] content = host.read(input).orElseThrow(() -> new IOException("input vanished before it was archived: " + input));
            host.write(archivePath(name), gzip(content), FileMode.SECRET, false);
        }
        host.delete(input, false);
    }

    /** Moves a processed batch file into the archive directory, as CloudStack's {@code vr_cfg.sh} does. */
    void moveBatch(String path) throws IOException {
        byte[] content = host.read(path).orElseThrow(() -> new IOException("batch file vanished: " + path));
        host.write(PROCESSED + "/" + path.substring(path.lastIndexOf('/') + 1), content, FileMode.SECRET);
        host.delete(path);
    }

    private String archivePath(String name) {
        boolean oneDot = name.indexOf('.') >= 0 && name.indexOf('.') == name.lastIndexOf('.');
        return PROCESSED + "/" + (oneDot ? name + "." + uuids.get() : name) + ".gz";
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(content.length / 3 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(content);
        }
        return bytes.toByteArray();
    }
}
