package org.vrouter.router.firewall;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One table of a {@link Ruleset}: every built-in chain (with its policy; missing ones are added
 * empty with policy ACCEPT) and the user chains, in iptables-save order (built-in chains as the
 * kernel lists them, then user chains by name).
 *
 * <p>{@link #requireKnownTargets()} checks that every {@code -j}/{@code -g} target is a user chain of
 * the table or a known target ({@code ACCEPT}, {@code DNAT}, {@code MARK}...):
 * {@code iptables-restore --test} does not check this under the nf_tables backend. It is separate
 * from construction because a table read from the kernel may use targets this model does not know.
 */
public record Table(TableName name, Map<String, Chain> chains) {
    public Table {
        requireNonNull(name, "name is null");
        chains = canonical(name, requireNonNull(chains, "chains is null"));
    }

    /** A table as the kernel starts it: built-in chains empty with policy ACCEPT. */
    public static Table empty(TableName name) {
        return new Table(name, Map.of());
    }

    public static Table of(TableName name, List<Chain> chains) {
        Map<String, Chain> byName = new LinkedHashMap<>();
        for (Chain chain : chains) {
            if (byName.put(chain.name(), chain) != null) {
                throw new IllegalArgumentException("table " + name + " declares chain " + chain.name() + " twice");
            }
        }
        return new Table(name, byName);
    }

    public Optional<Chain> chain(String chainName) {
        return Optional.ofNullable(chains.get(chainName));
    }

    /** Whether this is the table the kernel starts with (nothing to apply or persist). */
    public boolean isEmpty() {
        return equals(empty(name));
    }

    public int ruleCount() {
        int count = 0;
        for (Chain chain : chains.values()) {
            count += chain.rules().size();
        }
        return count;
    }

    /** Appends this table in iptables-save format: {@code *name}, declarations, rules, {@code COMMIT}. */
    void render(StringBuilder out) {
        out.append('*').append(name.iptablesName()).append('\n');
        for (Chain chain : chains.values()) {
            out.append(chain.declaration()).append('\n');
        }
        for (Chain chain : chains.values()) {
            for (String rule : chain.rules()) {
                out.append(chain.appendLine(rule)).append('\n');
            }
        }
        out.append("COMMIT\n");
    }

    private static Map<String, Chain> canonical(TableName table, Map<String, Chain> chains) {
        Map<String, Chain> ordered = new LinkedHashMap<>();
        for (String builtIn : table.builtInChains()) {
            Chain chain = chains.getOrDefault(builtIn, Chain.builtIn(builtIn, Policy.ACCEPT, List.of()));
            if (chain.policy().isEmpty()) {
                throw new IllegalArgumentException("table " + table + ": built-in chain " + builtIn + " needs a policy");
            }
            ordered.put(builtIn, chain);
        }
        Map<String, Chain> users = new TreeMap<>();
        for (Map.Entry<String, Chain> entry : chains.entrySet()) {
            String chainName = entry.getKey();
            Chain chain = requireNonNull(entry.getValue(), "chain is null");
            if (!chain.name().equals(chainName)) {
                throw new IllegalArgumentException("table " + table + ": chain " + chain.name() + " is filed as " + chainName);
            }
            if (table.isBuiltIn(chainName)) {
                continue;
            }
            if (TableName.isAnyBuiltIn(chainName) || RuleText.TARGETS.contains(chainName)) {
                throw new IllegalArgumentException("table " + table + ": " + chainName
                        + " is the name of a built-in chain or target and cannot name a user chain");
            }
            if (chain.policy().isPresent()) {
                throw new IllegalArgumentException("table " + table + ": user chain " + chainName + " cannot have a policy");
            }
            users.put(chainName, chain);
        }
        ordered.putAll(users);
        return Collections.unmodifiableMap(ordered);
    }

    /**
     * This table, if every jump goes to one of its user chains or to a known target.
     *
     * @throws IllegalArgumentException naming the table, chain, rule and target otherwise
     */
    public Table requireKnownTargets() {
        for (Chain chain : chains.values()) {
            checkTargets(name, chain, chains);
        }
        return this;
    }

    /** {@link #requireKnownTargets()} for one chain of this table (nothing if it has no such chain). */
    void requireKnownTargets(String chain) {
        Chain found = chains.get(chain);
        if (found != null) {
            checkTargets(name, found, chains);
        }
    }

    private static void checkTargets(TableName table, Chain chain, Map<String, Chain> chains) {
        List<String> rules = chain.rules();
        for (int index = 0; index < rules.size(); index++) {
            Optional<String> target = RuleText.target(rules.get(index));
            if (target.isEmpty()) {
                continue;
            }
            String jump = target.get();
            boolean userChain = chains.containsKey(jump) && !table.isBuiltIn(jump);
            if (!userChain && !RuleText.TARGETS.contains(jump)) {
                throw new IllegalArgumentException("table " + table + ", chain " + chain.name() + ", rule " + (index + 1)
                        + " '" + rules.get(index) + "' jumps to " + jump
                        + (table.isBuiltIn(jump) ? ", a built-in chain" : ", which is neither a chain of the table nor a known target"));
            }
        }
    }

    /** The user chains, by name. */
    public List<Chain> userChains() {
        List<Chain> users = new ArrayList<>();
        for (Chain chain : chains.values()) {
            if (!name.isBuiltIn(chain.name())) {
                users.add(chain);
            }
        }
        return users;
    }
}
