package org.vrouter.core.agent;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.vrouter.api.agent.HypervisorResource;
import org.vrouter.api.command.Answer;
import org.vrouter.api.command.Command;
import org.vrouter.api.dc.HypervisorType;

/**
 * A hand-written fake resource: answers with a function of the command, records what it executed,
 * and can hold commands until released or until interrupted.
 */
final class ScriptedResource implements HypervisorResource {
    private final Function<Command, Answer> behaviour;
    private final List<Command> executed = new CopyOnWriteArrayList<>();
    private final List<String> threads = new CopyOnWriteArrayList<>();
    private final CountDownLatch release;
    private volatile boolean interrupted;

    private ScriptedResource(Function<Command, Answer> behaviour, CountDownLatch release) {
        this.behaviour = behaviour;
        this.release = release;
    }

    /** Answers success with the command's name as details. */
    static ScriptedResource succeeding() {
        return new ScriptedResource(command -> Answer.success(nameOf(command)), new CountDownLatch(0));
    }

    static ScriptedResource answering(Function<Command, Answer> behaviour) {
        return new ScriptedResource(behaviour, new CountDownLatch(0));
    }

    /** Holds every command until {@link #release()}; answers success. */
    static ScriptedResource holding() {
        return new ScriptedResource(command -> Answer.success(nameOf(command)), new CountDownLatch(1));
    }

    static String nameOf(Command command) {
        return command instanceof TestCommand test ? test.name() : command.getClass().getSimpleName();
    }

    @Override
    public HypervisorType type() {
        return HypervisorType.SIMULATOR;
    }

    @Override
    public Answer execute(Command command) {
        executed.add(command);
        threads.add(Thread.currentThread().getName());
        try {
            if (!release.await(30, TimeUnit.SECONDS)) {
                return Answer.failure("test resource was never released");
            }
        }
        catch (InterruptedException e) {
            interrupted = true;
            Thread.currentThread().interrupt();
            return Answer.failure("interrupted");
        }
        return behaviour.apply(command);
    }

    void release() {
        release.countDown();
    }

    List<String> executedNames() {
        return executed.stream().map(ScriptedResource::nameOf).toList();
    }

    List<String> threads() {
        return threads;
    }

    boolean interrupted() {
        return interrupted;
    }
}
