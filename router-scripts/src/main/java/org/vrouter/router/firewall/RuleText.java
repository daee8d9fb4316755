package org.vrouter.router.firewall;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reading rule text: tokens (double quotes respected, as iptables-save writes comments), the jump
 * or goto target, and the ipsets a rule matches.
 */
final class RuleText {
    /** Targets that are not chains: the standard verdicts and every target of iptables-extensions(8). */
    static final Set<String> TARGETS = Set.of(
            "ACCEPT", "DROP", "RETURN", "QUEUE",
            "AUDIT", "CHECKSUM", "CLASSIFY", "CLUSTERIP", "CONNMARK", "CONNSECMARK", "CT", "DNAT", "DNPT", "DSCP",
            "ECN", "HL", "HMARK", "IDLETIMER", "LED", "LOG", "MARK", "MASQUERADE", "MIRROR", "NETMAP", "NFLOG",
            "NFQUEUE", "NOTRACK", "RATEEST", "REDIRECT", "REJECT", "SECMARK", "SET", "SNAT", "SNPT", "SYNPROXY",
            "TCPMSS", "TCPOPTSTRIP", "TEE", "TOS", "TPROXY", "TRACE", "TTL", "ULOG");

    private static final Set<String> COMMANDS = Set.of(
            "-A", "-I", "-D", "-R", "-N", "-X", "-F", "-P", "-Z", "-E", "-L", "-S", "--append", "--insert", "--delete",
            "--replace", "--new-chain", "--delete-chain", "--flush", "--policy", "--zero", "--rename-chain", "--list",
            "--list-rules");

    /** The jump options, each with the blank that ends it. */
    private static final List<String> JUMP_OPTIONS = List.of("-j ", "-g ", "--jump ", "--goto ");
    private static final List<String> INNER_JUMP_OPTIONS = JUMP_OPTIONS.stream().map(option -> " " + option).toList();

    private RuleText() {}

    /**
     * Why {@code rule} cannot be a rule line of a chain, or empty if it can. The empty rule is
     * valid: iptables-save writes {@code -A CHAIN} for a rule that only counts.
     */
    static Optional<String> problem(String rule) {
        if (rule.isEmpty()) {
            return Optional.empty();
        }
        for (int i = 0; i < rule.length(); i++) {
            char c = rule.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return Optional.of("contains a line break or control character");
            }
        }
        if (!rule.equals(rule.strip())) {
            return Optional.of("has leading or trailing blanks");
        }
        String first;
        if (rule.indexOf('"') < 0) {
            // the common case, every rule a renderer writes without a comment: no tokens needed
            int blank = rule.indexOf(' ');
            first = blank < 0 ? rule : rule.substring(0, blank);
        }
        else {
            try {
                first = tokens(rule).get(0);
            }
            catch (IllegalArgumentException e) {
                return Optional.of(e.getMessage());
            }
        }
        if (COMMANDS.contains(first)) {
            return Optional.of("starts with the command " + first + "; give the rule without '-A CHAIN'");
        }
        if (!first.startsWith("-") && !first.equals("!")) {
            return Optional.of("must start with an option");
        }
        return Optional.empty();
    }

    /** The rule split at blanks; a double-quoted part (with {@code \"} escapes) is one token. */
    static List<String> tokens(String rule) {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        boolean quoted = false;
        boolean inToken = false;
        for (int i = 0; i < rule.length(); i++) {
            char c = rule.charAt(i);
            if (quoted) {
                if (c == '\\' && i + 1 < rule.length()) {
                    token.append(rule.charAt(++i));
                }
                else if (c == '"') {
                    quoted = false;
                }
                else {
                    token.append(c);
                }
            }
            else if (c == '"') {
                quoted = true;
                inToken = true;
            }
            else if (c == ' ') {
                if (inToken) {
                    tokens.add(token.toString());
                    token.setLength(0);
                    inToken = false;
                }
            }
            else {
                token.append(c);
                inToken = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("has an unclosed double quote");
        }
        if (inToken) {
            tokens.add(token.toString());
        }
        return tokens;
    }

    /** The chain or target after {@code -j}/{@code --jump}/{@code -g}/{@code --goto}, if any. */
    static Optional<String> target(String rule) {
        if (rule.indexOf('"') < 0) {
            return unquotedTarget(rule);
        }
        List<String> tokens = tokens(rule);
        for (int i = 0; i + 1 < tokens.size(); i++) {
            String token = tokens.get(i);
            if (token.equals("-j") || token.equals("--jump") || token.equals("-g") || token.equals("--goto")) {
                return Optional.of(tokens.get(i + 1));
            }
        }
        return Optional.empty();
    }

    /** {@link #target} of a rule without quotes: tokens are what lies between blanks. */
    private static Optional<String> unquotedTarget(String rule) {
        int option = firstJumpOption(rule);
        if (option < 0) {
            return Optional.empty();
        }
        int next = rule.indexOf(' ', option);
        while (next < rule.length() && rule.charAt(next) == ' ') {
            next++;
        }
        if (next == rule.length()) {
            return Optional.empty();
        }
        int after = rule.indexOf(' ', next);
        return Optional.of(rule.substring(next, after < 0 ? rule.length() : after));
    }

    /**
     * Where the first {@code -j}/{@code -g}/{@code --jump}/{@code --goto} token starts, or -1. Found with
     * indexOf, not token by token: every rule of a 10,000-rule ruleset is checked on every converge.
     */
    private static int firstJumpOption(String rule) {
        int first = -1;
        for (int i = 0; i < JUMP_OPTIONS.size(); i++) {
            int at = rule.startsWith(JUMP_OPTIONS.get(i)) ? 0 : rule.indexOf(INNER_JUMP_OPTIONS.get(i));
            if (at > 0) {
                at++;
            }
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }

    /** The names after every {@code --match-set} of the rule. */
    static List<String> matchedSets(String rule) {
        if (!rule.contains("--match-set")) {
            return List.of();
        }
        List<String> tokens = tokens(rule);
        List<String> sets = new ArrayList<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).equals("--match-set")) {
                sets.add(tokens.get(i + 1));
            }
        }
        return sets;
    }
}
