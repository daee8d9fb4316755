package org.vrouter.commands.wire.payload;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.Set;

/**
 * One {@code [folder, file, contents]} triple of a {@link VmMetadataPayload}, written as a 3-element JSON
 * array. {@code folder} is {@code userdata} or {@code metadata}; {@code file} becomes a file name on the
 * router, so it is a bare name; absent contents is JSON {@code null} (CloudStack sends it for a VM without
 * user data).
 *
 * <p>Contents are data files served to the VM, not configuration, so they are not restricted (public keys
 * may span lines). User data can hold credentials: {@link #toString()} shows only its length.
 */
public record VmMetadataEntry(String folder, String file, Optional<String> contents) {
    public static final String USERDATA = "userdata";
    public static final String METADATA = "metadata";

    private static final Set<String> FOLDERS = Set.of(USERDATA, METADATA);

    public VmMetadataEntry {
        WireChecks.oneOf("folder", folder, FOLDERS);
        WireChecks.fileName("file", file);
        requireNonNull(contents, "contents is null");
    }

    public static VmMetadataEntry of(String folder, String file, String contents) {
        return new VmMetadataEntry(folder, file, Optional.ofNullable(contents));
    }

    public static VmMetadataEntry metadata(String file, String contents) {
        return of(METADATA, file, contents);
    }

    @Override
    public String toString() {
        String shown = USERDATA.equals(folder)
                ? contents.map(value -> "<" + value.length() + " characters>").orElse("null")
                : contents.orElse("null");
        return "[" + folder + ", " + file + ", " + shown + "]";
    }
}
