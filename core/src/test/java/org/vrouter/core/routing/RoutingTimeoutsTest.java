package org.vrouter.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.vrouter.api.error.InvalidParameterException;

class RoutingTimeoutsTest {
    @Test
    void boundsABatchByItsBasePlusOneSecondPerAnswer() {
        RoutingTimeouts defaults = RoutingTimeouts.defaults();

        assertThat(defaults.script()).isEqualTo(Duration.ofSeconds(600));
        assertThat(defaults.batch(0)).isEqualTo(Duration.ofSeconds(600));
        assertThat(defaults.batch(108)).isEqualTo(Duration.ofSeconds(708));
    }

    @Test
    void capsTheBatchBound() {
        assertThat(RoutingTimeouts.defaults().batch(100_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void rejectsACapBelowTheBase() {
        assertThatThrownBy(() -> new RoutingTimeouts(Duration.ofSeconds(600), Duration.ofSeconds(600), Duration.ofSeconds(1), Duration.ofSeconds(60)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("batch_max_timeout");
    }

    @Test
    void rejectsANonPositiveScriptTimeout() {
        assertThatThrownBy(() -> new RoutingTimeouts(Duration.ZERO, Duration.ofSeconds(600), Duration.ofSeconds(1), Duration.ofHours(1)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("script_timeout");
    }
}
