package org.vrouter.router.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.vrouter.router.converge.IsolatedRouter;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.golden.Golden;

/**
 * The monitoring files of the {@code monitorservice} deliveries under {@code golden/monitor/<case>/input/}
 * (merged in name order), against {@code expected/<router path>} and {@code expected/warnings.txt}.
 */
class MonitorRendererTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "monitor");

    private static Databags deliveries(String testCase) {
        Databags bags = Databags.empty();
        try (Stream<Path> files = Files.list(GOLDEN.resolve(testCase).resolve("input"))) {
            for (Path file : files.sorted().toList()) {
                bags = IsolatedRouter.mergeText(bags, "monitor_service.json", Files.readString(file));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bags;
    }

    @ParameterizedTest
    @ValueSource(strings = {"basic-and-advanced", "defaults-and-odd-records", "settings-kept-across-deliveries"})
    void rendersTheGoldenFiles(String testCase) {
        MonitorInputs.Result mapped = MonitorInputs.from(deliveries(testCase));
        MonitorFiles files = MonitorRenderer.render(mapped.input().orElseThrow());

        files.files().forEach((path, content) -> Golden.assertMatches("monitor", testCase, "expected" + path, content));
        List<String> warnings = new ArrayList<>(mapped.warnings());
        warnings.addAll(files.warnings());
        StringBuilder listing = new StringBuilder();
        files.files().keySet().forEach(path -> listing.append(path).append('\n'));
        warnings.forEach(warning -> listing.append("warning: ").append(warning).append('\n'));
        Golden.assertMatches("monitor", testCase, "expected/files.txt", listing.toString());
    }

    @Test
    void acceptsBothSpellingsOfTheAdvancedInterval() {
        String management = "{\"health_checks_basic_run_interval\":3,\"health_checks_advance_run_interval\":10,\"type\":\"monitorservice\",\"delete_from_processed_cache\":true}";
        String router = "{\"health_checks_basic_run_interval\":3,\"health_checks_advanced_run_interval\":10,\"type\":\"monitorservice\",\"delete_from_processed_cache\":true}";

        MonitorFiles fromManagement = MonitorRenderer.render(MonitorInputs.from(IsolatedRouter.mergeText(Databags.empty(), "monitor_service.json",
                management)).input().orElseThrow());
        MonitorFiles fromRouter = MonitorRenderer.render(MonitorInputs.from(IsolatedRouter.mergeText(Databags.empty(), "monitor_service.json",
                router)).input().orElseThrow());

        assertThat(fromRouter).isEqualTo(fromManagement);
        assertThat(fromManagement.files().get(MonitorFiles.CRON)).contains("*/10 * * * * root cd /root && test -f monitorServices.py"
                + " && /usr/bin/python3 monitorServices.py advanced\n");
        assertThat(fromManagement.files().get(MonitorFiles.HEALTH_CHECKS_DATA)).contains("\"health_checks_advanced_run_interval\": 10,");
    }

    @Test
    void schedulesLongIntervalsInWholeHoursOrDays() {
        List<String> warnings = new ArrayList<>();

        assertThat(MonitorRenderer.schedule("f", 59, warnings)).isEqualTo("*/59 * * * *");
        assertThat(MonitorRenderer.schedule("f", 120, warnings)).isEqualTo("0 */2 * * *");
        assertThat(MonitorRenderer.schedule("f", 1440, warnings)).isEqualTo("0 0 * * *");
        assertThat(warnings).isEmpty();
        assertThat(MonitorRenderer.schedule("f", 5000, warnings)).isEqualTo("0 0 * * *");
        assertThat(warnings).containsExactly("monitorservice.f: 5000 minutes scheduled once a day");
    }

    @Test
    void rendersNothingBeforeAnySettingsArrive() {
        assertThat(MonitorInputs.from(Databags.empty()).input()).isEmpty();
    }
}
