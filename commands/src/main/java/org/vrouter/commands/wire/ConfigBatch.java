package org.vrouter.commands.wire;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

import org.vrouter.api.error.InvalidParameterException;

/**
 * The items of an aggregated batch, as CloudStack's {@code VR-<uuid>.cfg} file carries them to
 * {@code vr_cfg.sh -c}: a comment header, a version block, then {@code <file>} and
 * {@code <script>} blocks in execution order.
 *
 * <p>{@link #render()} produces exactly CloudStack's layout; {@link #parse(String)} is strict and
 * names the line of any defect, so the router side can reject a damaged batch before running any
 * of it.
 */
public record ConfigBatch(List<ConfigItem> items) {
    public static final String HEADER = "#Apache CloudStack Virtual Router Config File";
    public static final String VERSION = "1.0";
    static final String FILE_START = "<file>";
    static final String FILE_END = "</file>";
    static final String SCRIPT_START = "<script>";
    static final String SCRIPT_END = "</script>";

    public ConfigBatch {
        items = List.copyOf(requireNonNull(items, "items is null"));
    }

    /** The batch file's name for a batch id: {@code VR-<uuid>.cfg}. */
    public static String fileName(java.util.UUID id) {
        return "VR-" + id + ".cfg";
    }

    /** The batch file's text. */
    public String render() {
        StringBuilder out = new StringBuilder(256);
        out.append(HEADER).append('\n');
        out.append("<version>\n").append(VERSION).append("\n</version>\n");
        for (ConfigItem item : items) {
            if (item instanceof FileConfigItem file) {
                out.append(FILE_START).append('\n')
                        .append(file.path()).append('\n')
                        .append(file.contents()).append('\n')
                        .append(FILE_END).append('\n');
            }
            else if (item instanceof ScriptConfigItem script) {
                out.append(SCRIPT_START).append('\n')
                        .append(script.commandLine()).append('\n')
                        .append(SCRIPT_END).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * Parses a batch file. Lines starting with {@code #} outside a file block are comments.
     *
     * @throws InvalidParameterException naming the line ({@code line 7}) when the layout is broken,
     *     the version is not 1.0, a file path is not absolute, or a block is not closed
     */
    public static ConfigBatch parse(String text) {
        List<String> lines = text.lines().toList();
        List<ConfigItem> items = new ArrayList<>();
        boolean versionSeen = false;
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                i++;
            }
            else if (line.equals("<version>")) {
                requireLine(lines, i + 2, "</version>");
                if (!lines.get(i + 1).trim().equals(VERSION)) {
                    throw error(i + 2, "unsupported batch version (expected " + VERSION + ")", lines.get(i + 1));
                }
                versionSeen = true;
                i += 3;
            }
            else if (line.equals(FILE_START)) {
                i = parseFile(lines, i, items);
            }
            else if (line.equals(SCRIPT_START)) {
                requireLine(lines, i + 2, SCRIPT_END);
                String commandLine = lines.get(i + 1);
                items.add(withLine(i + 2, () -> ScriptConfigItem.parse(commandLine)));
                i += 3;
            }
            else {
                throw error(i + 1, "expected <version>, <file> or <script>", line);
            }
        }
        if (!versionSeen) {
            throw new InvalidParameterException("batch", "has no <version> block");
        }
        return new ConfigBatch(items);
    }

    private static int parseFile(List<String> lines, int start, List<ConfigItem> items) {
        if (start + 1 >= lines.size()) {
            throw error(start + 1, "<file> without a path");
        }
        String path = lines.get(start + 1).trim();
        int slash = path.lastIndexOf('/');
        if (!path.startsWith("/") || slash == path.length() - 1) {
            throw error(start + 2, "file path must be absolute and name a file", path);
        }
        int end = start + 2;
        while (end < lines.size() && !lines.get(end).equals(FILE_END)) {
            end++;
        }
        if (end == lines.size()) {
            throw error(start + 1, "<file> block is not closed with " + FILE_END);
        }
        String contents = String.join("\n", lines.subList(start + 2, end));
        items.add(withLine(start + 2, () -> new FileConfigItem(path.substring(0, slash + 1), path.substring(slash + 1), contents)));
        return end + 1;
    }

    private static void requireLine(List<String> lines, int index, String expected) {
        if (index >= lines.size() || !lines.get(index).equals(expected)) {
            throw error(index + 1, "expected " + expected, index < lines.size() ? lines.get(index) : "<end of file>");
        }
    }

    private static <T> T withLine(int lineNumber, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        }
        catch (InvalidParameterException e) {
            throw e.within("line " + lineNumber + ": ");
        }
    }

    private static InvalidParameterException error(int lineNumber, String reason, String line) {
        return new InvalidParameterException("line " + lineNumber, reason, line);
    }

    private static InvalidParameterException error(int lineNumber, String reason) {
        return new InvalidParameterException("line " + lineNumber, reason);
    }
}
