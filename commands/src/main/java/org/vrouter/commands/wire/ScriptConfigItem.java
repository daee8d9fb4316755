package org.vrouter.commands.wire;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.vrouter.api.error.InvalidParameterException;

/**
 * A router script to run: {@code /opt/cloud/bin/<script> <args...>}. Arguments are plain tokens
 * (file names, {@code false}, {@code -c}, absolute paths): they are joined with single spaces on
 * the wire, so a token with whitespace or shell metacharacters is rejected here.
 *
 * @param script the script's name in {@link #SCRIPT_DIRECTORY}, e.g. {@code update_config.py}
 * @param args its arguments in order
 */
public record ScriptConfigItem(String script, List<String> args) implements ConfigItem {
    /** Where every router entry point lives. */
    public static final String SCRIPT_DIRECTORY = "/opt/cloud/bin/";
    public static final String UPDATE_CONFIG = "update_config.py";
    public static final String CONFIGURE = "configure.py";
    public static final String VR_CFG = "vr_cfg.sh";

    private static final Pattern SCRIPT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
    private static final Pattern ARGUMENT = Pattern.compile("[A-Za-z0-9_/.-][A-Za-z0-9_/.:=,@+-]{0,1023}");

    public ScriptConfigItem {
        requireNonNull(script, "script is null");
        args = List.copyOf(args);
        if (!SCRIPT.matcher(script).matches()) {
            throw new InvalidParameterException("script", "must be a plain script name", script);
        }
        for (int i = 0; i < args.size(); i++) {
            if (!ARGUMENT.matcher(args.get(i)).matches()) {
                throw new InvalidParameterException("args[" + i + "]", "must be a plain token (no whitespace or shell characters)", args.get(i));
            }
        }
    }

    public static ScriptConfigItem of(String script, String... args) {
        return new ScriptConfigItem(script, List.of(args));
    }

    /** The command line as CloudStack runs it and writes it into a batch file. */
    public String commandLine() {
        List<String> words = new ArrayList<>(args.size() + 1);
        words.add(SCRIPT_DIRECTORY + script);
        words.addAll(args);
        return String.join(" ", words);
    }

    /** Parses a command line of the form {@code /opt/cloud/bin/<script> <args...>}. */
    public static ScriptConfigItem parse(String commandLine) {
        String[] words = commandLine.trim().split("\\s+");
        if (words.length == 0 || !words[0].startsWith(SCRIPT_DIRECTORY)) {
            throw new InvalidParameterException("script", "must start with " + SCRIPT_DIRECTORY, commandLine);
        }
        return new ScriptConfigItem(words[0].substring(SCRIPT_DIRECTORY.length()), List.of(words).subList(1, words.length));
    }

    @Override
    public String toString() {
        return "ScriptConfigItem[" + commandLine() + "]";
    }
}
