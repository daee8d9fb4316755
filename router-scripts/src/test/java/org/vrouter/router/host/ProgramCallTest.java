package org.vrouter.router.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class ProgramCallTest {
    @Test
    void neverShowsItsInput() {
        ProgramCall call = ProgramCall.of("chpasswd").withStdin("root:hunter2");

        assertThat(call.toString()).doesNotContain("hunter2").contains("chpasswd").contains("12 characters");
    }

    @Test
    void rejectsAnEmptyArgvANulAndANonPositiveTimeout() {
        assertThatThrownBy(() -> ProgramCall.of(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProgramCall.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProgramCall.of("echo", "a\0b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProgramCall.of("true").withTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quotesItsCommandLineForAShell() {
        assertThat(ProgramCall.of("ip", "netns", "exec", "r1", "sh", "-c", "echo $HOME").commandLine())
                .isEqualTo("ip netns exec r1 sh -c 'echo $HOME'");
        assertThat(ProgramCall.of("printf", "").commandLine()).isEqualTo("printf ''");
    }
}
