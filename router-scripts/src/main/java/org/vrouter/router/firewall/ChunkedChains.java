package org.vrouter.router.firewall;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How {@link IptablesApplier} lays a ruleset out in the kernel so that a change to a long chain rewrites
 * a small part of it: the applier's concern alone, invisible to renderers and to
 * {@code /etc/iptables/rules.v4} (which keeps the ruleset as rendered).
 *
 * <p>{@link #split} leaves every chain of at most {@value #SPLIT_ABOVE} rules as it is. A longer chain
 * keeps its name and place, but its rules move, in order, into <em>chunk</em> chains it jumps to one
 * after the other: {@code -A FW_INBOUND -j FW_INBOUND@3fa2b1c9d0e4}. Chunk boundaries are defined by
 * content, not by position: a chunk ends after a rule whose hash has its low {@value #AVERAGE_BITS} bits
 * zero (on average every {@value #AVERAGE_CHUNK} rules; at most {@value #MAX_CHUNK}), and a chunk is named
 * after a hash of its chain and its rules. Adding, removing or changing one rule therefore changes one
 * chunk (or splits or merges two) and the parent's list of jumps; every other chunk keeps its name and
 * content, so the applier's chain diff leaves it alone and the restore payload stays small whatever
 * the chain's length.
 *
 * <p>The layout keeps the chain's meaning. A packet walks the chunks in order; a terminating verdict
 * ({@code ACCEPT}, {@code DROP}, {@code DNAT}...) inside a chunk ends the walk as it would in the
 * chain, and a packet that falls off a chunk's end continues with the next jump, which is where the
 * next rule would have been. The two targets whose meaning depends on the chain they are written in,
 * {@code -j RETURN} (leave this chain) and {@code -g}/{@code --goto} (return to this chain's caller),
 * are never moved: they stay in the parent, between the jumps, and end the chunk before them.
 *
 * <p>{@link #join} is the inverse, for a ruleset read from the kernel: every jump to a chunk chain of
 * the table is replaced by the chunk's rules and the chunk chains are dropped, so the result compares
 * with the rendered ruleset (drift reports name the chains renderers know).
 */
final class ChunkedChains {
    /** Chains up to this length are not split. */
    static final int SPLIT_ABOVE = 256;
    static final int AVERAGE_BITS = 6;
    static final int AVERAGE_CHUNK = 1 << AVERAGE_BITS;
    static final int MAX_CHUNK = 256;
    /** The part of a chunk's name taken from its chain; the rest is {@code @} and 12 hex digits. */
    private static final int PREFIX_LENGTH = Chain.MAX_NAME_LENGTH - 13;
    private static final Pattern CHUNK_NAME = Pattern.compile(".+@[0-9a-f]{12}");

    private ChunkedChains() {}

    /** The kernel layout of {@code ruleset}: long chains split into content-defined chunks. Deterministic. */
    static Ruleset split(Ruleset ruleset) {
        Map<TableName, Table> tables = new LinkedHashMap<>();
        boolean changed = false;
        for (Table table : ruleset.tables().values()) {
            Table split = split(table);
            changed |= split != table;
            tables.put(table.name(), split);
        }
        return changed ? new Ruleset(tables) : ruleset;
    }

    /**
     * The rendered layout of a kernel ruleset: jumps to chunk chains replaced by the chunks' rules, chunk
     * chains dropped. A ruleset without chunk chains is returned as it is.
     */
    static Ruleset join(Ruleset kernel) {
        Map<TableName, Table> tables = new LinkedHashMap<>();
        boolean changed = false;
        for (Table table : kernel.tables().values()) {
            Table joined = join(table);
            changed |= joined != table;
            tables.put(table.name(), joined);
        }
        return changed ? new Ruleset(tables) : kernel;
    }

    /** Whether {@code chain} is named as {@link #split} names chunks. */
    static boolean isChunkName(String chain) {
        return chain.indexOf('@') > 0 && CHUNK_NAME.matcher(chain).matches();
    }

    private static Table split(Table table) {
        if (table.chains().values().stream().noneMatch(chain -> chain.rules().size() > SPLIT_ABOVE)) {
            return table;
        }
        Set<String> taken = new HashSet<>(table.chains().keySet());
        List<Chain> chains = new ArrayList<>();
        for (Chain chain : table.chains().values()) {
            if (chain.rules().size() <= SPLIT_ABOVE) {
                chains.add(chain);
            }
            else {
                splitChain(chain, taken, chains);
            }
        }
        return Table.of(table.name(), chains);
    }

    /** Adds the parent (same name and policy, now jumps and unmovable rules) and its chunks to {@code out}. */
    private static void splitChain(Chain chain, Set<String> taken, List<Chain> out) {
        List<String> parent = new ArrayList<>();
        List<String> chunk = new ArrayList<>();
        for (String rule : chain.rules()) {
            if (!movable(rule)) {
                closeChunk(chain.name(), chunk, taken, parent, out);
                parent.add(rule);
                continue;
            }
            chunk.add(rule);
            if (chunk.size() >= MAX_CHUNK || (mix(rule.hashCode()) & (AVERAGE_CHUNK - 1)) == 0) {
                closeChunk(chain.name(), chunk, taken, parent, out);
            }
        }
        closeChunk(chain.name(), chunk, taken, parent, out);
        out.add(new Chain(chain.name(), chain.policy(), parent));
    }

    private static void closeChunk(String parentName, List<String> chunk, Set<String> taken, List<String> parent, List<Chain> out) {
        if (chunk.isEmpty()) {
            return;
        }
        String name = chunkName(parentName, chunk, taken);
        taken.add(name);
        parent.add("-j " + name);
        out.add(Chain.user(name, List.copyOf(chunk)));
        chunk.clear();
    }

    /** The parent's prefix, {@code @}, and 48 bits of a hash of the parent's name and the rules; unique in the table. */
    private static String chunkName(String parentName, List<String> rules, Set<String> taken) {
        long hash = mix(parentName.hashCode());
        for (String rule : rules) {
            hash = mix(hash * 31 + rule.hashCode());
        }
        String prefix = parentName.length() > PREFIX_LENGTH ? parentName.substring(0, PREFIX_LENGTH) : parentName;
        for (long salt = 0;; salt++) {
            String name = prefix + "@" + String.format("%012x", mix(hash + salt) & 0xffff_ffff_ffffL);
            if (!taken.contains(name)) {
                return name;
            }
        }
    }

    /** Whether the rule means the same in a chunk as in its chain: not a RETURN, not a goto. */
    private static boolean movable(String rule) {
        if (!rule.contains("RETURN") && !rule.contains("-g") && !rule.contains("--goto")) {
            return true;
        }
        List<String> tokens = RuleText.tokens(rule);
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (token.equals("-g") || token.equals("--goto")) {
                return false;
            }
            if ((token.equals("-j") || token.equals("--jump")) && i + 1 < tokens.size() && tokens.get(i + 1).equals("RETURN")) {
                return false;
            }
        }
        return true;
    }

    private static Table join(Table table) {
        Map<String, Chain> chunks = new LinkedHashMap<>();
        for (Chain chain : table.chains().values()) {
            if (!table.name().isBuiltIn(chain.name()) && isChunkName(chain.name())) {
                chunks.put(chain.name(), chain);
            }
        }
        if (chunks.isEmpty()) {
            return table;
        }
        List<Chain> chains = new ArrayList<>();
        for (Chain chain : table.chains().values()) {
            if (!chunks.containsKey(chain.name())) {
                chains.add(new Chain(chain.name(), chain.policy(), inline(chain.rules(), chunks)));
            }
        }
        return Table.of(table.name(), chains);
    }

    private static List<String> inline(List<String> rules, Map<String, Chain> chunks) {
        List<String> joined = new ArrayList<>(rules.size());
        for (String rule : rules) {
            Optional<Chain> chunk = rule.startsWith("-j ") ? Optional.ofNullable(chunks.get(rule.substring(3))) : Optional.empty();
            if (chunk.isPresent()) {
                joined.addAll(chunk.get().rules());
            }
            else {
                joined.add(rule);
            }
        }
        return joined;
    }

    /** MurmurHash3's 64-bit finalizer: spreads the bits of a String hash code. */
    private static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb53a85ec34c3L;
        h ^= h >>> 33;
        return h;
    }
}
