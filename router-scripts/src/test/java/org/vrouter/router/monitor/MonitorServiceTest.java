package org.vrouter.router.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.router.converge.IsolatedRouter;
import org.vrouter.router.converge.ServiceDrift;
import org.vrouter.router.converge.ServiceOutcome;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.host.ScriptedHost;

/** Writing the monitoring files: once, only what changed, no program. */
class MonitorServiceTest {
    private static final String SETTINGS = "{\"config\":\"[ssh]:processname=sshd:servicename=ssh:pidfile=/var/run/sshd.pid:,\","
            + "\"health_checks_enabled\":true,\"health_checks_basic_run_interval\":3,\"type\":\"monitorservice\",\"delete_from_processed_cache\":true}";

    @TempDir
    Path root;

    @Test
    void writesTheFilesOnceAndRunsNothing() throws IOException {
        ScriptedHost host = new ScriptedHost(root);
        MonitorService service = new MonitorService(host);
        Databags bags = IsolatedRouter.mergeText(Databags.empty(), "monitor_service.json", SETTINGS);

        assertThat(service.apply(bags).detail()).isEqualTo("/etc/monitor.conf, /root/health_checks_data.json, /etc/cron.d/process written");
        assertThat(service.apply(bags).status()).isEqualTo(ServiceOutcome.Status.UNCHANGED);
        Files.writeString(root.resolve("etc/cron.d/process"), "");
        assertThat(service.verify(bags).differences()).singleElement().asString().startsWith("/etc/cron.d/process: sha256");
        assertThat(service.repair(bags).detail()).isEqualTo("/etc/cron.d/process written");
        assertThat(host.commandLines()).isEmpty();
    }

    @Test
    void writesNothingUntilSettingsArrive() throws IOException {
        MonitorService service = new MonitorService(new ScriptedHost(root));

        assertThat(service.apply(Databags.empty()).status()).isEqualTo(ServiceOutcome.Status.UNCHANGED);
        assertThat(service.verify(Databags.empty()).state()).isEqualTo(ServiceDrift.State.IN_SYNC);
        assertThat(service.render(Databags.empty()).files()).isEmpty();
        assertThat(root.resolve("etc")).doesNotExist();
    }
}
