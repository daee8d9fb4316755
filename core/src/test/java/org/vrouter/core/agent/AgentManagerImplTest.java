package org.vrouter.core.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vrouter.api.command.Answer;
import org.vrouter.api.command.Commands;
import org.vrouter.api.command.Commands.OnError;
import org.vrouter.api.error.AgentUnavailableException;
import org.vrouter.api.error.OperationTimedOutException;
import org.vrouter.api.error.ResourceUnavailableException;
import org.vrouter.api.metrics.Metrics;

class AgentManagerImplTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final AgentManagerImpl agents = new AgentManagerImpl(pool, metrics, Duration.ofSeconds(10), Duration.ZERO);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private static Commands batch(OnError onError, String... names) {
        Commands.Builder builder = Commands.builder(onError);
        for (String name : names) {
            builder.add(name, TestCommand.named(name));
        }
        return builder.build();
    }

    /** Fails the commands whose name starts with "bad". */
    private static ScriptedResource failingBadOnes() {
        return ScriptedResource.answering(command -> ScriptedResource.nameOf(command).startsWith("bad")
                ? Answer.failure("script exited 1") : Answer.success("ok"));
    }

    @Test
    void sendsACommandToTheResourceOfItsHost() {
        ScriptedResource three = ScriptedResource.succeeding();
        ScriptedResource four = ScriptedResource.succeeding();
        agents.register(3, three);
        agents.register(4, four);

        Answer answer = agents.send(4, TestCommand.named("checkSsh"));

        assertThat(answer).isEqualTo(Answer.success("checkSsh"));
        assertThat(four.executedNames()).containsExactly("checkSsh");
        assertThat(three.executedNames()).isEmpty();
    }

    @Test
    void commandsRunOnTheExecutorNotOnTheCaller() {
        ScriptedResource resource = ScriptedResource.succeeding();
        agents.register(3, resource);

        agents.send(3, TestCommand.named("one"));

        assertThat(resource.threads()).singleElement().isNotEqualTo(Thread.currentThread().getName());
    }

    @Test
    void anUnregisteredHostIsUnavailable() {
        agents.register(3, ScriptedResource.succeeding());
        agents.unregister(3);
        agents.unregister(42);

        assertThat(agents.isRegistered(3)).isFalse();
        assertThatThrownBy(() -> agents.send(3, TestCommand.named("one")))
                .isInstanceOfSatisfying(AgentUnavailableException.class, e -> assertThat(e.hostId()).isEqualTo(3))
                .hasMessageContaining("host 3");
        assertThatThrownBy(() -> agents.send(3, batch(OnError.STOP, "one"))).isInstanceOf(AgentUnavailableException.class);
        assertThat(agents.sendAsync(3, batch(OnError.STOP, "one"))).failsWithin(Duration.ofSeconds(5))
                .withThrowableOfType(ExecutionException.class).withCauseInstanceOf(AgentUnavailableException.class);
    }

    @Test
    void registeringAgainReplacesTheResource() {
        ScriptedResource old = ScriptedResource.succeeding();
        ScriptedResource reconnected = ScriptedResource.succeeding();
        agents.register(3, old);
        agents.register(3, reconnected);

        agents.send(3, TestCommand.named("one"));

        assertThat(old.executedNames()).isEmpty();
        assertThat(reconnected.executedNames()).containsExactly("one");
    }

    @Test
    void underStopNothingRunsAfterAFailedAnswerAndTheSkippedOnesSaySo() {
        ScriptedResource resource = failingBadOnes();
        agents.register(3, resource);

        List<Answer> answers = agents.send(3, batch(OnError.STOP, "first", "bad-second", "third", "fourth"));

        assertThat(resource.executedNames()).containsExactly("first", "bad-second");
        assertThat(answers).extracting(Answer::success).containsExactly(true, false, false, false);
        assertThat(answers.get(1).details()).isEqualTo("script exited 1");
        assertThat(answers.subList(2, 4)).allSatisfy(answer -> assertThat(answer.details())
                .isEqualTo(AgentManagerImpl.NOT_EXECUTED + " (bad-second: TestCommand)"));
        assertThat(metrics.count(AgentManagerImpl.SKIPPED_METRIC, Map.of("command", "TestCommand"))).isEqualTo(2);
    }

    @Test
    void underContinueEveryCommandRunsAndAnswers() {
        ScriptedResource resource = failingBadOnes();
        agents.register(3, resource);

        List<Answer> answers = agents.send(3, batch(OnError.CONTINUE, "first", "bad-second", "third", "bad-fourth"));

        assertThat(resource.executedNames()).containsExactly("first", "bad-second", "third", "bad-fourth");
        assertThat(answers).extracting(Answer::success).containsExactly(true, false, true, false);
    }

    @Test
    void aResourceThatDoesNotAnswerInTimeIsATimeoutAndItsWorkerIsInterrupted() {
        ScriptedResource resource = ScriptedResource.holding();
        agents.register(3, resource);
        long start = System.nanoTime();

        assertThatThrownBy(() -> agents.send(3, TestCommand.withTimeout("slow", Duration.ofMillis(200))))
                .isInstanceOfSatisfying(OperationTimedOutException.class,
                        e -> assertThat(e.timeout()).isEqualTo(Duration.ofMillis(200)))
                .hasMessage("TestCommand on host 3 did not finish within 200 ms");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        awaitTrue(resource::interrupted);
        assertThat(metrics.count(AgentManagerImpl.FAILURE_METRIC, Map.of("command", "TestCommand", "reason", "timeout"))).isEqualTo(1);
    }

    @Test
    void theDefaultTimeoutAppliesToCommandsWithoutOne() {
        AgentManagerImpl impatient = new AgentManagerImpl(pool, Metrics.NOOP, Duration.ofMillis(150), Duration.ZERO);
        impatient.register(3, ScriptedResource.holding());

        assertThatThrownBy(() -> impatient.send(3, TestCommand.named("slow")))
                .isInstanceOf(OperationTimedOutException.class).hasMessageContaining("within 150 ms");
    }

    @Test
    void theGraceLetsAResourceAnswerJustAfterTheTimeout() {
        AgentManagerImpl patient = new AgentManagerImpl(pool, Metrics.NOOP, Duration.ofSeconds(10), Duration.ofSeconds(5));
        patient.register(3, ScriptedResource.answering(command -> {
            sleep(300);
            return Answer.failure("timed out after 100 ms");
        }));

        Answer answer = patient.send(3, TestCommand.withTimeout("slow", Duration.ofMillis(100)));

        assertThat(answer).isEqualTo(Answer.failure("timed out after 100 ms"));
    }

    @Test
    void aTimeoutEndsTheBatchEvenUnderContinue() {
        ScriptedResource resource = ScriptedResource.answering(command -> {
            if (ScriptedResource.nameOf(command).equals("hangs")) {
                sleep(5_000);
            }
            return Answer.success("ok");
        });
        agents.register(3, resource);
        Commands commands = Commands.builder(OnError.CONTINUE)
                .add("first", TestCommand.named("first"))
                .add("hangs", TestCommand.withTimeout("hangs", Duration.ofMillis(100)))
                .add("after", TestCommand.named("after"))
                .build();

        assertThatThrownBy(() -> agents.send(3, commands)).isInstanceOf(OperationTimedOutException.class);
        assertThat(resource.executedNames()).containsExactly("first", "hangs");
    }

    @Test
    void aResourceThatThrowsGivesAFailedAnswerWithTheMessage() {
        agents.register(3, ScriptedResource.answering(command -> {
            throw new IllegalStateException("libvirt connection lost");
        }));

        Answer answer = agents.send(3, TestCommand.named("start"));

        assertThat(answer.success()).isFalse();
        assertThat(answer.details()).contains("TestCommand failed in the hypervisor resource").contains("libvirt connection lost");
        assertThat(metrics.count(AgentManagerImpl.FAILURE_METRIC, Map.of("command", "TestCommand", "reason", "exception"))).isEqualTo(1);
        assertThat(metrics.durations(AgentManagerImpl.DURATION_METRIC, Map.of("command", "TestCommand", "result", "error"))).hasSize(1);
    }

    @Test
    void aNullAnswerIsAFailedAnswer() {
        agents.register(3, ScriptedResource.answering(command -> null));

        assertThat(agents.send(3, TestCommand.named("start")).success()).isFalse();
    }

    @Test
    void anErrorInTheResourceIsNotTurnedIntoAnAnswer() {
        agents.register(3, ScriptedResource.answering(command -> {
            throw new AssertionError("bug");
        }));

        assertThatThrownBy(() -> agents.send(3, TestCommand.named("start"))).isInstanceOf(AssertionError.class).hasMessage("bug");
    }

    @Test
    void durationsAndFailuresAreMeasuredPerCommandClassAndResult() {
        agents.register(3, failingBadOnes());

        agents.send(3, batch(OnError.CONTINUE, "one", "bad-two", "three"));

        assertThat(metrics.durations(AgentManagerImpl.DURATION_METRIC, Map.of("command", "TestCommand", "result", "success"))).hasSize(2);
        assertThat(metrics.durations(AgentManagerImpl.DURATION_METRIC, Map.of("command", "TestCommand", "result", "failure"))).hasSize(1);
        assertThat(metrics.count(AgentManagerImpl.FAILURE_METRIC, Map.of("command", "TestCommand", "reason", "failed"))).isEqualTo(1);
    }

    @Test
    void sendAsyncReturnsAtOnceAndCompletesWhenTheResourceAnswers() throws Exception {
        ScriptedResource resource = ScriptedResource.holding();
        agents.register(3, resource);

        CompletableFuture<List<Answer>> answers = agents.sendAsync(3, batch(OnError.STOP, "one", "two"));

        assertThat(answers).isNotDone();
        resource.release();
        assertThat(answers.get(5, TimeUnit.SECONDS)).hasSize(2);
        assertThat(resource.executedNames()).containsExactly("one", "two");
    }

    @Test
    void sendAsyncReportsATimeoutExceptionally() {
        agents.register(3, ScriptedResource.holding());

        CompletableFuture<List<Answer>> answers = agents.sendAsync(3, Commands.of("slow", TestCommand.withTimeout("slow", Duration.ofMillis(100))));

        assertThat(answers).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(OperationTimedOutException.class);
    }

    @Test
    void aRejectingExecutorMakesTheHostUnavailable() {
        AgentManagerImpl saturated = new AgentManagerImpl(task -> {
            throw new RejectedExecutionException("queue full");
        }, metrics);
        saturated.register(3, ScriptedResource.succeeding());

        assertThatThrownBy(() -> saturated.send(3, TestCommand.named("one")))
                .isInstanceOf(ResourceUnavailableException.class).hasMessageContaining("rejected TestCommand");
        assertThat(metrics.count(AgentManagerImpl.FAILURE_METRIC, Map.of("command", "TestCommand", "reason", "rejected"))).isEqualTo(1);
    }

    @Test
    void batchesForManyHostsShareOneWorkerWithoutStarving() {
        ExecutorService single = Executors.newSingleThreadExecutor();
        try {
            AgentManagerImpl oneThread = new AgentManagerImpl(single, Metrics.NOOP);
            List<ScriptedResource> resources = new ArrayList<>();
            List<CompletableFuture<List<Answer>>> futures = new ArrayList<>();
            for (long host = 1; host <= 10; host++) {
                ScriptedResource resource = ScriptedResource.succeeding();
                resources.add(resource);
                oneThread.register(host, resource);
            }
            for (long host = 1; host <= 10; host++) {
                futures.add(oneThread.sendAsync(host, batch(OnError.STOP, "a", "b", "c", "d", "e")));
            }

            assertThat(CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))).succeedsWithin(Duration.ofSeconds(10));
            assertThat(resources).allSatisfy(resource -> assertThat(resource.executedNames()).containsExactly("a", "b", "c", "d", "e"));
        }
        finally {
            single.shutdownNow();
        }
    }

    @Test
    void concurrentCallersEachGetTheirOwnAnswersInOrder() throws Exception {
        agents.register(3, ScriptedResource.succeeding());
        agents.register(4, ScriptedResource.succeeding());
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<List<Answer>>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                long host = 3 + i % 2;
                String prefix = "c" + i + "-";
                results.add(callers.submit(() -> agents.send(host, batch(OnError.STOP, prefix + "1", prefix + "2", prefix + "3"))));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get(10, TimeUnit.SECONDS)).extracting(Answer::details)
                        .containsExactly("c" + i + "-1", "c" + i + "-2", "c" + i + "-3");
            }
        }
        finally {
            callers.shutdownNow();
        }
    }

    @Test
    void rejectsNonPositiveTimeoutsAndHostIds() {
        assertThatThrownBy(() -> new AgentManagerImpl(pool, Metrics.NOOP, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> agents.register(0, ScriptedResource.succeeding())).hasMessageContaining("host_id");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 5 s").isLessThan(deadline);
            sleep(10);
        }
    }
}
