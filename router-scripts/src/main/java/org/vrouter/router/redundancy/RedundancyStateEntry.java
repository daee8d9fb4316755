package org.vrouter.router.redundancy;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.error.VrouterException;
import org.vrouter.api.router.RedundantState;
import org.vrouter.router.pipeline.ConfigLock;
import org.vrouter.router.pipeline.EntryOutcome;

/**
 * keepalived's notify as an entry point, {@code redundancy-state PRIMARY|BACKUP|FAULT [--stopping]}: its
 * arguments in, exit status and stderr lines out. Shared by the one-shot command line ({@code vrouter
 * redundancy-state}) and {@code vrouterd}'s {@code redundancy-state} request, so that a transition answers
 * the same whichever runs it: 0 entered (stderr: a {@code warning: } line per step that failed and was
 * carried on from), 1 the router has no VRRP instance, 2 the transition failed or waited too long for an
 * update, 64 a usage error. {@code --stopping} ({@code notify_stop}'s) goes with BACKUP only. Stateless.
 */
public final class RedundancyStateEntry {
    /** The usage line of a wrong argument list. */
    public static final String USAGE = "usage: vrouter redundancy-state PRIMARY|BACKUP|FAULT [--stopping] [--root DIR] [--netns NAME]";
    /** {@code notify_stop}'s flag: BACKUP whatever the interface says. */
    public static final String STOPPING = "--stopping";
    private static final String PREFIX = "vrouter redundancy-state: ";

    private RedundancyStateEntry() {}

    /**
     * How a transition ended.
     *
     * @param outcome the exit status and the stderr lines
     * @param entered the state entered (exit 0 only): the one-shot command prints it on stdout
     */
    public record Result(EntryOutcome outcome, Optional<RedundantState> entered) {
        public Result {
            requireNonNull(outcome, "outcome is null");
            requireNonNull(entered, "entered is null");
        }
    }

    /**
     * Runs one transition.
     *
     * @param args the state word and, anywhere, {@code --stopping}; nothing else
     * @throws IOException when the bags, the kernel or the state file could not be read or written (the
     *     caller's edge answers it as exit 2)
     */
    public static Result run(RedundancyTransition transition, List<String> args) throws IOException {
        requireNonNull(transition, "transition is null");
        List<String> words = new ArrayList<>(args);
        boolean stopping = words.remove(STOPPING);
        Optional<RedundantState> requested = words.size() == 1 ? state(words.get(0)) : Optional.empty();
        if (requested.isEmpty() || stopping && requested.get() != RedundantState.BACKUP) {
            return new Result(EntryOutcome.usage(PREFIX + USAGE), Optional.empty());
        }
        try {
            RedundancyTransition.Outcome outcome = stopping ? transition.enterStopping() : transition.enter(requested.get());
            List<String> stderr = outcome.warnings().stream().map(warning -> "warning: " + warning).toList();
            return new Result(new EntryOutcome(0, stderr), Optional.of(outcome.state()));
        }
        catch (InvalidParameterException e) {
            return failed(1, e);
        }
        catch (ConfigLock.LockTimeoutException | VrouterException e) {
            return failed(2, e);
        }
    }

    private static Result failed(int status, Exception e) {
        return new Result(new EntryOutcome(status, List.of(PREFIX + e.getMessage())), Optional.empty());
    }

    /** The state a word names (case ignored; MASTER is PRIMARY), never UNKNOWN. */
    private static Optional<RedundantState> state(String word) {
        try {
            return Optional.of(RedundantState.fromWireName("state", word.toUpperCase(Locale.ROOT))).filter(state -> state != RedundantState.UNKNOWN);
        }
        catch (InvalidParameterException e) {
            return Optional.empty();
        }
    }
}
