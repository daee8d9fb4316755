package org.vrouter.core.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.vrouter.commands.NetworkElementCommand;

/**
 * The open aggregation batch of each router: the commands queued between Start and Finish. Each
 * router's entry is touched only under that router's lock; the map itself is shared.
 */
final class RouterBatches {
    private final Map<String, List<NetworkElementCommand>> open = new ConcurrentHashMap<>();

    boolean isOpen(String router) {
        return open.containsKey(router);
    }

    /** Opens a batch; false when one is already open (it is left as it is). */
    boolean open(String router) {
        return open.putIfAbsent(router, new ArrayList<>()) == null;
    }

    /** Queues {@code command}; the batch must be open. */
    void add(String router, NetworkElementCommand command) {
        List<NetworkElementCommand> queue = open.get(router);
        if (queue == null) {
            throw new IllegalStateException("no batch open for " + router);
        }
        queue.add(command);
    }

    /** Closes the batch and returns what was queued; empty when none was open. */
    Optional<List<NetworkElementCommand>> close(String router) {
        return Optional.ofNullable(open.remove(router)).map(List::copyOf);
    }
}
