package org.vrouter.api.error;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import org.vrouter.api.command.Answer;
import org.vrouter.api.command.Command;

/**
 * A command reached its executor (hypervisor or router) and came back with a failed
 * {@link Answer}. Thrown by the dispatch layer so that callers never inspect success flags. Carries
 * the command's class name (the real one, not guessed from the answer's) and the answer's details.
 */
public class CommandFailedException extends VrouterException {
    private static final long serialVersionUID = 1L;

    private final String commandClass;
    private final String details;
    private final String routerName;
    private final String commandId;

    /**
     * @param routerName the instance name of the router the command was for, or null
     * @param command the command that failed
     * @param answer its failed answer
     */
    public CommandFailedException(String routerName, Command command, Answer answer) {
        this(routerName, null, command, answer);
    }

    /**
     * @param routerName the instance name of the router the command was for, or null
     * @param commandId the command's id in its {@link org.vrouter.api.command.Commands} batch
     *     ({@code firewallEgress:204}), or null when it was sent alone
     * @param command the command that failed
     * @param answer its failed answer
     */
    public CommandFailedException(String routerName, String commandId, Command command, Answer answer) {
        super(Category.OPERATION_FAILED, message(routerName, commandId, command, answer));
        this.commandClass = command.getClass().getName();
        this.details = answer.details();
        this.routerName = routerName;
        this.commandId = commandId;
    }

    public CommandFailedException(Command command, Answer answer) {
        this(null, command, answer);
    }

    private static String message(String routerName, String commandId, Command command, Answer answer) {
        requireNonNull(command, "command is null");
        requireNonNull(answer, "answer is null");
        if (answer.success()) {
            throw new IllegalArgumentException("answer to " + command.getClass().getSimpleName() + " succeeded");
        }
        String prefix = routerName == null ? "" : routerName + ": ";
        String details = answer.details().isBlank() ? "no details" : answer.details().strip();
        String id = commandId == null ? "" : " (" + commandId + ")";
        return prefix + command.getClass().getSimpleName() + id + " failed: " + details;
    }

    /** The fully qualified class name of the command that failed. */
    public String commandClass() {
        return commandClass;
    }

    /** The failed answer's details, as the executor reported them. */
    public String details() {
        return details;
    }

    /** The command's id in its batch ({@code dhcp:204}), when it was part of one. */
    public Optional<String> commandId() {
        return Optional.ofNullable(commandId);
    }

    /** The router the command was for, when known. */
    public Optional<String> routerName() {
        return Optional.ofNullable(routerName);
    }
}
