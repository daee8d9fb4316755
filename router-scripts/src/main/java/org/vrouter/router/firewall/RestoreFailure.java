package org.vrouter.router.firewall;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.vrouter.router.host.ProgramResult;

/**
 * Reads iptables-restore's error output: the line it names (legacy {@code line 4 failed}, nf_tables
 * {@code Error occurred at line: 4} or {@code line 4: CHAIN_DEL failed}) and its message.
 */
final class RestoreFailure {
    private static final Pattern LINE = Pattern.compile("line:?\\s+(\\d+)");
    private static final Pattern PREFIX = Pattern.compile("^iptables-restore( v[^:]*)?:\\s*");
    private static final int CONTEXT_RADIUS = 3;

    private RestoreFailure() {}

    static IptablesApplyException explain(IptablesApplyException.Phase phase, RestorePayload payload,
            ProgramResult result, boolean previousStateKept) {
        OptionalInt line = lineNumber(result.stderr());
        Optional<RestorePayload.Line> failing = line.isPresent() ? payload.line(line.getAsInt()) : Optional.empty();
        List<String> context = line.isPresent() ? payload.context(line.getAsInt(), CONTEXT_RADIUS) : List.of();
        String message = message(result);
        return new IptablesApplyException(phase, failing.map(RestorePayload.Line::table),
                failing.flatMap(RestorePayload.Line::chain), line, message, context, previousStateKept);
    }

    static OptionalInt lineNumber(String stderr) {
        Matcher matcher = LINE.matcher(stderr);
        return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }

    /** The first line that explains something: not the version prefix alone, the line report or the usage hint. */
    static String message(ProgramResult result) {
        for (String raw : result.stderr().split("\n")) {
            String line = PREFIX.matcher(raw.strip()).replaceFirst("");
            if (line.isEmpty() || line.startsWith("Error occurred at line") || line.startsWith("Try `")) {
                continue;
            }
            return line;
        }
        return "exit status " + result.exitStatus();
    }
}
