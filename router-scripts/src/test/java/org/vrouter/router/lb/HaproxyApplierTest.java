package org.vrouter.router.lb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrouter.router.host.DryRunHost;
import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.ProgramResult;
import org.vrouter.router.host.ScriptedHost;
import org.vrouter.router.service.ConfigRejectedException;
import org.vrouter.router.service.DirectServiceManager;
import org.vrouter.router.service.ServiceAction;

class HaproxyApplierTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
    static final LoadBalancerInput ONE_RULE = LoadBalancerInput.of("global", "\tmaxconn 4096",
            "\tstats socket /run/haproxy/admin.sock mode 660 level admin expose-fd listeners", "",
            "defaults\n\tmode tcp\n\ttimeout connect 5000\n\ttimeout client 50000\n\ttimeout server 50000", "",
            "listen stats_on_guest", "\tbind 10.1.1.1:8081", "\tmode http", "\tstats enable", "\tstats auth admin1:AdMiN123", "",
            "listen 203_0_113_20-80", "\tbind 203.0.113.20:80", "\tserver 203_0_113_20-80_0 10.1.1.23:80 check");

    @TempDir
    Path root;

    private DryRunHost host;
    private HaproxyApplier applier;

    @BeforeEach
    void dryRun() {
        host = new DryRunHost(root);
        applier = new HaproxyApplier(host, new DirectServiceManager(host), CLOCK);
    }

    @Test
    void checksTheConfigurationBeforeInstallingItAndReloads() throws IOException {
        HaproxyReport report = applier.apply(ONE_RULE);

        assertThat(programs()).containsExactly(check(), reload());
        assertThat(report.action()).isEqualTo(ServiceAction.RELOADED);
        assertThat(host.readText(HaproxyApplier.CONFIG_PATH)).contains(installed(ONE_RULE));
        assertThat(ONE_RULE.text()).startsWith("global\n\tmaxconn 4096\n").contains("\n\tmode tcp\n\ttimeout connect 5000\n")
                .endsWith("check\n");
        assertThat(Files.getPosixFilePermissions(host.resolve(HaproxyApplier.CONFIG_PATH))).isEqualTo(FileMode.SECRET.permissions());
        assertThat(host.exists(HaproxyApplier.CANDIDATE_PATH)).isFalse();
    }

    @Test
    void runsNoProgramForAnUnchangedConfiguration() throws IOException {
        applier.apply(ONE_RULE);
        host.delete(DryRunHost.LOG_PATH);

        HaproxyReport report = applier.apply(LoadBalancerInput.of(String.join("\n", ONE_RULE.configuration())));

        assertThat(programs()).isEmpty();
        assertThat(report.changed()).isFalse();
    }

    @Test
    void keepsThePreviousConfigurationWhenHaproxyRejectsTheNewOne() throws IOException {
        ScriptedHost scripted = new ScriptedHost(root);
        HaproxyApplier scriptedApplier = new HaproxyApplier(scripted, new DirectServiceManager(scripted), CLOCK);
        scriptedApplier.apply(ONE_RULE);
        String candidate = root + "/etc/haproxy/haproxy.cfg.new";
        scripted.answering(call -> call.argv().get(0).equals("haproxy") ? new ProgramResult(call.argv(), 1, "",
                "[NOTICE]   (17646) : haproxy version is 2.6.12-1+deb12u3\n"
                        + "[ALERT]    (17646) : config : parsing [" + candidate + ":15] : 'stats' expects 'auth' followed by a user\n"
                        + "[ALERT]    (17646) : config : Error(s) found in configuration file : " + candidate + "\n")
                : ProgramResult.success(call.argv()));
        scripted.clearCalls();

        assertThatThrownBy(() -> scriptedApplier.apply(LoadBalancerInput.of(ONE_RULE.text().replace("check", "check inter 2000"))))
                .isInstanceOf(ConfigRejectedException.class)
                .hasMessageStartingWith("haproxy rejected the new /etc/haproxy/haproxy.cfg: parsing [/etc/haproxy/haproxy.cfg:15] : "
                        + "'stats' expects 'auth' followed by a user; the previous configuration is still in force\n")
                .hasMessageContaining("> 15: \tstats auth ****")
                .hasMessageNotContaining("AdMiN123");
        assertThat(scripted.commandLines()).containsExactly("haproxy -c -f " + candidate);
        assertThat(scripted.readText(HaproxyApplier.CONFIG_PATH)).contains(installed(ONE_RULE));
        assertThat(scripted.exists(HaproxyApplier.CANDIDATE_PATH)).isFalse();
    }

    @Test
    void startsHaproxyWhenTheReloadFindsItStopped() throws IOException {
        ScriptedHost scripted = new ScriptedHost(root).answering(call -> call.argv().contains("--signal")
                ? new ProgramResult(call.argv(), 1, "", "")
                : call.argv().contains("--status") ? new ProgramResult(call.argv(), 3, "", "") : ProgramResult.success(call.argv()));
        HaproxyApplier scriptedApplier = new HaproxyApplier(scripted, new DirectServiceManager(scripted), CLOCK);

        HaproxyReport report = scriptedApplier.apply(ONE_RULE);

        assertThat(report.action()).isEqualTo(ServiceAction.STARTED);
        assertThat(scripted.commandLines()).containsExactly("haproxy -c -f " + root + "/etc/haproxy/haproxy.cfg.new", reload(),
                "start-stop-daemon --status --pidfile " + pidFile(),
                "start-stop-daemon --start --oknodo --background --make-pidfile --pidfile " + pidFile() + " --output " + root
                        + "/var/log/vrouter/haproxy.log --startas /usr/sbin/haproxy -- -W -db -f " + root + "/etc/haproxy/haproxy.cfg");
    }

    @Test
    void stopsHaproxyWhenNoRuleRemains() throws IOException {
        applier.apply(ONE_RULE);
        host.delete(DryRunHost.LOG_PATH);

        HaproxyReport report = applier.apply(LoadBalancerInput.none());

        assertThat(report.action()).isEqualTo(ServiceAction.STOPPED);
        assertThat(programs()).containsExactly(
                "start-stop-daemon --stop --oknodo --pidfile " + pidFile() + " --remove-pidfile --retry TERM/5/KILL/2");
        assertThat(host.exists(HaproxyApplier.CONFIG_PATH)).isFalse();

        host.delete(DryRunHost.LOG_PATH);
        assertThat(applier.apply(LoadBalancerInput.none()).action()).isEqualTo(ServiceAction.UNCHANGED);
        assertThat(programs()).isEmpty();
    }

    @Test
    void movesTheStatisticsSocketUnderTheSandboxRoot() throws IOException {
        applier.apply(LoadBalancerInput.of("global", "\tstats socket /run/haproxy/admin.sock mode 660 level admin expose-fd listeners",
                "\tstats socket /run/../etc/odd.sock", "\tstats socket ipv4@127.0.0.1:9999", "  stats   socket /run/h.sock"));

        assertThat(host.readText(HaproxyApplier.CONFIG_PATH)).contains("global\n"
                + "\tstats socket " + root + "/run/haproxy/admin.sock mode 660 level admin expose-fd listeners\n"
                + "\tstats socket /run/../etc/odd.sock\n"
                + "\tstats socket ipv4@127.0.0.1:9999\n"
                + "  stats   socket " + root + "/run/h.sock\n");
        assertThat(host.exists("/run/haproxy")).isTrue();
    }

    private String installed(LoadBalancerInput input) {
        return input.text().replace("/run/haproxy/admin.sock", root + "/run/haproxy/admin.sock");
    }

    private List<String> programs() throws IOException {
        Path log = host.resolve(DryRunHost.LOG_PATH);
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    private String pidFile() {
        return root + "/run/vrouter/haproxy.pid";
    }

    private String check() {
        return "haproxy -c -f " + root + "/etc/haproxy/haproxy.cfg.new";
    }

    private String reload() {
        return "start-stop-daemon --stop --signal USR2 --pidfile " + pidFile();
    }
}
