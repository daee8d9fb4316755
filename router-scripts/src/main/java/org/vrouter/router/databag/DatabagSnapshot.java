package org.vrouter.router.databag;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The databags as read from disk, with whatever could not be read.
 *
 * @param databags every bag; an unreadable file is an empty bag, an unreadable entry is left out
 * @param problems what was unreadable, in bag order; empty when everything was read
 */
public record DatabagSnapshot(Databags databags, List<DatabagProblem> problems) {
    public DatabagSnapshot {
        requireNonNull(databags, "databags is null");
        problems = List.copyOf(problems);
    }

    /** Whether a bag's file had a problem. */
    public boolean hasProblems(BagKey key) {
        return problems.stream().anyMatch(problem -> problem.bag() == key);
    }
}
