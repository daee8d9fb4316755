package org.vrouter.commands.wire;

import java.util.List;

import org.vrouter.commands.NetworkElementCommand;
import org.vrouter.commands.SetMonitorServiceCommand;

/**
 * Script calls CloudStack adds after a command's payload steps. Today only one: a monitor-service
 * update that asks for reconfiguration also runs {@code configure.py monitor_service.json}. A mapping
 * that may get follow-ups declares their script names ({@link CommandMapping#withFollowUps}).
 */
final class FollowUpSteps {
    private FollowUpSteps() {}

    static List<ConfigItem> after(NetworkElementCommand command) {
        if (command instanceof SetMonitorServiceCommand monitor) {
            return MonitorPayloads.followUps(monitor);
        }
        return List.of();
    }
}
