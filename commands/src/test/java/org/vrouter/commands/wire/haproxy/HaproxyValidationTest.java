package org.vrouter.commands.wire.haproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Passes every rendered golden configuration through the real haproxy ({@code haproxy -c -f}) and
 * requires exit status 0 and no warning. {@code -c} only parses and checks: it binds nothing, so
 * the rule addresses need not exist on this machine (checked with haproxy 2.6.12). It does resolve
 * {@code user haproxy}, which the haproxy package creates.
 *
 * <p>Skipped with a message when haproxy is not installed; under {@code CI=true} a missing haproxy
 * is a failure.
 */
@Tag("system-tool")
class HaproxyValidationTest {
    private static Optional<Path> haproxy = Optional.empty();

    @BeforeAll
    static void findHaproxy() {
        haproxy = locate();
        if (haproxy.isEmpty()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("haproxy is not installed but CI=true: install it (apt-get install -y --no-install-recommends haproxy)");
            }
            Assumptions.abort("haproxy not found on PATH or in /usr/sbin: skipping haproxy -c validation "
                    + "(apt-get install -y --no-install-recommends haproxy to run it)");
        }
    }

    static Stream<String> caseNames() {
        return HaproxyCases.names().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseNames")
    void haproxyAcceptsRenderedConfiguration(String caseName, @TempDir Path directory) throws IOException, InterruptedException {
        Path config = directory.resolve("haproxy.cfg");
        Files.writeString(config, HaproxyConfigRenderer.render(HaproxyCases.all().get(caseName)).text(), StandardCharsets.UTF_8);

        Process process = new ProcessBuilder(List.of(haproxy.orElseThrow().toString(), "-c", "-f", config.toString()))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("haproxy -c did not finish within 60 s for case " + caseName);
        }

        assertThat(process.exitValue()).as("haproxy -c exit status for case %s; haproxy said:%n%s", caseName, output).isZero();
        assertThat(output).as("haproxy -c warnings for case %s", caseName).doesNotContain("[WARNING]");
    }

    private static Optional<Path> locate() {
        List<String> directories = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        // Debian installs haproxy in /usr/sbin, which is not on a normal user's PATH.
        directories.add("/usr/sbin");
        directories.add("/usr/local/sbin");
        return directories.stream()
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, "haproxy"))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
