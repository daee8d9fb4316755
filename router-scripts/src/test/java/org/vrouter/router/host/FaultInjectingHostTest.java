package org.vrouter.router.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultInjectingHostTest {
    @TempDir
    Path root;

    @Test
    void failsOnlyTheNthWrite() throws IOException {
        FaultInjectingHost host = new FaultInjectingHost(new DryRunHost(root), FaultInjectingHost.Operation.WRITE, 2,
                FaultInjectingHost.Mode.FAIL);

        host.writeText("/a", "1", FileMode.PUBLIC);
        assertThatThrownBy(() -> host.writeText("/b", "2", FileMode.PUBLIC))
                .isInstanceOf(IOException.class)
                .hasMessage("injected failure at write #2 (/b)");
        host.writeText("/c", "3", FileMode.PUBLIC);

        assertThat(host.exists("/a")).isTrue();
        assertThat(host.exists("/b")).isFalse();
        assertThat(host.exists("/c")).isTrue();
        assertThat(host.writes()).isEqualTo(2);
    }

    @Test
    void haltsAtTheNthRunAndRefusesEverythingAfterwards() throws IOException {
        FaultInjectingHost host = new FaultInjectingHost(new DryRunHost(root), FaultInjectingHost.Operation.RUN, 1,
                FaultInjectingHost.Mode.HALT);

        assertThatThrownBy(() -> host.run(ProgramCall.of("iptables-restore")))
                .isInstanceOf(HostHaltedException.class)
                .hasMessageContaining("run #1 (iptables-restore)");
        assertThatThrownBy(() -> host.readText("/etc/hosts")).isInstanceOf(HostHaltedException.class);
        assertThatThrownBy(() -> host.writeText("/etc/hosts", "x", FileMode.PUBLIC)).isInstanceOf(HostHaltedException.class);

        assertThat(host.halted()).isTrue();
        assertThat(host.runs()).isZero();
        assertThat(new DryRunHost(root).exists(DryRunHost.LOG_PATH)).isFalse();
    }

    @Test
    void countsWhatItLetsThrough() throws IOException {
        FaultInjectingHost host = FaultInjectingHost.counting(new DryRunHost(root));

        host.run(ProgramCall.of("true"));
        host.writeText("/x", "1", FileMode.PUBLIC);
        host.delete("/x");

        assertThat(host.runs()).isEqualTo(1);
        assertThat(host.writes()).isEqualTo(2);
    }
}
