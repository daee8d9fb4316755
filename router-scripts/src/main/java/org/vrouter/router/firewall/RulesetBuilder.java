package org.vrouter.router.firewall;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects a {@link Ruleset} rule by rule, as renderers produce it. Chains are declared by their
 * first use; {@link #build()} validates everything (names, rule text, jump targets). Not
 * thread-safe; one builder per render.
 */
public final class RulesetBuilder {
    private final Map<TableName, Map<String, Draft>> tables = new EnumMap<>(TableName.class);

    RulesetBuilder() {}

    /** Declares a chain (a user chain may stay empty); nothing if it is already declared. */
    public RulesetBuilder chain(TableName table, String chain) {
        draft(table, chain);
        return this;
    }

    /** Sets the policy of a built-in chain. */
    public RulesetBuilder policy(TableName table, String chain, Policy policy) {
        requireNonNull(policy, "policy is null");
        if (!table.isBuiltIn(chain)) {
            throw new IllegalArgumentException("table " + table + ": only a built-in chain has a policy, not " + chain);
        }
        draft(table, chain).policy = policy;
        return this;
    }

    /** Appends a rule (without {@code -A <chain>}) to a chain, declaring the chain if needed. */
    public RulesetBuilder append(TableName table, String chain, String rule) {
        draft(table, chain).rules.add(requireNonNull(rule, "rule is null"));
        return this;
    }

    /** Appends several rules in order. */
    public RulesetBuilder appendAll(TableName table, String chain, List<String> rules) {
        draft(table, chain).rules.addAll(rules);
        return this;
    }

    public Ruleset build() {
        Map<TableName, Table> built = new EnumMap<>(TableName.class);
        for (Map.Entry<TableName, Map<String, Draft>> table : tables.entrySet()) {
            List<Chain> chains = new ArrayList<>();
            for (Map.Entry<String, Draft> chain : table.getValue().entrySet()) {
                chains.add(chain.getValue().build(table.getKey(), chain.getKey()));
            }
            built.put(table.getKey(), Table.of(table.getKey(), chains));
        }
        return new Ruleset(built).requireKnownTargets();
    }

    private Draft draft(TableName table, String chain) {
        requireNonNull(table, "table is null");
        Chain.requireValidName(requireNonNull(chain, "chain is null"));
        return tables.computeIfAbsent(table, name -> new LinkedHashMap<>()).computeIfAbsent(chain, name -> new Draft());
    }

    private static final class Draft {
        private Policy policy;
        private final List<String> rules = new ArrayList<>();

        Chain build(TableName table, String name) {
            if (table.isBuiltIn(name)) {
                return Chain.builtIn(name, Optional.ofNullable(policy).orElse(Policy.ACCEPT), rules);
            }
            return Chain.user(name, rules);
        }
    }
}
