package org.vrouter.core.health;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.vrouter.api.router.RedundantState;

/**
 * The VRRP states of one network's redundant routers at one poll, for the embedding controller
 * ({@link RouterHealthChecker#redundancy()}).
 *
 * @param states each router's state by router id, ascending
 * @param multiplePrimaries whether more than one router claimed PRIMARY (both answer for the
 *     gateway address: an operator must act)
 * @param demoted the routers this poll restarted to end a dual PRIMARY that outlived the previous
 *     poll (all PRIMARYs but the lowest id: a restarted router comes back BACKUP, keepalived's
 *     {@code nopreempt} keeps it there); empty otherwise
 */
public record RedundancyReport(long networkId, Map<Long, RedundantState> states, boolean multiplePrimaries, Instant checkedAt,
        List<Long> demoted) {
    public RedundancyReport {
        states = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(states, "states is null")));
        requireNonNull(checkedAt, "checkedAt is null");
        demoted = List.copyOf(requireNonNull(demoted, "demoted is null"));
    }

    /** A poll that demoted nobody. */
    public RedundancyReport(long networkId, Map<Long, RedundantState> states, boolean multiplePrimaries, Instant checkedAt) {
        this(networkId, states, multiplePrimaries, checkedAt, List.of());
    }
}
