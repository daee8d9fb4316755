package org.vrouter.router.host;

import java.util.List;
import java.util.regex.Pattern;

/**
 * POSIX shell quoting of argv, so a logged command line can be read and pasted exactly. Arguments
 * with control characters use bash's {@code $'...'} form so that one command stays on one line.
 */
final class ShellQuoting {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ShellQuoting() {}

    static String join(List<String> argv) {
        StringBuilder line = new StringBuilder();
        for (String argument : argv) {
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(quote(argument));
        }
        return line.toString();
    }

    static String quote(String argument) {
        if (SAFE.matcher(argument).matches()) {
            return argument;
        }
        if (argument.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return ansiC(argument);
        }
        // inside single quotes nothing is special except the quote itself, written as '\''
        return "'" + argument.replace("'", "'\\''") + "'";
    }

    private static String ansiC(String argument) {
        StringBuilder quoted = new StringBuilder("$'");
        for (int i = 0; i < argument.length(); i++) {
            char c = argument.charAt(i);
            switch (c) {
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                case '\\' -> quoted.append("\\\\");
                case '\'' -> quoted.append("\\'");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        quoted.append(String.format("\\x%02x", (int) c));
                    }
                    else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('\'').toString();
    }
}
