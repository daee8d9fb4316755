package org.vrouter.testkit.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.vrouter.api.agent.AgentManager;
import org.vrouter.api.agent.HypervisorResource;
import org.vrouter.api.command.Answer;
import org.vrouter.api.command.Command;
import org.vrouter.api.command.Commands;
import org.vrouter.api.error.AgentUnavailableException;

/**
 * A test {@link AgentManager} that runs every command on the caller's thread, without timeouts;
 * a batch under STOP ends its answer list at the first failure. Enough to put a recorder in front
 * of a simulator in tests of this module.
 */
public final class InlineAgentManager implements AgentManager {
    private final Map<Long, HypervisorResource> resources = new ConcurrentHashMap<>();

    @Override
    public void register(long hostId, HypervisorResource resource) {
        resources.put(hostId, resource);
    }

    @Override
    public void unregister(long hostId) {
        resources.remove(hostId);
    }

    @Override
    public boolean isRegistered(long hostId) {
        return resources.containsKey(hostId);
    }

    @Override
    public Answer send(long hostId, Command command) {
        return resource(hostId).execute(command);
    }

    @Override
    public List<Answer> send(long hostId, Commands commands) {
        HypervisorResource resource = resource(hostId);
        List<Answer> answers = new ArrayList<>();
        for (Command command : commands.commands()) {
            Answer answer = resource.execute(command);
            answers.add(answer);
            if (!answer.success() && commands.onError() == Commands.OnError.STOP) {
                break;
            }
        }
        return answers;
    }

    @Override
    public CompletableFuture<List<Answer>> sendAsync(long hostId, Commands commands) {
        try {
            return CompletableFuture.completedFuture(send(hostId, commands));
        }
        catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private HypervisorResource resource(long hostId) {
        HypervisorResource resource = resources.get(hostId);
        if (resource == null) {
            throw new AgentUnavailableException(hostId, "no resource registered for host " + hostId);
        }
        return resource;
    }
}
