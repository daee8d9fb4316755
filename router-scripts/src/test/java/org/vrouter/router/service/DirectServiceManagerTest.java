package org.vrouter.router.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrouter.router.host.DryRunHost;
import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.Host;
import org.vrouter.router.host.LocalHost;
import org.vrouter.router.host.ScriptedHost;
import org.vrouter.router.host.SystemTools;

class DirectServiceManagerTest {
    @TempDir
    Path root;

    private Daemon sleeper;

    @BeforeEach
    void daemon() {
        // a foreground "daemon" that shows its signals in its output: HUP is reported, TERM ends it
        sleeper = Daemon.of("sleeper", List.of("/bin/sh", "-c",
                "trap 'echo reloaded' HUP; trap 'echo stopping; exit 0' TERM; echo ready; while :; do sleep 0.05; done"));
    }

    @Test
    void startsSignalsAndStopsARealDaemonByItsPidFile() throws Exception {
        SystemTools.require("start-stop-daemon");
        Host host = LocalHost.at(root);
        ServiceManager services = new DirectServiceManager(host);
        try {
            services.start(sleeper);
            services.start(sleeper);
            assertThat(services.isRunning(sleeper)).isTrue();
            long pid = Long.parseLong(host.readText("/run/vrouter/sleeper.pid").orElseThrow().strip());
            // a signal sent before the shell has installed its traps would kill it instead
            awaitLog("ready");

            services.reload(sleeper);
            awaitLog("reloaded");
            assertThat(services.isRunning(sleeper)).isTrue();

            services.stop(sleeper);
            assertThat(services.isRunning(sleeper)).isFalse();
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
            assertThat(host.exists("/run/vrouter/sleeper.pid")).isFalse();
            services.stop(sleeper);
        }
        finally {
            services.stop(sleeper);
        }
    }

    @Test
    void knowsARunningDaemonFromItsPidFileWithoutRunningAProgram() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            ScriptedHost host = new ScriptedHost(root);
            Daemon daemon = Daemon.of("sleeper", List.of("/usr/bin/sleep", "30"));
            host.writeText(DirectServiceManager.pidFile(daemon), Long.toString(sleeper.pid()), FileMode.PUBLIC);

            assertThat(new DirectServiceManager(host).isRunning(daemon)).isTrue();
            assertThat(host.commandLines()).isEmpty();
        }
        finally {
            sleeper.destroyForcibly().waitFor();
        }
    }

    @Test
    void comparesProgramsByFileName() {
        assertThat(DirectServiceManager.sameProgram("/usr/sbin/dnsmasq", "/usr/sbin/dnsmasq")).isTrue();
        assertThat(DirectServiceManager.sameProgram("/usr/bin/haproxy", "/usr/sbin/haproxy")).isTrue();
        assertThat(DirectServiceManager.sameProgram("/usr/bin/dash", "/usr/sbin/dnsmasq")).isFalse();
    }

    @Test
    void refusesToSignalADaemonThatIsNotRunning() {
        SystemTools.require("start-stop-daemon");
        ServiceManager services = new DirectServiceManager(LocalHost.at(root));

        assertThatThrownBy(() -> services.reload(sleeper))
                .isInstanceOf(ServiceException.class)
                .hasMessage("cannot send SIGHUP to sleeper: it is not running");
    }

    @Test
    void logsWhatItWouldRunInADryRun() throws IOException {
        DryRunHost host = new DryRunHost(root);
        ServiceManager services = new DirectServiceManager(host);

        services.start(Daemon.of("dnsmasq", List.of("/usr/sbin/dnsmasq", "-k", "--conf-file=" + host.resolve("/etc/dnsmasq.conf"))));
        services.reload(Daemon.of("dnsmasq", List.of("/usr/sbin/dnsmasq")));

        assertThat(Files.readAllLines(host.resolve(DryRunHost.LOG_PATH))).containsExactly(
                "start-stop-daemon --start --oknodo --background --make-pidfile --pidfile " + root + "/run/vrouter/dnsmasq.pid"
                        + " --output " + root + "/var/log/vrouter/dnsmasq.log --startas /usr/sbin/dnsmasq -- -k --conf-file="
                        + root + "/etc/dnsmasq.conf",
                "start-stop-daemon --stop --signal HUP --pidfile " + root + "/run/vrouter/dnsmasq.pid");
    }

    private void awaitLog(String text) throws Exception {
        Path log = root.resolve("var/log/vrouter/sleeper.log");
        for (int attempt = 0; attempt < 100; attempt++) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            Thread.sleep(50);
        }
        assertThat(Files.exists(log) ? Files.readString(log) : "(no log)").contains(text);
    }
}
