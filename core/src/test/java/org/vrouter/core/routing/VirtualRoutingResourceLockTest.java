package org.vrouter.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.vrouter.api.command.Answer;
import org.vrouter.commands.wire.CommandCodec;
import org.vrouter.core.channel.ExecutionResult;

/** {@link VirtualRoutingResource}'s per-router lock: one router's commands never interleave, different routers run in parallel. */
class VirtualRoutingResourceLockTest {
    private final RecordingRouterChannels channels = new RecordingRouterChannels();
    private final VirtualRoutingResource resource = new VirtualRoutingResource(
            new CommandCodec(UUID::randomUUID, Clock.systemUTC()), channels, RoutingTimeouts.defaults(), UUID::randomUUID);
    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void neverInterleavesCommandsForOneRouter() throws Exception {
        Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        AtomicInteger mostAtOnce = new AtomicInteger();
        channels.respond((router, commandLine) -> {
            int now = inFlight.computeIfAbsent(router.name(), name -> new AtomicInteger()).incrementAndGet();
            mostAtOnce.accumulateAndGet(now, Math::max);
            pause(15);
            inFlight.get(router.name()).decrementAndGet();
            return new ExecutionResult(0, "", "");
        });
        List<Future<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(pool.submit(() -> resource.execute(VirtualRoutingResourceTest.password("r-1-VM"))));
        }
        for (Future<Answer> answer : answers) {
            assertThat(answer.get(30, TimeUnit.SECONDS).success()).isTrue();
        }

        assertThat(mostAtOnce).hasValue(1);
        List<String> events = channels.events();
        assertThat(events).hasSize(8 * 4);
        for (int i = 0; i < events.size(); i += 4) {
            assertThat(events.get(i)).isEqualTo("r-1-VM open");
            assertThat(events.get(i + 1)).startsWith("r-1-VM upload /var/cache/cloud/vm_password.json.");
            assertThat(events.get(i + 2)).startsWith("r-1-VM exec /opt/cloud/bin/update_config.py vm_password.json.");
            assertThat(events.get(i + 3)).isEqualTo("r-1-VM close");
            String file = events.get(i + 1).substring("r-1-VM upload /var/cache/cloud/".length()).split(" ")[0];
            assertThat(events.get(i + 2)).contains(file);
        }
    }

    @Test
    void runsCommandsForDifferentRoutersAtTheSameTime() throws Exception {
        // each router's script waits for the other's: only parallel execution gets both through
        CyclicBarrier bothInside = new CyclicBarrier(2);
        channels.respond((router, commandLine) -> {
            try {
                bothInside.await(10, TimeUnit.SECONDS);
                return new ExecutionResult(0, "", "");
            }
            catch (TimeoutException | BrokenBarrierException e) {
                throw new IOException("the other router's command never ran alongside", e);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        });

        Future<Answer> first = pool.submit(() -> resource.execute(VirtualRoutingResourceTest.password("r-1-VM")));
        Future<Answer> second = pool.submit(() -> resource.execute(VirtualRoutingResourceTest.password("r-2-VM")));

        assertThat(first.get(30, TimeUnit.SECONDS).success()).isTrue();
        assertThat(second.get(30, TimeUnit.SECONDS).success()).isTrue();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
