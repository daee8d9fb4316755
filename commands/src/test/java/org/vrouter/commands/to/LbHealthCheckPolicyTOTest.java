package org.vrouter.commands.to;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vrouter.api.error.InvalidParameterException;

class LbHealthCheckPolicyTOTest {

    @Test
    void acceptsAPathWithAQueryString() {
        assertThat(LbHealthCheckPolicyTO.http("/health?probe=lb&x=1", 2, 5, 2, 1).pingPath()).contains("/health?probe=lb&x=1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"health", "/a b", "/a#b", "/a\"b", "/a\\b", "/$x", "/a\nb"})
    void rejectsPingPathsThatAreNotSafeUrlPaths(String path) {
        assertThatThrownBy(() -> LbHealthCheckPolicyTO.http(path, 2, 5, 2, 1))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("ping_path:");
    }

    @Test
    void rejectsZeroTimesAndThresholds() {
        assertThatThrownBy(() -> LbHealthCheckPolicyTO.tcp(0, 5, 2, 1)).hasMessageStartingWith("response_time:");
        assertThatThrownBy(() -> LbHealthCheckPolicyTO.tcp(2, 0, 2, 1)).hasMessageStartingWith("health_check_interval:");
        assertThatThrownBy(() -> LbHealthCheckPolicyTO.tcp(2, 5, 0, 1)).hasMessageStartingWith("healthy_threshold:");
        assertThatThrownBy(() -> LbHealthCheckPolicyTO.tcp(2, 5, 2, 0)).hasMessageStartingWith("unhealthy_threshold:");
    }
}
