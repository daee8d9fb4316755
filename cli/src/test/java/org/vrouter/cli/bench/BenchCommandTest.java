package org.vrouter.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.router.converge.Converger;

/**
 * The benchmark harness runs end to end and reports: quick mode, tiny sizes, always a dry run (no
 * namespace, no timing asserted), with the real entry scripts and vrouterd.
 */
class BenchCommandTest {
    @TempDir
    Path out;

    @Test
    void runsAndPrintsItsTableCsvAndPlot() throws Exception {
        for (String tool : List.of("/bin/sh", "/usr/bin/nc")) {
            if (!Files.isExecutable(Path.of(tool))) {
                if ("true".equals(System.getenv("CI"))) {
                    fail(tool + " is missing; CI=true, so this is a failure, not a skip");
                }
                Assumptions.abort(tool + " is not installed (Debian: dash, netcat-openbsd)");
            }
        }
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        int status = new BenchCommand(host -> Converger.none(), "none").run(
                List.of("router", "--quick", "--dry-run", "--sizes", "10,30", "--out", out.toString()),
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));

        String table = stdout.toString(StandardCharsets.UTF_8);
        assertThat(status).isZero();
        assertThat(table).contains("routers:   dry run (DryRunHost", "N=10", "N=30", "converge from scratch",
                "DHCP entries, one vr_cfg batch of N files", "one firewall rule (update_config, in process)",
                "update_config.py, vrouterd running (median of 3)", "one more firewall rule (N/2 present), vrouterd running (median of 3)",
                "update_config.py, no vrouterd (one-shot JVM) (median of 1)",
                "50 DHCP entries: vr_cfg.sh, one batch of all entries", "no floor was measured");
        assertThat(table.lines().filter(line -> line.startsWith("  firewall rules, one update_config file of N")))
                .singleElement().asString().matches(".* ms +[0-9.,]+ ms");
        List<String> csv = Files.readAllLines(out.resolve(BenchReport.CSV));
        assertThat(csv.get(0)).isEqualTo("series,label,n,millis,runs");
        assertThat(csv).anyMatch(line -> line.startsWith("entry.oneshot,\"update_config.py, no vrouterd (one-shot JVM)\",30,"));
        assertThat(csv).noneMatch(line -> line.startsWith("floor."));
        assertThat(Files.readString(out.resolve(BenchReport.SVG))).startsWith("<svg ").endsWith("</svg>\n").contains("one DHCP entry");
    }

    @Test
    void rejectsAnythingButRouter() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("network"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("usage: vrouter bench router");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("router", "--sizes", "1"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(BenchOptions.parse(List.of("router", "--quick")).sizes()).containsExactly(100, 1_000);
        assertThat(BenchOptions.parse(List.of("router")).sizes()).containsExactly(100, 1_000, 10_000);
    }
}
