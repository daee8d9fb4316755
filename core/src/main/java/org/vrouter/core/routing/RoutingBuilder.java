package org.vrouter.core.routing;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The routing part of a hypervisor resource's builder: file ids, the wire codec's clock and the
 * routing time bounds, collected into {@link RoutingSettings} (defaults: random ids, the system
 * clock, {@link RoutingTimeouts#defaults()}). A resource's builder extends it with itself as
 * {@code B}, so these setters chain with its own; the resource reads {@link #routing()} when built.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class RoutingBuilder<B extends RoutingBuilder<B>> {
    private RoutingSettings routing = RoutingSettings.defaults();

    /** The concrete builder ({@code return this;}). */
    protected abstract B self();

    /** What the setters collected so far; the resource reads it when built. */
    public final RoutingSettings routing() {
        return routing;
    }

    /** Ids of wire files and batch files: a fixed sequence makes file names stable. */
    public final B ids(Supplier<UUID> ids) {
        routing = routing.withIds(ids);
        return self();
    }

    /** The clock the wire codec stamps time-dependent payloads with. */
    public final B clock(Clock clock) {
        routing = routing.withClock(clock);
        return self();
    }

    /** Bounds per router command and per batch. */
    public final B timeouts(RoutingTimeouts timeouts) {
        routing = routing.withTimeouts(timeouts);
        return self();
    }
}
