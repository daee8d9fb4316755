package org.vrouter.commands.wire;

import java.util.List;

import org.vrouter.commands.NetworkElementCommand;

/**
 * Script calls CloudStack adds after a command's payload steps. Today only one: a monitor-service
 * update that asks for reconfiguration also runs {@code configure.py monitor_service.json}.
 */
final class FollowUpSteps {
    private FollowUpSteps() {}

    static List<ConfigItem> after(NetworkElementCommand command) {
        return List.of();
    }
}
