package org.vrouter.router.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalHostTest {
    @TempDir
    Path root;

    @Test
    void resolvesRouterPathsUnderTheRoot() {
        Host host = LocalHost.at(root);

        assertThat(host.resolve("/etc/haproxy/haproxy.cfg")).isEqualTo(root.resolve("etc/haproxy/haproxy.cfg"));
        assertThat(host.resolve("/")).isEqualTo(root);
        assertThat(LocalHost.system().resolve("/etc/hosts")).isEqualTo(Path.of("/etc/hosts"));
    }

    @Test
    void tellsTheProgramOfALiveProcessByItsPidFile() throws Exception {
        Host host = LocalHost.at(root);
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            host.writeText("/run/vrouter/sleeper.pid", sleeper.pid() + "\n", FileMode.PUBLIC);

            assertThat(host.liveProcessCommand("/run/vrouter/sleeper.pid")).hasValueSatisfying(command -> assertThat(command).endsWith("sleep"));
        }
        finally {
            sleeper.destroyForcibly().waitFor();
        }
        assertThat(host.liveProcessCommand("/run/vrouter/sleeper.pid")).as("after the process ended").isEmpty();
        host.writeText("/run/vrouter/garbage.pid", "not a pid", FileMode.PUBLIC);
        assertThat(host.liveProcessCommand("/run/vrouter/garbage.pid")).isEmpty();
        assertThat(host.liveProcessCommand("/run/vrouter/missing.pid")).isEmpty();
    }

    @Test
    void rejectsPathsThatAreNotAbsoluteAndNormalised() {
        Host host = LocalHost.at(root);

        for (String bad : new String[] {"etc/hosts", "/etc/../root/x", "/etc/./hosts", "/etc//hosts", "/etc/hosts/", ""}) {
            assertThatThrownBy(() -> host.resolve(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("router path");
        }
    }

    @Test
    void writesCreatingParentsAndReadsBack() throws IOException {
        Host host = LocalHost.at(root);

        host.writeText("/etc/dnsmasq.d/cloud.conf", "domain=example\n", FileMode.PUBLIC);

        assertThat(host.readText("/etc/dnsmasq.d/cloud.conf")).contains("domain=example\n");
        assertThat(Files.readString(root.resolve("etc/dnsmasq.d/cloud.conf"))).isEqualTo("domain=example\n");
        assertThat(host.exists("/etc/dnsmasq.d")).isTrue();
    }

    @Test
    void readOfAMissingFileIsEmpty() throws IOException {
        assertThat(LocalHost.at(root).read("/etc/nothing")).isEmpty();
    }

    @Test
    void setsTheRequestedModeWhateverTheUmask() throws IOException {
        Host host = LocalHost.at(root);

        host.writeText("/etc/ipsec.secrets", "psk", FileMode.SECRET);
        host.writeText("/opt/cloud/bin/run.sh", "#!/bin/sh\n", FileMode.EXECUTABLE);
        host.writeText("/etc/shared", "x", FileMode.of(0664));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("etc/ipsec.secrets")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("opt/cloud/bin/run.sh")))).isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("etc/shared")))).isEqualTo("rw-rw-r--");
    }

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryFile() throws IOException {
        Host host = LocalHost.at(root);
        host.writeText("/etc/hosts", "old\n", FileMode.PUBLIC);

        host.writeText("/etc/hosts", "new\n", FileMode.SECRET);

        assertThat(host.readText("/etc/hosts")).contains("new\n");
        try (var files = Files.list(root.resolve("etc"))) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("hosts");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("etc/hosts")))).isEqualTo("rw-------");
    }

    @Test
    void listsSortedNamesWithoutTemporaryFilesOfAnUnfinishedWrite() throws IOException {
        Host host = LocalHost.at(root);
        host.writeText("/etc/ipsec.d/b.conf", "b", FileMode.PUBLIC);
        host.writeText("/etc/ipsec.d/a.conf", "a", FileMode.PUBLIC);
        // what a crash between the temporary write and the rename leaves behind
        Files.writeString(root.resolve("etc/ipsec.d/.vrouter-a.conf.123.tmp"), "half", StandardCharsets.UTF_8);

        assertThat(host.list("/etc/ipsec.d")).containsExactly("a.conf", "b.conf");
        assertThat(host.list("/etc/missing")).isEmpty();
    }

    @Test
    void deletesFilesAndSaysWhetherThereWasOne() throws IOException {
        Host host = LocalHost.at(root);
        host.writeText("/etc/hosts", "x", FileMode.PUBLIC);

        assertThat(host.delete("/etc/hosts")).isTrue();
        assertThat(host.delete("/etc/hosts")).isFalse();
        assertThat(host.exists("/etc/hosts")).isFalse();
        assertThatThrownBy(() -> host.delete("/")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void runsAnArgvWithoutAShell() throws IOException {
        ProgramResult result = LocalHost.at(root).run(ProgramCall.of("echo", "$(id)", "a b;c"));

        assertThat(result.succeeded()).isTrue();
        assertThat(result.stdout()).isEqualTo("$(id) a b;c\n");
    }

    @Test
    void feedsInputAndCollectsBothOutputsAndTheExitStatus() throws IOException {
        ProgramResult result = LocalHost.at(root).run(
                ProgramCall.of("sh", "-c", "cat; echo oops >&2; exit 3").withStdin("line one\nline two\n"));

        assertThat(result.exitStatus()).isEqualTo(3);
        assertThat(result.stdout()).isEqualTo("line one\nline two\n");
        assertThat(result.stderr()).isEqualTo("oops\n");
        assertThat(result.firstErrorLine()).isEqualTo("oops");
        assertThatThrownBy(result::requireSuccess)
                .isInstanceOf(ProgramFailedException.class)
                .hasMessage("sh -c 'cat; echo oops >&2; exit 3' exited 3: oops");
    }

    @Test
    void passesLargeInputAndOutputWithoutBlocking() throws IOException {
        String big = "0123456789abcdef\n".repeat(200_000);

        ProgramResult result = LocalHost.at(root).run(ProgramCall.of("cat").withStdin(big));

        assertThat(result.stdout()).hasSize(big.length()).isEqualTo(big);
    }

    @Test
    void killsAProgramThatRunsPastItsTimeout() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> LocalHost.at(root).run(ProgramCall.of("sleep", "30").withTimeout(Duration.ofMillis(200))))
                .isInstanceOf(ProgramTimeoutException.class)
                .hasMessageContaining("sleep 30 did not finish within 200 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void failsToRunAProgramThatDoesNotExist() {
        assertThatThrownBy(() -> LocalHost.at(root).run(ProgramCall.of("/nonexistent/program")))
                .isInstanceOf(IOException.class);
    }
}
