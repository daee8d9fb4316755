package org.vrouter.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.vrouter.api.error.InvalidParameterException;

class HealthCheckSettingsTest {
    @Test
    void backoffDoublesFromTheFirstPauseUpToTheCap() {
        HealthCheckSettings settings = HealthCheckSettings.defaults();

        assertThat(settings.backoffAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.backoffAfter(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.backoffAfter(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.backoffAfter(6)).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.backoffAfter(1000)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void rejectsACapBelowTheFirstPauseAndNoAttempts() {
        assertThatThrownBy(() -> new HealthCheckSettings(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(1), 5))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("max_backoff"));
        assertThatThrownBy(() -> new HealthCheckSettings(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(1), 0))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("max_restart_attempts"));
    }
}
