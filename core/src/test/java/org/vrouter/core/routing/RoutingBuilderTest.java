package org.vrouter.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

class RoutingBuilderTest {
    /** A resource builder with one setter of its own. */
    private static final class ResourceBuilder extends RoutingBuilder<ResourceBuilder> {
        private String name = "default";

        ResourceBuilder name(String name) {
            this.name = name;
            return this;
        }

        @Override
        protected ResourceBuilder self() {
            return this;
        }
    }

    @Test
    void collectsTheRoutingSettingsWhileChainingWithTheResourcesOwnSetters() {
        Supplier<UUID> ids = () -> UUID.fromString("0b7a1c2d-0000-4000-8000-000000000001");
        Clock clock = Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC);
        RoutingTimeouts timeouts = new RoutingTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ZERO, Duration.ofSeconds(10));

        ResourceBuilder builder = new ResourceBuilder().ids(ids).name("kvm").clock(clock).timeouts(timeouts);

        assertThat(builder.name).isEqualTo("kvm");
        assertThat(builder.routing()).isEqualTo(new RoutingSettings(ids, clock, timeouts));
    }

    @Test
    void defaultsToTheDefaultRoutingSettings() {
        assertThat(new ResourceBuilder().routing().timeouts()).isEqualTo(RoutingTimeouts.defaults());
    }
}
