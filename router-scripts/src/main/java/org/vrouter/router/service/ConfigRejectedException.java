package org.vrouter.router.service;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.vrouter.api.error.VrouterException;

/**
 * A daemon's own validator ({@code dnsmasq --test}, {@code haproxy -c}) rejected a new configuration
 * before it was installed: the previous configuration is still in force, and the daemon was not
 * touched. Names the daemon, the file and the tool's message, with the offending line and up to
 * three lines either side when the tool named a line.
 */
public class ConfigRejectedException extends VrouterException {
    private static final long serialVersionUID = 1L;
    private static final int CONTEXT_LINES = 3;

    private final String daemon;
    private final String path;
    private final String toolMessage;
    private final List<String> context;

    /**
     * @param daemon the daemon whose validator refused ({@code dnsmasq})
     * @param path the router path the configuration was meant for
     * @param toolMessage the validator's explanation, one line
     * @param candidate the rejected configuration, for the context lines
     * @param line the 1-based line the validator named, if any
     */
    public ConfigRejectedException(String daemon, String path, String toolMessage, String candidate, OptionalInt line) {
        this(daemon, path, toolMessage, context(requireNonNull(candidate, "candidate is null"), line));
    }

    private ConfigRejectedException(String daemon, String path, String toolMessage, List<String> context) {
        super(Category.OPERATION_FAILED, message(daemon, path, toolMessage, context));
        this.daemon = daemon;
        this.path = path;
        this.toolMessage = toolMessage;
        this.context = List.copyOf(context);
    }

    private static String message(String daemon, String path, String toolMessage, List<String> context) {
        StringBuilder text = new StringBuilder(requireNonNull(daemon, "daemon is null")).append(" rejected the new ")
                .append(requireNonNull(path, "path is null")).append(": ")
                .append(requireNonNull(toolMessage, "toolMessage is null").isEmpty() ? "(no message)" : toolMessage)
                .append("; the previous configuration is still in force");
        for (String line : context) {
            text.append('\n').append(line);
        }
        return text.toString();
    }

    private static List<String> context(String candidate, OptionalInt line) {
        if (line.isEmpty()) {
            return List.of();
        }
        String[] lines = candidate.split("\n", -1);
        int failing = line.getAsInt();
        List<String> context = new ArrayList<>();
        for (int number = Math.max(1, failing - CONTEXT_LINES); number <= Math.min(lines.length, failing + CONTEXT_LINES); number++) {
            context.add((number == failing ? "> " : "  ") + number + ": " + lines[number - 1]);
        }
        return context;
    }

    public String daemon() {
        return daemon;
    }

    /** The router path of the configuration file that was not installed. */
    public String path() {
        return path;
    }

    /** The validator's own explanation, one line. */
    public String toolMessage() {
        return toolMessage;
    }

    /** The named line with up to three lines either side, the failing one marked with {@code >}; empty without a line. */
    public List<String> context() {
        return context;
    }
}
