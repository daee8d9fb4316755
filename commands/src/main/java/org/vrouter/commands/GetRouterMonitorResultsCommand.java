package org.vrouter.commands;

/**
 * Fetches a router's health-check results: CloudStack's {@code GetRouterMonitorResultsCommand}, a
 * query. The resource first runs {@code filesystem_writable_check.py}, then (unless
 * {@link #validateBasicTestsOnly()}) {@code getRouterMonitorResults.sh true|false};
 * {@link GetRouterMonitorResultsAnswer#fromScriptOutput} parses the output.
 *
 * @param performFreshChecks run the checks now instead of returning the last results
 * @param validateBasicTestsOnly only check that the router answers and its file system is writable
 */
public record GetRouterMonitorResultsCommand(AccessDetails accessDetails, boolean performFreshChecks, boolean validateBasicTestsOnly)
        implements NetworkElementCommand {

    public GetRouterMonitorResultsCommand {
        CommandChecks.requireRouter(accessDetails);
    }

    @Override
    public boolean isQuery() {
        return true;
    }
}
