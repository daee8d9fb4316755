package org.vrouter.commands.wire;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

import org.vrouter.api.error.InvalidParameterException;

/**
 * A file to place on the router: {@code directory + name} with {@code contents}, written byte for
 * byte (CloudStack's own batch runner trims each line; ours does not).
 *
 * @param directory absolute directory ending in {@code /}, e.g. {@code /var/cache/cloud/}
 * @param name a plain file name such as {@code vm_dhcp_entry.json.<uuid>}
 * @param contents the file's text; it may not hold a line {@code </file>}, which would end the
 *     item early inside a batch file
 */
public record FileConfigItem(String directory, String name, String contents) implements ConfigItem {
    /** Where CloudStack's resource puts every configuration file. */
    public static final String CACHE_DIRECTORY = "/var/cache/cloud/";

    private static final Pattern DIRECTORY = Pattern.compile("/(?:[A-Za-z0-9._-]+/)*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,254}");

    public FileConfigItem {
        requireNonNull(directory, "directory is null");
        requireNonNull(name, "name is null");
        requireNonNull(contents, "contents is null");
        if (!directory.endsWith("/")) {
            directory = directory + "/";
        }
        if (!DIRECTORY.matcher(directory).matches() || directory.contains("/../") || directory.contains("/./")) {
            throw new InvalidParameterException("directory", "must be an absolute path of plain names", directory);
        }
        if (!NAME.matcher(name).matches() || name.equals("..")) {
            throw new InvalidParameterException("name", "must be a plain file name", name);
        }
        if (contents.startsWith(ConfigBatch.FILE_END + "\n") || contents.equals(ConfigBatch.FILE_END)
                || contents.contains("\n" + ConfigBatch.FILE_END + "\n") || contents.endsWith("\n" + ConfigBatch.FILE_END)) {
            throw new InvalidParameterException("contents", "must not contain a line '" + ConfigBatch.FILE_END + "'");
        }
    }

    /** A file in {@link #CACHE_DIRECTORY}. */
    public static FileConfigItem inCache(String name, String contents) {
        return new FileConfigItem(CACHE_DIRECTORY, name, contents);
    }

    public String path() {
        return directory + name;
    }

    @Override
    public String toString() {
        return "FileConfigItem[" + path() + ", " + contents.length() + " chars]";
    }
}
