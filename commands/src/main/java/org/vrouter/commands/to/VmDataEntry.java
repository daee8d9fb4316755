package org.vrouter.commands.to;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

import org.vrouter.api.error.InvalidParameterException;

/**
 * One user-data or metadata file of a VM: a {@code [folder, file, contents]} triple of
 * CloudStack's {@code VmDataCommand.addVmData}; on the wire one element of {@code vm_metadata} in
 * {@code vm_metadata.json}. The router serves it at {@code /latest/user-data} or
 * {@code /latest/meta-data/<file>}.
 *
 * <p>User data is base64 text (an empty value deletes the file on the router) and is never
 * printed: {@link #toString()} shows {@code ****} for it. Metadata contents are free text without
 * NUL or other control characters except newline and tab. File names are tokens (letters, digits,
 * {@code . _ -}, not {@code .} or {@code ..}) because they become file names and rewrite rules.
 */
public record VmDataEntry(VmDataFolder folder, String file, String contents) {
    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/=\\r\\n]*");

    public VmDataEntry {
        requireNonNull(folder, "folder is null");
        if (file == null) {
            throw new InvalidParameterException("vm_metadata.file", "is missing");
        }
        if (!FILE.matcher(file).matches()) {
            throw new InvalidParameterException("vm_metadata.file", "must be letters, digits, '.', '_' or '-' and not start with '.'", file);
        }
        requireNonNull(contents, "contents is null");
        if (folder == VmDataFolder.USERDATA && !BASE64.matcher(contents).matches()) {
            throw new InvalidParameterException("vm_metadata." + file, "user data must be base64 text");
        }
        for (int i = 0; i < contents.length(); i++) {
            char c = contents.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
                throw new InvalidParameterException("vm_metadata." + file, "contents must not contain control characters other than newline and tab");
            }
        }
    }

    public static VmDataEntry userData(String file, String base64) {
        return new VmDataEntry(VmDataFolder.USERDATA, file, base64);
    }

    public static VmDataEntry metadata(String file, String contents) {
        return new VmDataEntry(VmDataFolder.METADATA, file, contents);
    }

    @Override
    public String toString() {
        String shown = folder == VmDataFolder.USERDATA ? "****" : contents;
        return "[" + folder.wireName() + ", " + file + ", " + shown + "]";
    }
}
