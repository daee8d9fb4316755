package org.vrouter.testkit.embedding;

import static java.util.Objects.requireNonNull;

import java.util.function.Supplier;

/**
 * One step of an {@link IsolatedNetworkScenario}: what a controller does, in a user's words, and the
 * element calls that do it.
 *
 * @param title what the step does ({@code start vm-1})
 * @param action makes the element calls and returns what it set up, in one line
 *     ({@code 203.0.113.10:2222 -> 10.1.1.12:22}); throws what the element throws
 */
public record ScenarioStep(String title, Supplier<String> action) {
    public ScenarioStep {
        requireNonNull(title, "title is null");
        requireNonNull(action, "action is null");
    }

    /** Runs the step and returns its one-line outcome. */
    public String run() {
        return action.get();
    }
}
