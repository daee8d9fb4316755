package org.vrouter.router.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.vrouter.router.host.SystemTools;

/**
 * The router distribution's CloudStack entry points, {@code /opt/cloud/bin/update_config.py},
 * {@code vr_cfg.sh}, {@code checkbatchs2svpn.sh}, {@code netusage.sh} and {@code vpc_netusage.sh}: POSIX shell scripts that, with no vrouterd to ask, hand their arguments to the vrouter
 * launcher unchanged and return its exit status. Run with {@code dash} (Debian's {@code /bin/sh}) against a
 * fake launcher.
 */
class LaunchersTest {
    private static final String DIRECTORY = "/router-dist/opt/cloud/bin/";

    @TempDir
    Path temp;

    private String resource(String name) throws IOException {
        try (InputStream in = LaunchersTest.class.getResourceAsStream(DIRECTORY + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"update_config.py", "vr_cfg.sh", "checkbatchs2svpn.sh", "netusage.sh", "vpc_netusage.sh"})
    void isAPosixShellScript(String name) throws IOException {
        String script = resource(name);

        assertThat(script).startsWith("#!/bin/sh\n").doesNotContain("[[").doesNotContain("function ").doesNotContain("$'");
    }

    @Test
    void updateConfigPassesItsArgumentsAndExitStatus() throws Exception {
        Result result = launch("update_config.py", 2, "vm_dhcp_entry.json.6d1f", "false");

        assertThat(result.arguments).isEqualTo("update-config|--root|" + temp + "|--|vm_dhcp_entry.json.6d1f|false|");
        assertThat(result.exitStatus).isEqualTo(2);
    }

    @Test
    void vrCfgPassesItsArgumentsAndExitStatus() throws Exception {
        Result result = launch("vr_cfg.sh", 1, "-c", "/var/cache/cloud/VR-1.cfg");

        assertThat(result.arguments).isEqualTo("vr-cfg|--root|" + temp + "|-c|/var/cache/cloud/VR-1.cfg|");
        assertThat(result.exitStatus).isEqualTo(1);
    }

    @Test
    void theTunnelCheckPassesCloudStacksPeerArgument() throws Exception {
        Result result = launch("checkbatchs2svpn.sh", 0, "198.51.100.7 192.0.2.9 ");

        assertThat(result.arguments).isEqualTo("s2s-status|--root|" + temp + "|--|198.51.100.7 192.0.2.9 |");
        assertThat(result.exitStatus).isZero();
    }

    @Test
    void netusagePassesItsFlagsAndExitStatus() throws Exception {
        Result result = launch("netusage.sh", 2, "-g");

        assertThat(result.arguments).isEqualTo("netusage|--root|" + temp + "|--|-g|");
        assertThat(result.exitStatus).isEqualTo(2);
    }

    @Test
    void vpcNetusagePassesItsFlagsAndExitStatus() throws Exception {
        Result result = launch("vpc_netusage.sh", 0, "-r", "-l", "198.51.100.10", "-v", "10.1.0.0/16");

        assertThat(result.arguments).isEqualTo("vpc-netusage|--root|" + temp + "|--|-r|-l|198.51.100.10|-v|10.1.0.0/16|");
        assertThat(result.exitStatus).isZero();
    }

    private record Result(String arguments, int exitStatus) {}

    private Result launch(String name, int exitStatus, String... args) throws Exception {
        SystemTools.require("dash");
        Path script = temp.resolve(name);
        Files.writeString(script, resource(name));
        Path fake = temp.resolve("vrouter");
        Path record = temp.resolve("arguments");
        Files.writeString(fake, "#!/bin/sh\nfor a in \"$@\"; do printf '%s|' \"$a\"; done > '" + record + "'\nexit " + exitStatus + "\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> command = new ArrayList<>(List.of("dash", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("VROUTER", fake.toString());
        // a root without a daemon: the scripts hand over to the launcher (ClientScriptsTest covers the daemon)
        builder.environment().put("VROUTER_ROOT", temp.toString());
        Process process = builder.start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return new Result(Files.readString(record), process.exitValue());
    }
}
