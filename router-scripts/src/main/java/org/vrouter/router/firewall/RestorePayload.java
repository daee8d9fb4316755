package org.vrouter.router.firewall;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code iptables-restore --noflush} input that turns one ruleset into another, touching only
 * the chains that differ. Chains not named in it keep their rules and counters. Per changed table:
 *
 * <pre>
 * *filter
 * :NEW - [0:0]          added, changed and removed user chains: declared, which creates or flushes them
 * :INPUT DROP [0:0]     built-in chains whose policy changed
 * -F FORWARD            built-in chains whose rules changed (a declaration does not flush them)
 * -A FORWARD ...        all rules of every changed or added chain, in order
 * -X OLD                removed chains, last: their references are gone and they are empty
 * COMMIT
 * </pre>
 *
 * Each line remembers its table and chain so a failure reported by line number can be explained.
 */
final class RestorePayload {
    /** One line of the payload and where it belongs. */
    record Line(TableName table, Optional<String> chain, String text) {}

    private final List<Line> lines;
    private final String text;

    private RestorePayload(List<Line> lines) {
        this.lines = List.copyOf(lines);
        StringBuilder out = new StringBuilder();
        for (Line line : lines) {
            out.append(line.text()).append('\n');
        }
        this.text = out.toString();
    }

    static RestorePayload between(Ruleset from, Ruleset to) {
        return between(from, to, RulesetDiff.between(from, to));
    }

    /** The payload for a diff already computed between the same two rulesets. */
    static RestorePayload between(Ruleset from, Ruleset to, RulesetDiff diff) {
        List<Line> lines = new ArrayList<>();
        for (RulesetDiff.TableDiff table : diff.tables()) {
            table(from.table(table.table()), to.table(table.table()), table, lines);
        }
        return new RestorePayload(lines);
    }

    private static void table(Table from, Table to, RulesetDiff.TableDiff diff, List<Line> lines) {
        TableName name = to.name();
        lines.add(new Line(name, Optional.empty(), "*" + name.iptablesName()));
        List<String> declared = new ArrayList<>(diff.added());
        declared.addAll(diff.changed());
        declared.addAll(diff.removed());
        declared.removeIf(name::isBuiltIn);
        declared.sort(null);
        for (String chain : declared) {
            lines.add(new Line(name, Optional.of(chain), ":" + chain + " - [0:0]"));
        }
        List<Chain> rewritten = new ArrayList<>();
        for (String builtIn : name.builtInChains()) {
            Chain old = from.chains().get(builtIn);
            Chain chain = to.chains().get(builtIn);
            if (!old.policy().equals(chain.policy())) {
                lines.add(new Line(name, Optional.of(builtIn), chain.declaration()));
            }
            if (!old.rules().equals(chain.rules())) {
                lines.add(new Line(name, Optional.of(builtIn), "-F " + builtIn));
                rewritten.add(chain);
            }
        }
        for (String chain : declared) {
            to.chain(chain).ifPresent(rewritten::add);
        }
        for (Chain chain : rewritten) {
            for (String rule : chain.rules()) {
                lines.add(new Line(name, Optional.of(chain.name()), chain.appendLine(rule)));
            }
        }
        for (String chain : diff.removed()) {
            lines.add(new Line(name, Optional.of(chain), "-X " + chain));
        }
        lines.add(new Line(name, Optional.empty(), "COMMIT"));
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    String text() {
        return text;
    }

    int lineCount() {
        return lines.size();
    }

    /** The line with the 1-based number, if there is one. */
    Optional<Line> line(int number) {
        return number >= 1 && number <= lines.size() ? Optional.of(lines.get(number - 1)) : Optional.empty();
    }

    /** Up to {@code radius} lines either side of line {@code number}, each as {@code "  12 | text"}, the line itself marked. */
    List<String> context(int number, int radius) {
        List<String> context = new ArrayList<>();
        for (int at = Math.max(1, number - radius); at <= Math.min(lines.size(), number + radius); at++) {
            context.add(String.format("%s%5d | %s", at == number ? ">" : " ", at, lines.get(at - 1).text()));
        }
        return context;
    }
}
