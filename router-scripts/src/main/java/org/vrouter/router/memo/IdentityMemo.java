package org.vrouter.router.memo;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Remembers, from one converge to the next, what was derived from each immutable value (a
 * {@code dhcpentry} payload's {@code DhcpHost}, a host's rendered lines, a firewall rule's mapped rule), by identity: the bags keep the
 * same payload objects for the entries a merge did not touch, so a router of 10,000 hosts that gets one
 * more maps and renders one host, not 10,000. Only values seen in the last round are kept. A miss
 * derives the value again, so the result never depends on the memo; it only saves the work.
 *
 * <p>Methods are synchronized, so concurrent rounds (a {@code verify} beside a converge) stay consistent maps;
 * a memo whose derivations depend on a {@link #start context} must be used by one caller at a time (the
 * renderer's is used under its applier's lock).
 *
 * @param <K> the immutable source value
 * @param <V> what is derived from it, a pure function of it (and of the {@link #context} it was made in)
 */
public final class IdentityMemo<K, V> {
    private Map<K, V> previous = new IdentityHashMap<>();
    private Map<K, V> current = new IdentityHashMap<>();
    private Optional<Object> context = Optional.empty();

    /**
     * Starts a round: values derived in a different context (interfaces, name servers...) are dropped.
     *
     * @param roundContext what every derivation of the round depends on besides its source; compared with equals
     */
    public synchronized void start(Object roundContext) {
        previous = context.equals(Optional.of(roundContext)) ? current : new IdentityHashMap<>();
        current = new IdentityHashMap<>(previous.size() + 16);
        context = Optional.of(roundContext);
    }

    /** The value derived from {@code source} in the last round or this one, else {@code derive}'s. */
    public synchronized V get(K source, Function<K, V> derive) {
        V value = current.get(source);
        if (value == null) {
            value = previous.get(source);
            if (value == null) {
                value = derive.apply(source);
            }
            current.put(source, value);
        }
        return value;
    }
}
