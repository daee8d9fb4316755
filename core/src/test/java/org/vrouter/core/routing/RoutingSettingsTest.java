package org.vrouter.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

class RoutingSettingsTest {
    @Test
    void replacesOneComponentAtATime() {
        Supplier<UUID> ids = () -> UUID.fromString("0b7a1c2d-0000-4000-8000-000000000001");
        Clock clock = Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC);
        RoutingTimeouts timeouts = new RoutingTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ZERO, Duration.ofSeconds(10));

        RoutingSettings settings = RoutingSettings.defaults().withIds(ids).withClock(clock).withTimeouts(timeouts);

        assertThat(settings).isEqualTo(new RoutingSettings(ids, clock, timeouts));
        assertThat(RoutingSettings.defaults().timeouts()).isEqualTo(RoutingTimeouts.defaults());
    }

    @Test
    void rejectsAMissingComponent() {
        assertThatThrownBy(() -> RoutingSettings.defaults().withClock(null)).isInstanceOf(NullPointerException.class).hasMessage("clock is null");
    }
}
