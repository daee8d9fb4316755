package org.vrouter.router.usage;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The byte counters of one iptables chain, one per rule in rule order, as {@code iptables -L <chain> -n -v -x}
 * lists them. {@link #report()} is the scripts' output format that {@code NetworkUsageAnswer} parses: every
 * rule's bytes followed by {@code :} ({@code <sent>:<received>:} per counted pair, because the renderers write
 * each pair as the outgoing rule, then the incoming one).
 *
 * @param chain the chain's name
 * @param bytes per rule, in rule order; never negative
 */
public record ChainCounters(String chain, List<Long> bytes) {
    private static final String ZEROING = "Zeroing chain ";

    public ChainCounters {
        requireNonNull(chain, "chain is null");
        bytes = List.copyOf(bytes);
        if (bytes.stream().anyMatch(count -> count < 0)) {
            throw new IllegalArgumentException("bytes: a counter is negative: " + bytes);
        }
    }

    /**
     * Parses the listing of {@code iptables -L <chain> -n -v -x} (with or without {@code -Z}, whose
     * {@code Zeroing chain} line is skipped).
     *
     * @throws IllegalArgumentException when the listing is not of {@code chain} or a rule line has no
     *     packet and byte counts
     */
    public static ChainCounters parse(String chain, String listing) {
        requireNonNull(chain, "chain is null");
        requireNonNull(listing, "listing is null");
        List<String> lines = listing.lines().filter(line -> !line.isBlank() && !line.startsWith(ZEROING)).toList();
        if (lines.size() < 2 || !lines.get(0).startsWith("Chain " + chain + " ") || !lines.get(1).strip().startsWith("pkts")) {
            throw new IllegalArgumentException("not an iptables -L -v -x listing of chain " + chain + ": " + firstLine(listing));
        }
        List<Long> bytes = new ArrayList<>();
        for (String line : lines.subList(2, lines.size())) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length < 2 || !isCount(fields[0]) || !isCount(fields[1])) {
                throw new IllegalArgumentException("chain " + chain + ": a rule line without packet and byte counts: " + line.strip());
            }
            bytes.add(Long.parseLong(fields[1]));
        }
        return new ChainCounters(chain, bytes);
    }

    /** The scripts' output: {@code <bytes>:} per rule, in rule order; empty for a chain without rules. */
    public String report() {
        return bytes.stream().map(count -> count + ":").collect(Collectors.joining());
    }

    /** The sum of every rule's bytes. */
    public long totalBytes() {
        return bytes.stream().mapToLong(Long::longValue).sum();
    }

    private static boolean isCount(String field) {
        // at most 18 digits: always a long, as NetworkUsageAnswer expects
        return !field.isEmpty() && field.length() <= 18 && field.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("(empty)");
    }
}
