package org.vrouter.router.firewall;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One iptables chain: its name, its policy (built-in chains only) and its rules in order.
 *
 * <p>A rule is the text iptables-save writes after {@code -A <chain> }, in iptables-save's own
 * canonical form ({@code -s 10.0.0.1/32 -p tcp -m tcp --dport 22 -j ACCEPT}, not
 * {@code -p tcp --dport 22 -s 10.0.0.1}): the kernel is compared with the model as text, so a
 * rule written any other way shows up as drift on every verify.
 */
public record Chain(String name, Optional<Policy> policy, List<String> rules) {
    /** iptables refuses chain names of 29 characters or more. */
    public static final int MAX_NAME_LENGTH = 28;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.:@+-]*");

    public Chain {
        requireNonNull(name, "name is null");
        requireNonNull(policy, "policy is null");
        rules = List.copyOf(requireNonNull(rules, "rules is null"));
        requireValidName(name);
        for (int index = 0; index < rules.size(); index++) {
            String rule = rules.get(index);
            Optional<String> problem = RuleText.problem(rule);
            if (problem.isPresent()) {
                throw new IllegalArgumentException("chain " + name + ", rule " + (index + 1) + " '" + printable(rule) + "' "
                        + problem.get());
            }
        }
    }

    /** A built-in chain ({@code INPUT}, {@code PREROUTING}...) with its policy. */
    public static Chain builtIn(String name, Policy policy, List<String> rules) {
        return new Chain(name, Optional.of(requireNonNull(policy, "policy is null")), rules);
    }

    /** A user-defined chain: no policy; a packet that falls off its end returns to the caller. */
    public static Chain user(String name, List<String> rules) {
        return new Chain(name, Optional.empty(), rules);
    }

    /**
     * The name, if iptables would take it as a chain name.
     *
     * @throws IllegalArgumentException otherwise
     */
    public static String requireValidName(String name) {
        if (name.length() > MAX_NAME_LENGTH || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("chain name must be 1-" + MAX_NAME_LENGTH
                    + " letters, digits or _ . : @ + - (not starting with a sign or dot): '" + printable(name) + "'");
        }
        return name;
    }

    /** The declaration iptables-save writes: {@code :INPUT DROP [0:0]} or {@code :FW_OUTBOUND - [0:0]}. */
    String declaration() {
        return ":" + name + " " + policy.map(Policy::name).orElse("-") + " [0:0]";
    }

    /** The full line of one rule: {@code -A <chain> <rule>}. */
    String appendLine(String rule) {
        return rule.isEmpty() ? "-A " + name : "-A " + name + " " + rule;
    }

    private static String printable(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }
}
