package org.vrouter.commands;

import org.vrouter.api.command.Command;

/**
 * A command that configures a virtual router (as opposed to one that starts or stops the router's
 * VM). It carries the {@link AccessDetails} that tell the executor which router to reach and how;
 * the wire codec turns it into the JSON file and script call a CloudStack router expects.
 *
 * <p>Implementations are immutable records; their constructors validate every field, so a command
 * that exists is one a router can apply.
 */
public interface NetworkElementCommand extends Command {
    /** The routing envelope: router control IP, name, guest IP, zone network type and the rest. */
    AccessDetails accessDetails();

    /**
     * How many answers CloudStack's resource expects for this command (its {@code getAnswersCount()});
     * it feeds the batch timeout. Two for a JSON command (file + script), the rule count for ACLs.
     */
    default int answersCount() {
        return 2;
    }

    /** Whether CloudStack would run this command in sequence with the VM's other commands. */
    default boolean executeInSequence() {
        return false;
    }
}
