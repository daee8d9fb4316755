package org.vrouter.router.firewall;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What differs between two rulesets, chain by chain: per table, the chains to add, to remove and
 * to rewrite. Built in one pass over both (hash lookups, no quadratic scan). Used to decide what
 * an apply rewrites and to report drift between the kernel and the desired state.
 */
public record RulesetDiff(List<TableDiff> tables) {
    public RulesetDiff {
        tables = List.copyOf(requireNonNull(tables, "tables is null"));
    }

    /** The chain-level difference of one table; names sorted, built-in chains in the changed list. */
    public record TableDiff(TableName table, List<String> added, List<String> removed, List<String> changed) {
        public TableDiff {
            requireNonNull(table, "table is null");
            added = List.copyOf(requireNonNull(added, "added is null"));
            removed = List.copyOf(requireNonNull(removed, "removed is null"));
            changed = List.copyOf(requireNonNull(changed, "changed is null"));
        }

        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        }

        public int size() {
            return added.size() + removed.size() + changed.size();
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(table.iptablesName()).append(':');
            added.forEach(chain -> text.append(" +").append(chain));
            removed.forEach(chain -> text.append(" -").append(chain));
            changed.forEach(chain -> text.append(" ~").append(chain));
            return text.toString();
        }
    }

    /** What turns {@code from} into {@code to}: added = only in {@code to}, removed = only in {@code from}. */
    public static RulesetDiff between(Ruleset from, Ruleset to) {
        List<TableDiff> tables = new ArrayList<>();
        for (TableName name : TableName.values()) {
            TableDiff diff = between(from.table(name), to.table(name));
            if (!diff.isEmpty()) {
                tables.add(diff);
            }
        }
        return new RulesetDiff(tables);
    }

    private static TableDiff between(Table from, Table to) {
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        Map<String, Chain> before = from.chains();
        for (Chain chain : to.chains().values()) {
            Chain old = before.get(chain.name());
            if (old == null) {
                added.add(chain.name());
            }
            else if (!old.equals(chain)) {
                changed.add(chain.name());
            }
        }
        for (String chain : before.keySet()) {
            if (!to.chains().containsKey(chain)) {
                removed.add(chain);
            }
        }
        return new TableDiff(to.name(), added, removed, changed);
    }

    public boolean isEmpty() {
        return tables.isEmpty();
    }

    /** Chains added, removed or changed, over all tables. */
    public int chainCount() {
        int count = 0;
        for (TableDiff table : tables) {
            count += table.size();
        }
        return count;
    }

    @Override
    public String toString() {
        if (tables.isEmpty()) {
            return "no difference";
        }
        StringBuilder text = new StringBuilder();
        for (TableDiff table : tables) {
            if (text.length() > 0) {
                text.append("; ");
            }
            text.append(table);
        }
        return text.toString();
    }
}
