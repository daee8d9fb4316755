package org.vrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The router distribution router-scripts builds in its package phase ({@code target/vrouter-router-dist.tar.gz}),
 * checked here because cli's tests run once router-scripts is packaged: unpacked, it holds CloudStack's entry
 * points, the launcher and the router side's jars only, and its launcher, run from where it was unpacked,
 * converges boot arguments on a dry-run root. Skipped with a message when the tarball has not been built
 * (a build of cli alone), failed instead under {@code CI=true}.
 */
class RouterDistributionTest {
    private static final Path TARBALL = Path.of(System.getProperty("basedir", "."))
            .resolve("../router-scripts/target/vrouter-router-dist.tar.gz").normalize();
    private static final String CMD_LINE = "{\"type\":\"cmdline\",\"cmd_line\":{\"template\":\"domP\",\"name\":\"r-12-VM\","
            + "\"eth0ip\":\"10.1.1.1\",\"eth0mask\":\"255.255.255.0\",\"domain\":\"cs2cloud.internal\",\"cidrsize\":\"24\","
            + "\"dhcprange\":\"10.1.1.1\",\"eth1ip\":\"169.254.3.44\",\"eth1mask\":\"255.255.0.0\",\"eth2ip\":\"203.0.113.20\","
            + "\"eth2mask\":\"255.255.255.0\",\"gateway\":\"203.0.113.1\",\"type\":\"router\",\"dns1\":\"8.8.8.8\"}}";

    @TempDir
    Path unpacked;

    @TempDir
    Path root;

    @TempDir
    Path output;

    private record Run(int exitStatus, String stdout, String stderr) {}

    @BeforeEach
    void unpack() throws Exception {
        if (!Files.isRegularFile(TARBALL)) {
            String why = TARBALL + " is not built: package router-scripts first (./mvnw -B package -pl router-scripts -am)";
            if ("true".equals(System.getenv("CI"))) {
                fail(why + "; CI=true, so this is a failure, not a skip");
            }
            Assumptions.abort(why);
        }
        assertThat(run(List.of("tar", "-xzf", TARBALL.toString(), "-C", unpacked.toString())).exitStatus()).isZero();
    }

    @Test
    void holdsTheEntryPointsTheLauncherAndTheRouterSidesJarsOnly() throws IOException {
        for (String script : List.of("opt/cloud/bin/update_config.py", "opt/cloud/bin/vr_cfg.sh", "opt/cloud/bin/checkbatchs2svpn.sh",
                "opt/cloud/bin/netusage.sh", "opt/cloud/bin/vpc_netusage.sh",
                "opt/vrouter/bin/vrouter")) {
            assertThat(Files.isExecutable(unpacked.resolve(script))).as(script + " is executable").isTrue();
        }
        assertThat(unpacked.resolve("opt/vrouter/etc/logback.xml")).isRegularFile();
        List<String> jars;
        try (Stream<Path> files = Files.list(unpacked.resolve("opt/vrouter/lib"))) {
            jars = files.map(file -> file.getFileName().toString().replaceAll("-\\d[^-]*(-SNAPSHOT)?\\.jar$", "")).sorted().toList();
        }
        assertThat(jars).contains("vrouter-router-scripts", "vrouter-commands", "vrouter-api", "jackson-databind", "jackson-core",
                "jackson-annotations", "slf4j-api", "logback-classic", "logback-core");
        assertThat(jars.stream().filter(jar -> jar.startsWith("vrouter-")))
                .as("the router side runs alone: no management-side, hypervisor, testkit or cli jar")
                .containsExactlyInAnyOrder("vrouter-router-scripts", "vrouter-commands", "vrouter-api");
    }

    @Test
    void itsLauncherConvergesBootArgumentsOnADryRunRoot() throws Exception {
        Files.createDirectories(root.resolve("var/cache/cloud"));
        Files.writeString(root.resolve("var/cache/cloud/cmd_line.json"), CMD_LINE, StandardCharsets.UTF_8);

        Run run = launch("update-config", "--dry-run", "--root", root.toString(), "cmd_line.json");

        assertThat(run.exitStatus()).as("stderr: %s", run.stderr()).isZero();
        assertThat(root.resolve("etc/cloudstack/cmdline.json")).isRegularFile();
        assertThat(root.resolve("etc/iptables/rules.v4")).content(StandardCharsets.UTF_8).contains("-A FW_OUTBOUND");
        assertThat(root.resolve("var/log/vrouter/dry-run.log")).content(StandardCharsets.UTF_8)
                .contains("iptables-restore --noflush --wait=10");
        assertThat(root.resolve("var/cache/cloud/cmd_line.json")).doesNotExist();
    }

    @Test
    void itsLauncherReportsTheVersionFromTheJarManifest() throws Exception {
        Run run = launch("version");

        assertThat(run.exitStatus()).isZero();
        assertThat(run.stdout()).matches("vrouter \\d+\\.\\d+\\.\\d+\\S*\n");
    }

    private Run launch(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(unpacked.resolve("opt/vrouter/bin/vrouter").toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    private Run run(List<String> command) throws Exception {
        Path stdout = output.resolve("stdout");
        Path stderr = output.resolve("stderr");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            fail(command + " did not finish in 60 s");
        }
        return new Run(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
    }
}
