package org.vrouter.router.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrouter.router.host.ProgramResult;
import org.vrouter.router.host.ScriptedHost;

class SystemdServiceManagerTest {
    private static final Daemon DNSMASQ = Daemon.of("dnsmasq", List.of("/usr/sbin/dnsmasq", "-k"));

    @TempDir
    Path root;

    @Test
    void drivesTheUnitThroughSystemctl() throws IOException {
        ScriptedHost host = new ScriptedHost(root);
        ServiceManager services = new SystemdServiceManager(host);

        services.start(DNSMASQ);
        services.reload(DNSMASQ);
        services.signal(DNSMASQ, Signal.HUP);
        services.restart(DNSMASQ);
        services.stop(DNSMASQ);

        assertThat(host.commandLines()).containsExactly(
                "systemctl start dnsmasq",
                "systemctl reload dnsmasq",
                "systemctl kill --kill-whom=main --signal=SIGHUP dnsmasq",
                "systemctl restart dnsmasq",
                "systemctl stop dnsmasq");
    }

    @Test
    void isRunningOnlyWhenTheUnitIsActive() throws IOException {
        ScriptedHost host = new ScriptedHost(root);
        ServiceManager services = new SystemdServiceManager(host);

        assertThat(services.isRunning(DNSMASQ)).isTrue();
        host.answering(call -> new ProgramResult(call.argv(), 3, "", ""));
        assertThat(services.isRunning(DNSMASQ)).isFalse();
        assertThat(host.commandLines()).containsOnly("systemctl is-active --quiet dnsmasq");
    }

    @Test
    void namesTheDaemonActionAndCauseWhenSystemctlFails() {
        ScriptedHost host = new ScriptedHost(root)
                .answering(call -> new ProgramResult(call.argv(), 1, "", "Job for dnsmasq.service failed.\nSee journal"));

        assertThatThrownBy(() -> new SystemdServiceManager(host).reload(DNSMASQ))
                .isInstanceOf(ServiceException.class)
                .hasMessage("cannot reload dnsmasq: exit status 1 (Job for dnsmasq.service failed.)");
    }
}
