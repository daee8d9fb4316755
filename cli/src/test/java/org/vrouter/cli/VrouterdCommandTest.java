package org.vrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.commands.wire.payload.PayloadCodec;
import org.vrouter.router.databag.DatabagStore;
import org.vrouter.router.host.DryRunHost;

/**
 * {@code vrouter vrouterd} as a real process, driven through the router's own {@code update_config.py}
 * (run with {@code dash}, speaking to the daemon with {@code nc -U}) on a dry-run root: SIGKILL between
 * requests loses nothing and the script carries on one-shot; SIGTERM stops it cleanly; the daemon and the
 * one-shot run print the same.
 */
class VrouterdCommandTest {
    private static final String DHCP = "{\"host_name\":\"vm-1\",\"mac_address\":\"02:00:4c:5f:00:01\",\"ipv4_address\":\"10.1.1.1\","
            + "\"default_entry\":true,\"remove\":false,\"type\":\"dhcpentry\",\"delete_from_processed_cache\":false}";

    private static final String CMD_LINE = "{\"cmd_line\":{\"template\":\"domP\",\"name\":\"r-1-VM\",\"type\":\"router\",\"eth0ip\":\"10.1.1.1\","
            + "\"eth0mask\":\"255.255.255.0\",\"eth1ip\":\"169.254.3.44\",\"eth1mask\":\"255.255.0.0\",\"eth2ip\":\"203.0.113.20\","
            + "\"eth2mask\":\"255.255.255.0\",\"gateway\":\"203.0.113.1\",\"domain\":\"test.internal\",\"dns1\":\"192.0.2.53\"},"
            + "\"type\":\"cmdline\",\"delete_from_processed_cache\":false}";

    @TempDir
    Path root;

    @TempDir
    Path bin;

    private final List<Process> daemons = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        for (String tool : List.of("/bin/dash", "/usr/bin/nc")) {
            if (!Files.isExecutable(Path.of(tool))) {
                if ("true".equals(System.getenv("CI"))) {
                    fail(tool + " is missing; CI=true, so this is a failure, not a skip");
                }
                Assumptions.abort(tool + " is not installed (Debian: dash, netcat-openbsd)");
            }
        }
        try (InputStream in = VrouterdCommandTest.class.getResourceAsStream("/router-dist/opt/cloud/bin/update_config.py")) {
            Files.write(bin.resolve("update_config.py"), in.readAllBytes());
        }
        // the one-shot launcher the script falls back to: this build's classes, on the same dry-run root
        Files.writeString(bin.resolve("vrouter"), "#!/bin/sh\ncommand=$1\nshift\nexec '" + java() + "' -cp '" + classPath()
                + "' org.vrouter.cli.Main \"$command\" --dry-run \"$@\"\n");
        Files.setPosixFilePermissions(bin.resolve("vrouter"), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        for (Process daemon : daemons) {
            daemon.destroyForcibly();
            daemon.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private Process startDaemon() throws IOException {
        Process daemon = new ProcessBuilder(java(), "-cp", classPath(), "org.vrouter.cli.Main", "vrouterd", "--root", root.toString(), "--dry-run")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        daemons.add(daemon);
        BufferedReader out = new BufferedReader(new InputStreamReader(daemon.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("the daemon's first line").startsWith("vrouterd: serving on ");
        return daemon;
    }

    private void deliver(String name, String json) throws IOException {
        Files.createDirectories(root.resolve("var/cache/cloud"));
        Files.writeString(root.resolve("var/cache/cloud").resolve(name), json);
    }

    private record Run(int status, String stderr) {}

    private Run updateConfig(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("dash", bin.resolve("update_config.py").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("VROUTER_ROOT", root.toString());
        builder.environment().put("VROUTER", bin.resolve("vrouter").toString());
        Process process = builder.start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), stderr);
    }

    private int dhcpEntries() throws IOException {
        return new DatabagStore(new DryRunHost(root), new PayloadCodec()).load().databags().dhcpEntry().entries().size();
    }

    private static String dhcp(int n) {
        return DHCP.replace("vm-1", "vm-" + n).replace("00:01\"", String.format("00:%02x\"", n)).replace("10.1.1.1\"", "10.1.1." + n + "\"");
    }

    @Test
    void sigkillBetweenRequestsLosesNothingAndTheScriptCarriesOnOneShot() throws Exception {
        Process daemon = startDaemon();
        deliver("cmd_line.json", CMD_LINE);
        assertThat(updateConfig("cmd_line.json")).isEqualTo(new Run(0, ""));
        for (int n = 1; n <= 3; n++) {
            deliver("vm_dhcp_entry.json." + n, dhcp(n));
            assertThat(updateConfig("vm_dhcp_entry.json." + n)).isEqualTo(new Run(0, ""));
        }

        daemon.destroyForcibly();
        assertThat(daemon.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(root.resolve("run/vrouter/vrouterd.sock")).exists();

        deliver("vm_dhcp_entry.json.4", dhcp(4));
        assertThat(updateConfig("vm_dhcp_entry.json.4")).isEqualTo(new Run(0, ""));
        assertThat(dhcpEntries()).isEqualTo(4);

        startDaemon();
        deliver("vm_dhcp_entry.json.5", dhcp(5));
        assertThat(updateConfig("vm_dhcp_entry.json.5")).isEqualTo(new Run(0, ""));
        assertThat(dhcpEntries()).isEqualTo(5);
    }

    @Test
    void theDaemonAndTheOneShotRunPrintTheSame() throws Exception {
        deliver("vm_dhcp_entry.json.1", dhcp(1).replace("02:00:4c:5f:00:01", "02:00"));
        Run oneShot = updateConfig("vm_dhcp_entry.json.1");

        startDaemon();
        Run served = updateConfig("vm_dhcp_entry.json.1");

        assertThat(oneShot.status()).isEqualTo(1);
        assertThat(oneShot.stderr()).startsWith("vm_dhcp_entry.json.1: mac_address: ");
        assertThat(served).isEqualTo(oneShot);
        assertThat(updateConfig("a", "b", "c")).isEqualTo(new Run(1, "usage: vrouter update-config [--root DIR] [--netns NAME] [--dry-run] FILE [false]\n"));
    }

    @Test
    void sigtermStopsTheDaemonAndRemovesItsSocket() throws Exception {
        Process daemon = startDaemon();

        daemon.destroy();

        assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(daemon.exitValue()).isEqualTo(143);
        assertThat(root.resolve("run/vrouter/vrouterd.sock")).doesNotExist();
    }
}
