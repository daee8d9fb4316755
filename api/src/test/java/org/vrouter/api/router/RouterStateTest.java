package org.vrouter.api.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vrouter.api.router.RouterState.DESTROYED;
import static org.vrouter.api.router.RouterState.ERROR;
import static org.vrouter.api.router.RouterState.RUNNING;
import static org.vrouter.api.router.RouterState.STARTING;
import static org.vrouter.api.router.RouterState.STOPPED;
import static org.vrouter.api.router.RouterState.STOPPING;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vrouter.api.error.InvalidStateException;

class RouterStateTest {
    private static final Map<RouterState, Set<RouterState>> LEGAL = Map.of(
            STARTING, EnumSet.of(RUNNING, STOPPED, ERROR),
            RUNNING, EnumSet.of(STOPPING, STOPPED, ERROR),
            STOPPING, EnumSet.of(STOPPED, RUNNING, ERROR),
            STOPPED, EnumSet.of(STARTING, DESTROYED, ERROR),
            ERROR, EnumSet.of(STOPPED, DESTROYED),
            DESTROYED, EnumSet.noneOf(RouterState.class));

    @Test
    void allowsExactlyTheDocumentedTransitions() {
        for (RouterState from : RouterState.values()) {
            for (RouterState to : RouterState.values()) {
                assertThat(from.canTransitionTo(to)).as(from + " -> " + to).isEqualTo(LEGAL.get(from).contains(to));
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"STOPPED, STARTING", "STARTING, RUNNING", "RUNNING, STOPPING", "STOPPING, STOPPED", "STOPPED, DESTROYED",
            "STARTING, STOPPED", "RUNNING, STOPPED", "ERROR, STOPPED"})
    void legalTransitionReturnsTheTarget(RouterState from, RouterState to) {
        assertThat(from.requireTransition(to)).isEqualTo(to);
    }

    @ParameterizedTest
    @CsvSource({"STOPPED, RUNNING", "RUNNING, STARTING", "DESTROYED, STARTING", "RUNNING, DESTROYED", "RUNNING, RUNNING",
            "ERROR, RUNNING", "STARTING, STOPPING"})
    void illegalTransitionThrowsNamingObjectFromAndTo(RouterState from, RouterState to) {
        assertThatThrownBy(() -> from.requireTransition("router r-5-VM", to))
                .isInstanceOfSatisfying(InvalidStateException.class, e -> {
                    assertThat(e.object()).isEqualTo("router r-5-VM");
                    assertThat(e.from()).isEqualTo(from.wireName());
                    assertThat(e.to()).hasValue(to.wireName());
                })
                .hasMessage("router r-5-VM: illegal state transition from " + from.wireName() + " to " + to.wireName());
    }

    @Test
    void destroyedIsTerminal() {
        assertThat(DESTROYED.isTerminal()).isTrue();
        assertThat(DESTROYED.successors()).isEmpty();
        assertThat(RouterState.initialStates()).containsExactlyInAnyOrder(STARTING, STOPPED);
    }

    @Test
    void parsesCloudStackNames() {
        assertThat(RouterState.fromWireName("state", "running")).isEqualTo(RUNNING);
    }
}
