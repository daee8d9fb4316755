package org.vrouter.commands;

import java.time.Duration;
import java.util.Optional;

/**
 * Asks a redundant router for its VRRP state: CloudStack's {@code CheckRouterCommand}, a query.
 * The resource runs {@code /opt/cloud/bin/checkrouter.sh} and answers with a
 * {@link CheckRouterAnswer} parsed from its {@code Status: PRIMARY|BACKUP|FAULT} line. 30-second
 * timeout, as CloudStack's state poller uses.
 */
public record CheckRouterCommand(AccessDetails accessDetails) implements NetworkElementCommand {
    public CheckRouterCommand {
        CommandChecks.requireRouter(accessDetails);
    }

    @Override
    public boolean isQuery() {
        return true;
    }

    @Override
    public Optional<Duration> timeout() {
        return Optional.of(Duration.ofSeconds(30));
    }
}
