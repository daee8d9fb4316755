package org.vrouter.router.metadata;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

import org.vrouter.router.host.FileDrift;
import org.vrouter.router.host.FileMode;

/**
 * One file of a VM's data as it must be on the router: router path, bytes and mode. Equal by content.
 * {@link #toString()} shows a digest, never the bytes (user data may hold credentials).
 */
public record RenderedFile(String path, byte[] content, FileMode mode) {
    public RenderedFile {
        requireNonNull(path, "path is null");
        content = requireNonNull(content, "content is null").clone();
        requireNonNull(mode, "mode is null");
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /** Whether {@code bytes} is this file's content. */
    public boolean hasContent(byte[] bytes) {
        return Arrays.equals(content, bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RenderedFile file && path.equals(file.path) && mode.equals(file.mode) && Arrays.equals(content, file.content);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * path.hashCode() + mode.hashCode()) + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return path + " (" + content.length + " bytes, sha256 " + FileDrift.sha256(content) + ", mode " + mode + ")";
    }
}
