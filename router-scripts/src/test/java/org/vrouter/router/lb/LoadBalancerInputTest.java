package org.vrouter.router.lb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vrouter.api.error.InvalidParameterException;

class LoadBalancerInputTest {
    @Test
    void splitsElementsThatHoldSeveralLines() {
        LoadBalancerInput input = LoadBalancerInput.of("global\n\tmaxconn 4096", "defaults");

        assertThat(input.lines()).containsExactly("global", "\tmaxconn 4096", "defaults");
        assertThat(input.text()).isEqualTo("global\n\tmaxconn 4096\ndefaults\n");
    }

    @Test
    void treatsBlankConfigurationAsNone() {
        assertThat(LoadBalancerInput.of("", " ").isEmpty()).isTrue();
        assertThat(LoadBalancerInput.none().text()).isEmpty();
        assertThat(LoadBalancerInput.of("global").isEmpty()).isFalse();
    }

    @Test
    void rejectsACarriageReturnNamingTheElement() {
        assertThatThrownBy(() -> new LoadBalancerInput(List.of("global", "\tmaxconn 1\r")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("configuration[1]: must not contain NUL or carriage return characters");
    }

    @Test
    void neverPrintsTheConfiguration() {
        assertThat(LoadBalancerInput.of("\tstats auth admin:secret")).hasToString("LoadBalancerInput[1 configuration element(s)]");
    }
}
