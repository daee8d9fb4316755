package org.vrouter.testkit.simulator;

import static java.util.Objects.requireNonNull;

import org.vrouter.core.channel.ExecutionResult;

/**
 * One script a simulated router ran, in the order it ran: the command line as management sent it
 * ({@code /opt/cloud/bin/update_config.py vm_dhcp_entry.json.<uuid>}), or as the router ran it
 * itself at boot ({@code update_config.py cmd_line.json}), and how it ended.
 */
public record ScriptRun(String commandLine, ExecutionResult result) {
    public ScriptRun {
        requireNonNull(commandLine, "commandLine is null");
        requireNonNull(result, "result is null");
    }

    /**
     * The script's file name ({@code vr_cfg.sh}): the first word of the command line without its
     * directory.
     */
    public String script() {
        String first = commandLine.strip().split("\\s+", 2)[0];
        return first.substring(first.lastIndexOf('/') + 1);
    }

    public boolean succeeded() {
        return result.succeeded();
    }
}
