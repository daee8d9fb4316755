package org.vrouter.router.firewall;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The router's whole IPv4 iptables state: the filter, nat, mangle and raw tables, always all four
 * (a table not given is the kernel's empty one). Immutable; equal rulesets render the same text.
 *
 * <p>Renderers build one with {@link #builder()}; {@link IptablesApplier} converges the kernel to
 * it; {@link #render()} is the {@code iptables-save}/{@code iptables-restore} text persisted in
 * {@code /etc/iptables/rules.v4}, and {@link #parse(String)} reads such text back.
 */
public record Ruleset(Map<TableName, Table> tables) {
    public Ruleset {
        requireNonNull(tables, "tables is null");
        Map<TableName, Table> all = new EnumMap<>(TableName.class);
        for (TableName name : TableName.values()) {
            Table table = tables.get(name);
            if (table != null && table.name() != name) {
                throw new IllegalArgumentException("table " + table.name() + " is filed as " + name);
            }
            all.put(name, table == null ? Table.empty(name) : table);
        }
        tables = Collections.unmodifiableMap(all);
    }

    /** What a fresh kernel holds: every table empty, every policy ACCEPT. */
    public static Ruleset empty() {
        return new Ruleset(Map.of());
    }

    public static RulesetBuilder builder() {
        return new RulesetBuilder();
    }

    /**
     * Reads {@code iptables-save} output (with or without counters). Tables the router does not use
     * ({@code security}) and comments are skipped.
     *
     * @throws IllegalArgumentException naming the line that is not iptables-save syntax
     */
    public static Ruleset parse(String iptablesSave) {
        return IptablesSaveParser.parse(iptablesSave);
    }

    public Table table(TableName name) {
        return tables.get(name);
    }

    /**
     * This ruleset, if every jump goes to a user chain of its table or to a known target.
     * {@link RulesetBuilder#build()} and {@link IptablesApplier} check it; a ruleset read from the
     * kernel need not pass.
     *
     * @throws IllegalArgumentException naming the table, chain, rule and target otherwise
     */
    public Ruleset requireKnownTargets() {
        for (Table table : tables.values()) {
            table.requireKnownTargets();
        }
        return this;
    }

    public int ruleCount() {
        int count = 0;
        for (Table table : tables.values()) {
            count += table.ruleCount();
        }
        return count;
    }

    /**
     * The ruleset in {@code iptables-save} format, tables in {@link TableName} order, empty tables
     * left out. Deterministic: equal rulesets give equal text.
     */
    public String render() {
        StringBuilder out = new StringBuilder(64 * ruleCount() + 256);
        for (Table table : tables.values()) {
            if (!table.isEmpty()) {
                table.render(out);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "Ruleset[" + ruleCount() + " rules]";
    }
}
