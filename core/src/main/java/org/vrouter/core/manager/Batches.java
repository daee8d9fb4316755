package org.vrouter.core.manager;

import java.util.List;
import java.util.Optional;

import org.vrouter.api.command.Answer;
import org.vrouter.api.command.Command;
import org.vrouter.api.command.Commands;
import org.vrouter.api.error.CommandFailedException;

/**
 * Batches of router commands: building one under ids, and turning its answers into "completed or
 * exception" (the dispatch layer of the api's contract).
 */
final class Batches {
    private Batches() {}

    /** A batch of {@code commands} under {@code id}, or {@code id:0}, {@code id:1}... when there are several; empty when there are none. */
    static Commands of(Commands.OnError onError, String id, List<? extends Command> commands) {
        Commands.Builder batch = Commands.builder(onError);
        for (int i = 0; i < commands.size(); i++) {
            batch.add(commands.size() == 1 ? id : id + ":" + i, commands.get(i));
        }
        return batch.build();
    }

    /**
     * Returns when every answer succeeded.
     *
     * @throws CommandFailedException for the first failed answer, naming the router, the command's
     *     id and class, and the answer's details (commands skipped after it are not the cause)
     * @throws IllegalStateException when the agent broke its contract of one answer per command
     */
    static void requireSuccess(String routerName, Commands commands, List<Answer> answers) {
        if (answers.size() != commands.size()) {
            throw new IllegalStateException(routerName + ": " + answers.size() + " answers to " + commands.size() + " commands");
        }
        for (int i = 0; i < answers.size(); i++) {
            Answer answer = answers.get(i);
            if (!answer.success()) {
                Commands.Entry entry = commands.entries().get(i);
                throw new CommandFailedException(routerName, entry.id(), entry.command(), answer);
            }
        }
    }

    /** The answer to the command under {@code id}, if the batch has one. */
    static Optional<Answer> answer(Commands commands, List<Answer> answers, String id) {
        for (int i = 0; i < commands.size() && i < answers.size(); i++) {
            if (commands.entries().get(i).id().equals(id)) {
                return Optional.of(answers.get(i));
            }
        }
        return Optional.empty();
    }
}
