package org.vrouter.commands;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.command.Answer;
import org.vrouter.api.validation.FieldChecks;

/**
 * The answer to a {@link NetworkUsageCommand}: CloudStack's {@code NetworkUsageAnswer}, bytes the
 * guests sent to the public side and received from it since the last reset. A failed answer and the
 * answer to a create carry zeros; a reset's carries zeros from CloudStack's router and, from vrouter's,
 * the counters it zeroed.
 */
public record NetworkUsageAnswer(boolean success, String details, long bytesSent, long bytesReceived) implements Answer {
    public NetworkUsageAnswer {
        requireNonNull(details, "details is null");
        FieldChecks.requireNonNegative("bytes_sent", bytesSent);
        FieldChecks.requireNonNegative("bytes_received", bytesReceived);
    }

    /**
     * Reads the scripts' output: byte counts separated by {@code :}, one pair per counted interface
     * ({@code <sent>:<received>:}, the order of the {@code NETWORK_STATS} rules: guest to public,
     * then public to guest), summed over the pairs as CloudStack's resource does. Blank output (a
     * create or reset) is zero bytes. Anything else that is not a number is a failed answer quoting
     * the output.
     */
    public static NetworkUsageAnswer fromScriptOutput(String output) {
        requireNonNull(output, "output is null");
        String trimmed = output.strip();
        if (trimmed.isEmpty()) {
            return new NetworkUsageAnswer(true, "", 0, 0);
        }
        String[] parts = trimmed.split(":");
        long[] totals = new long[2];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            if (part.isEmpty() || !part.chars().allMatch(Character::isDigit) || part.length() > 18) {
                return failure("unexpected output of netusage.sh (expected <sent>:<received>: byte counts): " + trimmed);
            }
            totals[i % 2] += Long.parseLong(part);
        }
        if (parts.length % 2 != 0) {
            return failure("unexpected output of netusage.sh (an odd number of counters): " + trimmed);
        }
        return new NetworkUsageAnswer(true, trimmed, totals[0], totals[1]);
    }

    public static NetworkUsageAnswer failure(String details) {
        return new NetworkUsageAnswer(false, details, 0, 0);
    }
}
