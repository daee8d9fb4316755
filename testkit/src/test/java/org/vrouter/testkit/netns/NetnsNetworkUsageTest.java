package org.vrouter.testkit.netns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import org.vrouter.api.router.NetworkUsage;
import org.vrouter.testkit.fixture.TestCloud;

/**
 * {@code RouterManager.networkUsage} on a namespace router: the manager's {@code NetworkUsageCommand}s
 * run {@code netusage.sh -g} and {@code -r} through the router launcher against the real
 * {@code NETWORK_STATS} counters, so a guest's connection to the public side shows as bytes sent and
 * received, and a reset starts the count again from zero.
 */
@Tag("root")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(90)
class NetnsNetworkUsageTest {
    private RunningScenario running;

    @BeforeAll
    void runTheScenario() throws IOException {
        running = RunningScenario.start("vu");
    }

    @AfterAll
    void deleteEverything() throws IOException {
        if (running != null) {
            running.close();
        }
    }

    private NetworkUsage usage(boolean reset) {
        return running.vrouter().manager().networkUsage(running.router().id(), reset);
    }

    @Test
    void countsAGuestsTrafficToThePublicSideThenResetsToZero() throws IOException {
        usage(true);
        Optional<String> source = GuestProbes.sourceSeen(running.vrouter().publicClient(), RunningScenario.EGRESS_PORT, running.guest("vm-3"),
                TestCloud.PUBLIC_GATEWAY);
        assertThat(source).as("the guest's connection reached the public side").isPresent();

        NetworkUsage counted = usage(true);
        NetworkUsage afterReset = usage(false);

        assertThat(counted.bytesSent()).isPositive();
        assertThat(counted.bytesReceived()).isPositive();
        assertThat(afterReset.bytesSent()).isZero();
        assertThat(afterReset.bytesReceived()).isZero();
    }
}
