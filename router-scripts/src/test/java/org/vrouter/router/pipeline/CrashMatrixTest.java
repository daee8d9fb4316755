package org.vrouter.router.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.router.databag.Databags;
import org.vrouter.router.host.FaultInjectingHost;
import org.vrouter.router.host.HostHaltedException;

/**
 * Crash safety: a run is broken at each of its writes in turn, by a power loss (the host halts) or by a
 * transient I/O error, and then run again with fresh objects over the same files. The second run must
 * succeed and leave the databags, the converge and the archive as a run that was never broken.
 */
class CrashMatrixTest {
    @TempDir
    Path temp;

    /** One scenario: files to deliver, then a run on a host. */
    private record Scenario(String name, Consumer<PipelineFixture> deliver, Function<PipelineFixture, Function<FaultInjectingHost, PipelineResult>> run) {}

    private static final List<Scenario> SCENARIOS = List.of(
            new Scenario("update_config with pending boot arguments", fixture -> {
                fixture.deliver("cmd_line.json", Payloads.CMD_LINE);
                fixture.deliver("guest_network.json.1", Payloads.GUEST_NETWORK);
            }, fixture -> host -> fixture.updateConfig(host).run(List.of("guest_network.json.1"))),
            new Scenario("vr_cfg batch", fixture -> fixture.write("/var/cache/cloud/VR-1.cfg", batch()),
                    fixture -> host -> fixture.vrCfg(host).run("/var/cache/cloud/VR-1.cfg")));

    private static String batch() {
        return "#Apache CloudStack Virtual Router Config File\n<version>\n1.0\n</version>\n"
                + "<file>\n/var/cache/cloud/ip_associations.json.1\n" + Payloads.IPS + "\n</file>\n"
                + "<script>\n/opt/cloud/bin/update_config.py ip_associations.json.1\n</script>\n"
                + "<file>\n/var/cache/cloud/firewall_rules.json.1\n" + Payloads.FIREWALL + "\n</file>\n"
                + "<script>\n/opt/cloud/bin/update_config.py firewall_rules.json.1\n</script>\n"
                + "<file>\n/var/cache/cloud/vm_dhcp_entry.json.1\n" + Payloads.DHCP + "\n</file>\n"
                + "<script>\n/opt/cloud/bin/update_config.py vm_dhcp_entry.json.1 false\n</script>\n";
    }

    @TestFactory
    List<DynamicTest> everyInterruptedRunConvergesWhenRunAgain() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Scenario scenario : SCENARIOS) {
            Expected expected = cleanRun(scenario);
            assertThat(expected.writes).as(scenario.name() + " writes").isGreaterThan(3);
            for (int nth = 1; nth <= expected.writes; nth++) {
                for (FaultInjectingHost.Mode mode : FaultInjectingHost.Mode.values()) {
                    int at = nth;
                    tests.add(DynamicTest.dynamicTest(scenario.name() + ", " + mode + " at write " + at, () -> interrupted(scenario, at, mode, expected)));
                }
            }
        }
        return tests;
    }

    private record Expected(int writes, Databags bags, List<String> processed) {}

    private Expected cleanRun(Scenario scenario) throws Exception {
        PipelineFixture fixture = new PipelineFixture(Files.createTempDirectory(temp, "clean"));
        scenario.deliver().accept(fixture);
        FaultInjectingHost counting = FaultInjectingHost.counting(fixture.host);
        assertThat(scenario.run().apply(fixture).apply(counting).exitCode()).isZero();
        return new Expected(counting.writes(), fixture.bags(), fixture.processed());
    }

    private void interrupted(Scenario scenario, int nth, FaultInjectingHost.Mode mode, Expected expected) throws Exception {
        PipelineFixture fixture = new PipelineFixture(Files.createTempDirectory(temp, "broken"));
        scenario.deliver().accept(fixture);
        FaultInjectingHost broken = new FaultInjectingHost(fixture.host, FaultInjectingHost.Operation.WRITE, nth, mode);
        if (mode == FaultInjectingHost.Mode.HALT) {
            assertThatThrownBy(() -> scenario.run().apply(fixture).apply(broken)).isInstanceOf(HostHaltedException.class);
        }
        else {
            PipelineResult failed = scenario.run().apply(fixture).apply(broken);
            assertThat(failed.exitCode()).isEqualTo(2);
            assertThat(failed.message()).contains("injected failure at write #" + nth);
        }

        PipelineFixture restarted = new PipelineFixture(fixture.root);
        PipelineResult again = scenario.run().apply(restarted).apply(FaultInjectingHost.counting(restarted.host));

        assertThat(again.exitCode()).as(again.message()).isZero();
        assertThat(restarted.bags()).isEqualTo(expected.bags());
        assertThat(restarted.processed()).isEqualTo(expected.processed());
        assertThat(restarted.cache()).isEmpty();
        assertThat(restarted.converger.requests()).as("a re-run that had work left converged once").hasSizeLessThanOrEqualTo(1);
        Databags converged = restarted.converger.requests().isEmpty()
                ? fixture.converger.last().databags() : restarted.converger.last().databags();
        assertThat(converged).isEqualTo(expected.bags());
    }
}
