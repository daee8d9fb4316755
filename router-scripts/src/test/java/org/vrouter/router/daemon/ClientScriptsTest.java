package org.vrouter.router.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.api.net.IpAddress;
import org.vrouter.router.host.SystemTools;

/**
 * The router's entry points {@code /opt/cloud/bin/update_config.py} and {@code vr_cfg.sh} as thin clients:
 * run with {@code dash} (Debian's {@code /bin/sh}) against a daemon started in-process on the root's
 * socket, and with no daemon, where they must hand over to the one-shot launcher ({@code VROUTER}, here a
 * fake that records its arguments).
 */
class ClientScriptsTest {
    private static final String DIRECTORY = "/router-dist/opt/cloud/bin/";
    private static final int FAKE_STATUS = 42;

    @TempDir
    Path root;

    @TempDir
    Path bin;

    private DaemonFixture fixture;
    private Vrouterd daemon;

    @BeforeEach
    void setUp() throws IOException {
        SystemTools.require("dash", "nc");
        fixture = new DaemonFixture(root);
        for (String script : List.of("update_config.py", "vr_cfg.sh")) {
            try (InputStream in = ClientScriptsTest.class.getResourceAsStream(DIRECTORY + script)) {
                assertThat(in).as(script).isNotNull();
                Files.write(bin.resolve(script), in.readAllBytes());
            }
        }
        Files.writeString(bin.resolve("vrouter"), "#!/bin/sh\nfor a in \"$@\"; do printf '%s|' \"$a\"; done > '" + bin.resolve("launched")
                + "'\necho one-shot >&2\nexit " + FAKE_STATUS + "\n");
        Files.setPosixFilePermissions(bin.resolve("vrouter"), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void tearDown() {
        if (daemon != null) {
            daemon.close();
        }
    }

    private record Run(int status, String stderr, String launched) {}

    private Run run(Map<String, String> environment, Path directory, String script, String... args) throws Exception {
        Files.deleteIfExists(bin.resolve("launched"));
        List<String> command = new ArrayList<>(List.of("dash", bin.resolve(script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("VROUTER_ROOT", root.toString());
        builder.environment().put("VROUTER", bin.resolve("vrouter").toString());
        builder.environment().remove("DEFER_CONFIG");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Path launched = bin.resolve("launched");
        return new Run(process.exitValue(), stderr, Files.exists(launched) ? Files.readString(launched) : "");
    }

    private Run run(String script, String... args) throws Exception {
        return run(Map.of(), root, script, args);
    }

    @Test
    void updateConfigIsServedByTheDaemon() throws Exception {
        daemon = fixture.startDaemon();
        fixture.deliver("vm_dhcp_entry.json.1", DaemonFixture.dhcp(1));

        Run run = run("update_config.py", "vm_dhcp_entry.json.1");

        assertThat(run).isEqualTo(new Run(0, "", ""));
        assertThat(fixture.bags().dhcpEntry().get(IpAddress.parse("10.1.1.1"))).isPresent();
    }

    @Test
    void updateConfigPrintsTheDaemonsStderrAndExitsWithItsStatus() throws Exception {
        daemon = fixture.startDaemon();
        fixture.deliver("vm_dhcp_entry.json.1", DaemonFixture.dhcp(1).replace("02:00:4c:5f:00:01", "02:00"));

        Run run = run("update_config.py", "vm_dhcp_entry.json.1");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.stderr()).startsWith("vm_dhcp_entry.json.1: mac_address: ").endsWith("\n").hasLineCount(1);
        assertThat(run.launched()).isEmpty();
        assertThat(run("update_config.py").stderr()).isEqualTo("usage: vrouter update-config [--root DIR] [--netns NAME] [--dry-run] FILE [false]\n");
    }

    @Test
    void updateConfigSendsARelativePathAsAnAbsoluteOneAndDeferConfig() throws Exception {
        daemon = fixture.startDaemon();
        fixture.deliver("vm_dhcp_entry.json.1", DaemonFixture.dhcp(1));

        Run run = run(Map.of("DEFER_CONFIG", "true"), root.resolve("var/cache"), "update_config.py", "cloud/vm_dhcp_entry.json.1", "false");

        assertThat(run).isEqualTo(new Run(0, "", ""));
        assertThat(fixture.bags().dhcpEntry().entries()).hasSize(1);
        assertThat(fixture.converger.requests()).isEmpty();
        assertThat(root.resolve("var/cache/cloud/processed")).doesNotExist();
    }

    @Test
    void vrCfgIsServedByTheDaemon() throws Exception {
        daemon = fixture.startDaemon();
        fixture.deliver("VR-1.cfg", "<version>\n1.0\n</version>\n<file>\n/var/cache/cloud/vm_dhcp_entry.json.5\n" + DaemonFixture.dhcp(5) + "\n</file>\n"
                + "<script>\n/opt/cloud/bin/update_config.py vm_dhcp_entry.json.5\n</script>\n");

        Run run = run("vr_cfg.sh", "-c", "/var/cache/cloud/VR-1.cfg");

        assertThat(run).isEqualTo(new Run(0, "", ""));
        assertThat(fixture.bags().dhcpEntry().get(IpAddress.parse("10.1.1.5"))).isPresent();
        assertThat(run("vr_cfg.sh", "-c", "VR-2.cfg")).isEqualTo(new Run(1, "/var/cache/cloud/VR-2.cfg: batch file not found\n", ""));
    }

    @Test
    void withoutADaemonTheOneShotLauncherRuns() throws Exception {
        Run update = run("update_config.py", "vm_dhcp_entry.json.1", "false");
        Run batch = run("vr_cfg.sh", "-c", "/var/cache/cloud/VR-1.cfg");

        assertThat(update).isEqualTo(new Run(FAKE_STATUS, "one-shot\n", "update-config|--root|" + root + "|--|vm_dhcp_entry.json.1|false|"));
        assertThat(batch).isEqualTo(new Run(FAKE_STATUS, "one-shot\n", "vr-cfg|--root|" + root + "|-c|/var/cache/cloud/VR-1.cfg|"));
    }

    @Test
    void aSocketLeftByAKilledDaemonMeansOneShot() throws Exception {
        fixture.startDaemon().abandon();
        assertThat(fixture.socket()).exists();

        assertThat(run("update_config.py", "vm_dhcp_entry.json.1").launched()).isEqualTo("update-config|--root|" + root + "|--|vm_dhcp_entry.json.1|");
    }

    @Test
    void argumentsALineCannotCarryGoOneShot() throws Exception {
        daemon = fixture.startDaemon();

        assertThat(run("update_config.py", "two words.json").launched()).isEqualTo("update-config|--root|" + root + "|--|two words.json|");
        assertThat(run("update_config.py", "").launched()).isEqualTo("update-config|--root|" + root + "|--||");
        assertThat(run("vr_cfg.sh", "--dry-run", "-c", "x.cfg").launched()).isEqualTo("vr-cfg|--root|" + root + "|--dry-run|-c|x.cfg|");
    }
}
