package org.vrouter.router.firewall;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * next rule would have been. {@code -g}/{@code --goto} (return to this chain's caller) is never moved:
 * it stays in the parent, between the jumps.
 *
 * <p>{@code -j RETURN} leaves the chain it is written in, so in a chunk it would only leave the chunk. A
 * run of at least {@value #RETURN_RUN_MIN} RETURNs (the ingress rules of {@code FIREWALL_<ip>}: thousands of
 * them) goes into <em>return chunks</em> (larger: {@value #RETURN_AVERAGE_BITS} bits), where each RETURN becomes a goto to {@value #RETURN_CHAIN}, which
 * sets the packet mark bit {@code 0x80000000} and falls off, back to the parent. A return chunk starts by
 * returning at once when the bit is set (an earlier chunk matched), and after the run's last chunk the
 * parent goes to {@value #RETURNED_CHAIN} when it is set, which clears it and falls off, back to the
 * parent's caller: where the RETURN would have taken the packet, with its mark as it was. (A chain of
 * gotos from chunk to chunk would need no mark, but nf_tables refuses jumps and gotos nested deeper than
 * 16.) Shorter runs stay in the parent.
 *
 * <p>{@link #join} is the inverse, for a ruleset read from the kernel: every jump to a chunk chain of
 * the table is replaced by the chunk's rules (a return chunk's as they were rendered) and the chunk and
 * helper chains are dropped, so the result compares with the rendered ruleset (drift reports name the
 * chains renderers know).
 */
final class ChunkedChains {
    /** Chains up to this length are not split. */
    static final int SPLIT_ABOVE = 256;
    static final int AVERAGE_BITS = 6;
    static final int AVERAGE_CHUNK = 1 << AVERAGE_BITS;
    static final int MAX_CHUNK = 256;
    /** RETURN runs shorter than this stay in the parent. */
    static final int RETURN_RUN_MIN = 16;
    /**
     * Return chunks are larger (256 rules on average, at most 1,024): each costs the kernel a chain, two jumps and a
     * guard, and at 64 rules 10,000 ingress rules took 15% longer to restore from scratch than the chain unsplit; at
     * 256 they take about as long, and one more rule still rewrites a few hundred lines.
     */
    static final int RETURN_AVERAGE_BITS = 8;
    static final int RETURN_MAX_CHUNK = 1024;
    /** Marks the packet as returning and falls off: back in the parent, which called the chunk. */
    static final String RETURN_CHAIN = "VR@RETURN";
    /** Clears the mark and falls off: back in the parent's caller, as a RETURN in the parent would be. */
    static final String RETURNED_CHAIN = "VR@RETURNED";
    private static final String RETURN = "-j RETURN";
    private static final String RETURN_BIT = "0x80000000/0x80000000";
    private static final String TO_RETURN_CHAIN = "-g " + RETURN_CHAIN;
    /** The two endings as they follow a rule's matches: compared against every rule of a long chain, so built once. */
    private static final String AFTER_MATCHES_RETURN = " " + RETURN;
    private static final String AFTER_MATCHES_TO_RETURN_CHAIN = " " + TO_RETURN_CHAIN;
    /** A return chunk's first rule: once a rule of an earlier chunk matched, the later chunks are skipped. */
    static final String RETURNED_GUARD = "-m mark --mark " + RETURN_BIT + " -j RETURN";
    /** In the parent after a RETURN run's chunks. */
    static final String RETURNED_EXIT = "-m mark --mark " + RETURN_BIT + " -g " + RETURNED_CHAIN;
    private static final Chain RETURN_HELPER = Chain.user(RETURN_CHAIN, List.of("-j MARK --set-xmark " + RETURN_BIT));
    private static final Chain RETURNED_HELPER = Chain.user(RETURNED_CHAIN, List.of("-j MARK --set-xmark 0x0/0x80000000"));
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
     * and helper chains dropped. A ruleset without them is returned as it is.
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
        boolean carriesReturns = false;
        for (Chain chain : table.chains().values()) {
            if (chain.rules().size() <= SPLIT_ABOVE) {
                chains.add(chain);
            }
            else {
                carriesReturns |= splitChain(chain, taken, chains);
            }
        }
        if (carriesReturns) {
            chains.add(RETURN_HELPER);
            chains.add(RETURNED_HELPER);
        }
        return Table.of(table.name(), chains);
    }

    /**
     * Adds the parent (same name and policy, now jumps and the rules that stay) and its chunks to {@code out};
     * true if a return chunk is among them, so that the table needs the helper chains.
     */
    private static boolean splitChain(Chain chain, Set<String> taken, List<Chain> out) {
        List<String> rules = chain.rules();
        boolean[] inReturnRun = returnRuns(rules);
        Chunker chunker = new Chunker(chain.name(), taken, out);
        for (int i = 0; i < rules.size(); i++) {
            String rule = rules.get(i);
            if (inReturnRun[i]) {
                chunker.addReturn(rule);
                if (i + 1 == rules.size() || !inReturnRun[i + 1]) {
                    chunker.endReturnRun();
                }
            }
            else if (movable(rule)) {
                chunker.add(rule);
            }
            else {
                chunker.keepInParent(rule);
            }
        }
        chunker.close();
        out.add(new Chain(chain.name(), chain.policy(), chunker.parent));
        return chunker.carriesReturns;
    }

    /** Which rules belong to a run of at least {@value #RETURN_RUN_MIN} consecutive plain RETURNs. */
    private static boolean[] returnRuns(List<String> rules) {
        boolean[] inRun = new boolean[rules.size()];
        int runStart = 0;
        for (int i = 0; i <= rules.size(); i++) {
            if (i < rules.size() && isReturn(rules.get(i))) {
                continue;
            }
            if (i - runStart >= RETURN_RUN_MIN) {
                Arrays.fill(inRun, runStart, i, true);
            }
            runStart = i + 1;
        }
        return inRun;
    }

    /** Collects one chain's rules into chunks, closing one at a content-defined boundary, at its maximum or when its kind changes. */
    private static final class Chunker {
        private final String parentName;
        private final Set<String> taken;
        private final List<Chain> out;
        private final List<String> parent = new ArrayList<>();
        private final List<String> chunk = new ArrayList<>();
        private boolean returnChunk;
        private boolean carriesReturns;

        Chunker(String parentName, Set<String> taken, List<Chain> out) {
            this.parentName = parentName;
            this.taken = taken;
            this.out = out;
        }

        void add(String rule) {
            if (returnChunk) {
                close();
            }
            append(rule, rule);
        }

        /** A rule of a RETURN run: in its chunk, a goto to the chain that marks the packet. */
        void addReturn(String rule) {
            if (!returnChunk) {
                close();
                returnChunk = true;
                carriesReturns = true;
                chunk.add(RETURNED_GUARD);
            }
            append(rule, rule.substring(0, rule.length() - RETURN.length()) + TO_RETURN_CHAIN);
        }

        /** After the last chunk of a RETURN run, the parent leaves if one of them matched. */
        void endReturnRun() {
            close();
            parent.add(RETURNED_EXIT);
        }

        void keepInParent(String rule) {
            close();
            parent.add(rule);
        }

        void close() {
            if (chunk.size() > (returnChunk ? 1 : 0)) {
                String name = chunkName(parentName, chunk, taken);
                taken.add(name);
                parent.add("-j " + name);
                out.add(Chain.user(name, List.copyOf(chunk)));
            }
            chunk.clear();
            returnChunk = false;
        }

        private void append(String rule, String text) {
            chunk.add(text);
            int rules = returnChunk ? chunk.size() - 1 : chunk.size();
            long boundaryBits = (1L << (returnChunk ? RETURN_AVERAGE_BITS : AVERAGE_BITS)) - 1;
            if (rules >= (returnChunk ? RETURN_MAX_CHUNK : MAX_CHUNK) || (mix(rule.hashCode()) & boundaryBits) == 0) {
                close();
            }
        }
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

    /** Whether the rule is a plain RETURN ({@code iptables-save} writes the target last). */
    private static boolean isReturn(String rule) {
        return rule.equals(RETURN) || rule.endsWith(AFTER_MATCHES_RETURN);
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
            if (!table.name().isBuiltIn(chain.name()) && isLayoutChain(chain.name())) {
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

    /** Whether {@code chain} is one {@link #split} makes: a chunk or a helper chain. */
    static boolean isLayoutChain(String chain) {
        return isChunkName(chain) || chain.equals(RETURN_CHAIN) || chain.equals(RETURNED_CHAIN);
    }

    private static List<String> inline(List<String> rules, Map<String, Chain> chunks) {
        List<String> joined = new ArrayList<>(rules.size());
        for (String rule : rules) {
            Chain chunk = rule.startsWith("-j ") ? chunks.get(rule.substring(3)) : null;
            if (chunk != null) {
                chunk.rules().forEach(chunkRule -> unchunk(chunkRule, joined));
            }
            else if (!rule.equals(RETURNED_EXIT)) {
                joined.add(rule);
            }
        }
        return joined;
    }

    /** A chunk's rule as rendered: a return chunk's guard dropped, its gotos to the marking chain RETURNs again. */
    private static void unchunk(String rule, List<String> out) {
        if (rule.equals(RETURNED_GUARD)) {
            return;
        }
        if (rule.equals(TO_RETURN_CHAIN) || rule.endsWith(AFTER_MATCHES_TO_RETURN_CHAIN)) {
            out.add(rule.substring(0, rule.length() - TO_RETURN_CHAIN.length()) + RETURN);
            return;
        }
        out.add(rule);
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
