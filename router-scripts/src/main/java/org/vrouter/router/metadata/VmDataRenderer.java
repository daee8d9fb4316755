package org.vrouter.router.metadata;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.vrouter.api.net.IpAddress;
import org.vrouter.commands.wire.payload.VmMetadataEntry;
import org.vrouter.router.host.FileMode;

/**
 * Renders one VM's {@code vmdata} entry into its files, after CloudStack's {@code CsVmMetadata}
 * (router-side §8): a pure function.
 *
 * <ul>
 *   <li>{@code userdata/<file>}: the contents base64-decoded (padded to a multiple of 4, characters
 *       outside the alphabet ignored, as CloudStack's decoder does) to
 *       {@code /var/www/html/userdata/<vm>/<file>}, mode 0600: user data may hold credentials, and only
 *       the server (root) reads it.</li>
 *   <li>{@code metadata/<file>}: the contents as UTF-8 to {@code /var/www/html/metadata/<vm>/<file>},
 *       mode 0644, and the name in that directory's {@code meta-data} index (one name per line, in the
 *       order first sent), which the VM reads as {@code /latest/meta-data/}.</li>
 *   <li>Empty or absent contents: no file (CloudStack deletes it), and no index line. An item sent twice:
 *       the last one counts, in the first one's place.</li>
 * </ul>
 * Left out with a warning: user data that is not base64, and a metadata item named {@code meta-data}
 * (it would overwrite the index). Unlike CloudStack, the index lists only the files there are (it never
 * keeps names of deleted items) and matches names exactly (CloudStack tests substrings).
 */
public final class VmDataRenderer {
    private VmDataRenderer() {}

    public static VmFiles render(IpAddress vm, List<VmMetadataEntry> entries) {
        requireNonNull(vm, "vm is null");
        Map<String, RenderedFile> files = new LinkedHashMap<>();
        Set<String> index = new LinkedHashSet<>();
        List<String> warnings = new ArrayList<>();
        for (VmMetadataEntry entry : requireNonNull(entries, "entries is null")) {
            String path = MetadataPaths.vmDirectory(entry.folder(), vm) + "/" + entry.file();
            Optional<String> contents = entry.contents().filter(text -> !text.isEmpty());
            String where = "vmdata[" + vm + "]." + entry.folder() + "/" + entry.file() + ": ";
            if (entry.folder().equals(VmMetadataEntry.USERDATA)) {
                userData(path, contents, files).ifPresent(problem -> warnings.add(where + problem));
            }
            else if (entry.file().equals(MetadataPaths.MANIFEST)) {
                warnings.add(where + "a metadata item cannot be named " + MetadataPaths.MANIFEST + " (the index of the VM's items); left out");
            }
            else if (contents.isPresent()) {
                // a repeated item replaces the earlier one's content and keeps its position
                files.put(path, new RenderedFile(path, contents.get().getBytes(StandardCharsets.UTF_8), FileMode.PUBLIC));
                index.add(entry.file());
            }
            else {
                files.remove(path);
                index.remove(entry.file());
            }
        }
        if (!index.isEmpty()) {
            String path = MetadataPaths.vmDirectory(MetadataPaths.METADATA, vm) + "/" + MetadataPaths.MANIFEST;
            String text = String.join("\n", index) + "\n";
            files.put(path, new RenderedFile(path, text.getBytes(StandardCharsets.UTF_8), FileMode.PUBLIC));
        }
        return new VmFiles(vm, List.copyOf(files.values()), warnings);
    }

    /** Puts (or removes) a user data file; the problem when the contents are not base64. */
    private static Optional<String> userData(String path, Optional<String> contents, Map<String, RenderedFile> files) {
        byte[] decoded = contents.map(VmDataRenderer::decode).orElse(new byte[0]);
        if (decoded.length > 0) {
            files.put(path, new RenderedFile(path, decoded, FileMode.SECRET));
            return Optional.empty();
        }
        files.remove(path);
        return contents.map(text -> "not base64 user data; left out");
    }

    /** The decoded bytes; empty when the text is not base64 (or decodes to nothing). */
    static byte[] decode(String text) {
        StringBuilder alphabet = new StringBuilder(text.length() + 3);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/') {
                alphabet.append(c);
            }
            else if (c == '=') {
                break;
            }
        }
        while (alphabet.length() % 4 != 0) {
            alphabet.append('=');
        }
        try {
            return Base64.getDecoder().decode(alphabet.toString());
        }
        catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
