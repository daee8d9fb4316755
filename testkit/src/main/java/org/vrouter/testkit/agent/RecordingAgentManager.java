package org.vrouter.testkit.agent;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.vrouter.api.agent.AgentManager;
import org.vrouter.api.agent.HypervisorResource;
import org.vrouter.api.command.Answer;
import org.vrouter.api.command.Command;
import org.vrouter.api.command.Commands;
import org.vrouter.commands.AggregationControlCommand;
import org.vrouter.commands.NetworkElementCommand;

/**
 * An {@link AgentManager} that passes everything to another one and records every command sent:
 * the host, the batch entry id, the command, its answer (or the exception the manager threw), in
 * the order the answers came back. Tests then ask what was sent ({@link #commandsOfType},
 * {@link #forRouter}, {@link #lastBatch}) or print {@link #dump()} when an assertion fails.
 *
 * <p>A batch is recorded once it is answered: each command with its answer, and commands left
 * without one (a manager that ends the answer list at a failure) with none. When the manager throws
 * for a batch, each of its commands is recorded with the exception's message. Registration calls
 * are not recorded.
 *
 * <p>Thread-safe; the record of one batch is never interleaved with another's.
 */
public final class RecordingAgentManager implements AgentManager {
    private final AgentManager delegate;
    private final List<RecordedCommand> recorded = new ArrayList<>();

    public RecordingAgentManager(AgentManager delegate) {
        this.delegate = requireNonNull(delegate, "delegate is null");
    }

    @Override
    public void register(long hostId, HypervisorResource resource) {
        delegate.register(hostId, resource);
    }

    @Override
    public void unregister(long hostId) {
        delegate.unregister(hostId);
    }

    @Override
    public boolean isRegistered(long hostId) {
        return delegate.isRegistered(hostId);
    }

    @Override
    public Answer send(long hostId, Command command) {
        requireNonNull(command, "command is null");
        Answer answer;
        try {
            answer = delegate.send(hostId, command);
        }
        catch (RuntimeException e) {
            record(hostId, Commands.of("command", command), List.of(), Optional.of(messageOf(e)), false);
            throw e;
        }
        record(hostId, Commands.of("command", command), answer == null ? List.of() : List.of(answer), Optional.empty(), false);
        return answer;
    }

    @Override
    public List<Answer> send(long hostId, Commands commands) {
        requireNonNull(commands, "commands is null");
        List<Answer> answers;
        try {
            answers = delegate.send(hostId, commands);
        }
        catch (RuntimeException e) {
            record(hostId, commands, List.of(), Optional.of(messageOf(e)), true);
            throw e;
        }
        record(hostId, commands, answers, Optional.empty(), true);
        return answers;
    }

    @Override
    public CompletableFuture<List<Answer>> sendAsync(long hostId, Commands commands) {
        requireNonNull(commands, "commands is null");
        return delegate.sendAsync(hostId, commands).whenComplete((answers, failure) -> {
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                record(hostId, commands, List.of(), Optional.of(messageOf(cause)), true);
            }
            else {
                record(hostId, commands, answers, Optional.empty(), true);
            }
        });
    }

    private synchronized void record(long hostId, Commands commands, List<Answer> answers, Optional<String> error, boolean batch) {
        for (int i = 0; i < commands.size(); i++) {
            Commands.Entry entry = commands.entries().get(i);
            Optional<Answer> answer = i < answers.size() ? Optional.ofNullable(answers.get(i)) : Optional.empty();
            recorded.add(new RecordedCommand(recorded.size() + 1, hostId, batch ? Optional.of(entry.id()) : Optional.empty(),
                    entry.command(), answer, error));
        }
    }

    private static String messageOf(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** Everything recorded, in order. */
    public synchronized List<RecordedCommand> recorded() {
        return List.copyOf(recorded);
    }

    /** The commands of type {@code type} (subtypes included), in order. */
    public <T extends Command> List<T> commandsOfType(Class<T> type) {
        return recorded().stream().map(RecordedCommand::command).filter(type::isInstance).map(type::cast).toList();
    }

    /** What was sent to {@code hostId}, in order. */
    public List<RecordedCommand> sentTo(long hostId) {
        return recorded().stream().filter(command -> command.hostId() == hostId).toList();
    }

    /** What was sent for router {@code name} (router commands, its start, stop and checks), in order. */
    public List<RecordedCommand> forRouter(String name) {
        return recorded().stream().filter(command -> command.routerName().filter(name::equals).isPresent()).toList();
    }

    /** The commands whose answer was a failure, or that got none. */
    public List<RecordedCommand> failures() {
        return recorded().stream().filter(command -> !command.succeeded()).toList();
    }

    /** The last command recorded. */
    public synchronized Optional<RecordedCommand> last() {
        return recorded.isEmpty() ? Optional.empty() : Optional.of(recorded.get(recorded.size() - 1));
    }

    /**
     * The commands of the last aggregated batch router {@code name} received: those between its last
     * aggregation Finish and the Start before it, without the two.
     *
     * @throws IllegalStateException when no batch was finished for the router; the message holds
     *     what the router was sent
     */
    public List<NetworkElementCommand> lastBatch(String name) {
        List<RecordedCommand> mine = forRouter(name);
        int finish = lastIndexOf(mine, mine.size(), AggregationControlCommand.Action.FINISH);
        int start = finish < 0 ? -1 : lastIndexOf(mine, finish, AggregationControlCommand.Action.START);
        if (start < 0) {
            throw new IllegalStateException("no aggregated batch was finished for router " + name + "; it was sent:\n"
                    + mine.stream().map(RecordedCommand::describe).collect(Collectors.joining("\n")));
        }
        return mine.subList(start + 1, finish).stream().map(RecordedCommand::command)
                .filter(NetworkElementCommand.class::isInstance).map(NetworkElementCommand.class::cast).toList();
    }

    private static int lastIndexOf(List<RecordedCommand> commands, int before, AggregationControlCommand.Action action) {
        for (int i = before - 1; i >= 0; i--) {
            if (commands.get(i).command() instanceof AggregationControlCommand control && control.action() == action) {
                return i;
            }
        }
        return -1;
    }

    /** Forgets everything recorded so far. */
    public synchronized void clear() {
        recorded.clear();
    }

    /** Every recorded command, one {@linkplain RecordedCommand#describe() line} each: for failure messages. */
    public String dump() {
        List<RecordedCommand> all = recorded();
        if (all.isEmpty()) {
            return "(no commands recorded)";
        }
        return all.stream().map(RecordedCommand::describe).collect(Collectors.joining("\n"));
    }

    @Override
    public String toString() {
        return "RecordingAgentManager[" + recorded().size() + " commands, delegate " + delegate + "]";
    }
}
