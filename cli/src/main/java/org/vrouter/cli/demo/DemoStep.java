package org.vrouter.cli.demo;

import static java.util.Objects.requireNonNull;

import java.util.List;

import org.vrouter.commands.NetworkElementCommand;

/**
 * One step of the demo story: what a controller asks for, and the router commands it becomes.
 *
 * @param title what the step does, in a user's words
 * @param commands the commands it sends, in order
 */
record DemoStep(String title, List<NetworkElementCommand> commands) {
    DemoStep {
        requireNonNull(title, "title is null");
        commands = List.copyOf(commands);
    }

    static DemoStep of(String title, NetworkElementCommand... commands) {
        return new DemoStep(title, List.of(commands));
    }
}
