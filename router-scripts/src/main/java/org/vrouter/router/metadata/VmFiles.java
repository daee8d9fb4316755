package org.vrouter.router.metadata;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.vrouter.api.net.IpAddress;

/**
 * The files one VM's {@code vmdata} entry renders to (user data, metadata items, the {@code meta-data}
 * index), in write order, with the entry's items that were left out. The {@link #digest()} identifies the
 * whole set, so an applier can tell an unchanged VM without reading its files.
 *
 * @param files each path once, all under the VM's two directories
 * @param warnings one line per item left out ({@code vmdata[10.1.1.23].userdata/user-data: ...})
 */
public record VmFiles(IpAddress vm, List<RenderedFile> files, List<String> warnings) {
    public VmFiles {
        requireNonNull(vm, "vm is null");
        files = List.copyOf(requireNonNull(files, "files is null"));
        warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
        Set<String> paths = new HashSet<>();
        for (RenderedFile file : files) {
            if (!paths.add(file.path())) {
                throw new IllegalArgumentException("file rendered twice for " + vm + ": " + file.path());
            }
        }
    }

    /** The router paths of the files. */
    public Set<String> paths() {
        Set<String> paths = new HashSet<>();
        files.forEach(file -> paths.add(file.path()));
        return paths;
    }

    /** SHA-256 (hex) over every file's path, mode and bytes, in order. */
    public String digest() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (RenderedFile file : files) {
                byte[] path = file.path().getBytes(StandardCharsets.UTF_8);
                byte[] content = file.content();
                // lengths first, so that no two different sets of files hash the same bytes
                digest.update(ByteBuffer.allocate(12).putInt(path.length).putInt(file.mode().bits()).putInt(content.length).array());
                digest.update(path);
                digest.update(content);
            }
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
