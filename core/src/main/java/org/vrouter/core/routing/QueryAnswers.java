package org.vrouter.core.routing;

import java.util.Map;
import java.util.function.Function;

import org.vrouter.api.command.Answer;
import org.vrouter.commands.CheckRouterAnswer;
import org.vrouter.commands.CheckRouterCommand;
import org.vrouter.commands.CheckS2SVpnConnectionsAnswer;
import org.vrouter.commands.CheckS2SVpnConnectionsCommand;
import org.vrouter.commands.GetDomRVersionAnswer;
import org.vrouter.commands.GetDomRVersionCommand;
import org.vrouter.commands.GetRouterMonitorResultsAnswer;
import org.vrouter.commands.GetRouterMonitorResultsCommand;
import org.vrouter.commands.NetworkElementCommand;
import org.vrouter.commands.NetworkUsageAnswer;
import org.vrouter.commands.NetworkUsageCommand;

/**
 * The typed answer of each query: how its script output is read, and what its failure looks like
 * (a failed {@code CheckRouterAnswer} still says UNKNOWN, so callers never handle a plain answer
 * where they expect a state). A query without an entry here answers with its plain output.
 */
final class QueryAnswers {
    private record Reader(Function<String, Answer> fromOutput, Function<String, Answer> failure) {
    }

    private static final Map<Class<?>, Reader> READERS = Map.of(
            CheckRouterCommand.class, new Reader(CheckRouterAnswer::fromScriptOutput, CheckRouterAnswer::failure),
            GetDomRVersionCommand.class, new Reader(GetDomRVersionAnswer::fromScriptOutput, GetDomRVersionAnswer::failure),
            CheckS2SVpnConnectionsCommand.class,
            new Reader(CheckS2SVpnConnectionsAnswer::fromScriptOutput, CheckS2SVpnConnectionsAnswer::failure),
            GetRouterMonitorResultsCommand.class,
            new Reader(GetRouterMonitorResultsAnswer::fromScriptOutput, GetRouterMonitorResultsAnswer::failure),
            NetworkUsageCommand.class, new Reader(NetworkUsageAnswer::fromScriptOutput, NetworkUsageAnswer::failure));

    private QueryAnswers() {}

    /** The answer to {@code query} whose last script printed {@code stdout} and exited 0. */
    static Answer fromOutput(NetworkElementCommand query, String stdout) {
        Reader reader = READERS.get(query.getClass());
        return reader == null ? Answer.success(stdout) : reader.fromOutput().apply(stdout);
    }

    /** The failed answer to {@code query}, of the type its caller expects. */
    static Answer failure(NetworkElementCommand query, String details) {
        Reader reader = READERS.get(query.getClass());
        return reader == null ? Answer.failure(details) : reader.failure().apply(details);
    }
}
