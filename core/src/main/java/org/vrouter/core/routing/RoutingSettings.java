package org.vrouter.core.routing;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

import org.vrouter.commands.wire.CommandCodec;
import org.vrouter.core.channel.RouterChannelFactory;

/**
 * What every hypervisor resource's builder collects for its {@link VirtualRoutingResource}: the
 * ids of wire and batch files, the wire codec's clock and the routing time bounds. Builders keep
 * one of these and replace it through the {@code with*} methods.
 *
 * @param ids ids of wire files and {@code VR-<uuid>.cfg} batch files
 * @param clock the clock the wire codec stamps time-dependent payloads with
 * @param timeouts bounds per command and per batch
 */
public record RoutingSettings(Supplier<UUID> ids, Clock clock, RoutingTimeouts timeouts) {
    public RoutingSettings {
        requireNonNull(ids, "ids is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(timeouts, "timeouts is null");
    }

    /** Random ids, the system clock (UTC), {@link RoutingTimeouts#defaults()}. */
    public static RoutingSettings defaults() {
        return new RoutingSettings(UUID::randomUUID, Clock.systemUTC(), RoutingTimeouts.defaults());
    }

    public RoutingSettings withIds(Supplier<UUID> ids) {
        return new RoutingSettings(ids, clock, timeouts);
    }

    public RoutingSettings withClock(Clock clock) {
        return new RoutingSettings(ids, clock, timeouts);
    }

    public RoutingSettings withTimeouts(RoutingTimeouts timeouts) {
        return new RoutingSettings(ids, clock, timeouts);
    }

    /** A routing resource with these settings whose channels come from {@code channels}. */
    public VirtualRoutingResource routingResource(RouterChannelFactory channels) {
        return new VirtualRoutingResource(new CommandCodec(ids, clock), channels, timeouts, ids);
    }
}
