package org.vrouter.router.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class DaemonTest {
    @Test
    void reloadsOnHangupUnlessToldOtherwise() {
        assertThat(Daemon.of("dnsmasq", List.of("/usr/sbin/dnsmasq", "-k")).reloadSignal()).isEqualTo(Signal.HUP);
        assertThat(new Daemon("haproxy", List.of("/usr/sbin/haproxy", "-W"), Signal.USR2).reloadSignal()).isEqualTo(Signal.USR2);
    }

    @Test
    void rejectsNamesThatCannotBeAUnitOrPidFileAndArgvWithoutAnAbsoluteProgram() {
        for (String bad : new String[] {"", "../etc", "a/b", "Dnsmasq", "-x", "a b"}) {
            assertThatThrownBy(() -> Daemon.of(bad, List.of("/bin/x"))).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> Daemon.of("dnsmasq", List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dnsmasq");
        assertThatThrownBy(() -> Daemon.of("dnsmasq", List.of("dnsmasq", "-k"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("absolute path");
    }
}
