package org.vrouter.api.agent;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.vrouter.api.command.Answer;
import org.vrouter.api.command.Command;
import org.vrouter.api.command.Commands;

/**
 * Delivers commands to hosts: each host id has at most one registered {@link HypervisorResource},
 * and every command for that host goes to it. This is transport only: a failed {@link Answer} is
 * returned, not thrown (the router manager turns it into an exception); what throws is a host that
 * cannot be reached or a command that does not finish in time.
 *
 * <p>Timeouts: each command's {@link Command#timeout()}, else the manager's default. Threading:
 * implementations are thread-safe; commands for different hosts run concurrently, and a batch for
 * one host runs in order.
 */
public interface AgentManager {
    /**
     * Registers the resource for {@code hostId}, replacing any previous one (a reconnecting host).
     */
    void register(long hostId, HypervisorResource resource);

    /** Unregisters the host's resource; later sends fail with {@link org.vrouter.api.error.AgentUnavailableException}. Unknown ids are ignored. */
    void unregister(long hostId);

    /** Whether a resource is registered for {@code hostId}. */
    boolean isRegistered(long hostId);

    /**
     * Executes one command on the host and returns its answer, successful or not.
     *
     * @throws org.vrouter.api.error.AgentUnavailableException when no resource is registered for the host
     * @throws org.vrouter.api.error.OperationTimedOutException when no answer came within the timeout
     */
    Answer send(long hostId, Command command);

    /**
     * Executes a batch in order. Under {@link Commands.OnError#STOP} no command runs after the
     * first failed answer; under {@link Commands.OnError#CONTINUE} every command runs. Either way
     * there is one answer per command, in command order: a command skipped under STOP gets a failed
     * answer saying it was not executed (never a silently shorter list), so the first failed
     * answer is the real failure.
     *
     * @return the answers in command order, as many as the batch has commands
     * @throws org.vrouter.api.error.AgentUnavailableException when no resource is registered for the host
     * @throws org.vrouter.api.error.OperationTimedOutException when a command got no answer within its timeout
     */
    List<Answer> send(long hostId, Commands commands);

    /**
     * As {@link #send(long, Commands)}, without blocking the caller. The future completes with the
     * answers, or exceptionally with the exceptions {@code send} would throw.
     */
    CompletableFuture<List<Answer>> sendAsync(long hostId, Commands commands);
}
