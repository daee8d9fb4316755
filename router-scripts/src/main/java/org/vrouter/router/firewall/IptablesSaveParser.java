package org.vrouter.router.firewall;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads iptables-save text into a {@link Ruleset}; strict, so a misread never passes as drift. */
final class IptablesSaveParser {
    private final Map<TableName, Table> tables = new EnumMap<>(TableName.class);
    private Optional<TableName> table = Optional.empty();
    private boolean skipping;
    private boolean inTable;
    private final Map<String, Optional<Policy>> policies = new LinkedHashMap<>();
    private final Map<String, List<String>> rules = new LinkedHashMap<>();

    private IptablesSaveParser() {}

    static Ruleset parse(String text) {
        IptablesSaveParser parser = new IptablesSaveParser();
        String[] lines = text.split("\n", -1);
        for (int index = 0; index < lines.length; index++) {
            try {
                parser.line(lines[index]);
            }
            catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("iptables-save line " + (index + 1) + ": " + e.getMessage(), e);
            }
        }
        if (parser.inTable) {
            throw new IllegalArgumentException("iptables-save text ends inside a table (no COMMIT)");
        }
        return new Ruleset(parser.tables);
    }

    private void line(String line) {
        if (line.isBlank() || line.startsWith("#")) {
            return;
        }
        if (line.startsWith("*")) {
            startTable(line.substring(1).strip());
            return;
        }
        if (!inTable) {
            throw new IllegalArgumentException("'" + line + "' outside a table");
        }
        if (line.equals("COMMIT")) {
            endTable();
        }
        else if (skipping) {
            return;
        }
        else if (line.startsWith(":")) {
            declare(line);
        }
        else {
            rule(line);
        }
    }

    private void startTable(String name) {
        if (inTable) {
            throw new IllegalArgumentException("table " + name + " starts before COMMIT");
        }
        inTable = true;
        table = TableName.fromIptablesName(name);
        skipping = table.isEmpty();
        if (table.isPresent() && tables.containsKey(table.get())) {
            throw new IllegalArgumentException("table " + name + " appears twice");
        }
        policies.clear();
        rules.clear();
    }

    private void declare(String line) {
        String[] parts = line.substring(1).split(" ");
        if (parts.length != 3) {
            throw new IllegalArgumentException("chain declaration is not ':NAME POLICY [packets:bytes]': " + line);
        }
        Optional<Policy> policy = parts[1].equals("-") ? Optional.empty() : Optional.of(policyOf(parts[1]));
        if (policies.put(parts[0], policy) != null) {
            throw new IllegalArgumentException("chain " + parts[0] + " declared twice");
        }
        rules.put(parts[0], new ArrayList<>());
    }

    private void rule(String line) {
        String rule = line;
        if (rule.startsWith("[")) {
            // counters from iptables-save -c: "[packets:bytes] -A CHAIN ..."
            int end = rule.indexOf("] ");
            if (end < 0) {
                throw new IllegalArgumentException("unreadable counters: " + line);
            }
            rule = rule.substring(end + 2);
        }
        if (!rule.startsWith("-A ")) {
            throw new IllegalArgumentException("expected '-A CHAIN ...': " + line);
        }
        int space = rule.indexOf(' ', 3);
        String chain = space < 0 ? rule.substring(3) : rule.substring(3, space);
        List<String> chainRules = rules.get(chain);
        if (chainRules == null) {
            throw new IllegalArgumentException("rule for undeclared chain " + chain + ": " + line);
        }
        chainRules.add(space < 0 ? "" : rule.substring(space + 1));
    }

    private void endTable() {
        if (table.isPresent()) {
            List<Chain> chains = new ArrayList<>();
            for (Map.Entry<String, Optional<Policy>> declared : policies.entrySet()) {
                chains.add(new Chain(declared.getKey(), declared.getValue(), rules.get(declared.getKey())));
            }
            tables.put(table.get(), Table.of(table.get(), chains));
        }
        inTable = false;
        skipping = false;
        table = Optional.empty();
    }

    private static Policy policyOf(String text) {
        try {
            return Policy.valueOf(text);
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown policy " + text, e);
        }
    }
}
