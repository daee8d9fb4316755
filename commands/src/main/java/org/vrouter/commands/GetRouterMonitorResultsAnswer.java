package org.vrouter.commands;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

import org.vrouter.api.command.Answer;

/**
 * The answer to a {@link GetRouterMonitorResultsCommand}: CloudStack's
 * {@code GetRouterMonitorResultsAnswer}, the names of failing health checks and the raw results
 * JSON ({@code {"<checkType>": {"<checkName>": {"success": .., "lastUpdate": .., ...}}}}, parsed by
 * whoever stores the results).
 *
 * @param failingChecks check names, in the router's order
 * @param monitoringResults the results JSON text; empty when none were reported
 */
public record GetRouterMonitorResultsAnswer(boolean success, String details, List<String> failingChecks, String monitoringResults)
        implements Answer {

    /** CloudStack's details for empty script output. */
    public static final String NO_RESULTS = "No results available.";

    public GetRouterMonitorResultsAnswer {
        requireNonNull(details, "details is null");
        failingChecks = List.copyOf(requireNonNull(failingChecks, "failingChecks is null"));
        requireNonNull(monitoringResults, "monitoringResults is null");
    }

    /**
     * Parses {@code getRouterMonitorResults.sh} output: the lines after one containing
     * {@code FAILING CHECKS} are comma-separated failing check names; the lines after one
     * containing {@code MONITOR RESULTS} are concatenated into the results JSON. Blank output is a
     * failed answer with details {@value #NO_RESULTS}.
     */
    public static GetRouterMonitorResultsAnswer fromScriptOutput(String output) {
        requireNonNull(output, "output is null");
        if (output.isBlank()) {
            return failure(NO_RESULTS);
        }
        List<String> failing = new ArrayList<>();
        StringBuilder results = new StringBuilder();
        Section section = Section.NONE;
        for (String line : output.split("\\R")) {
            if (line.contains("FAILING CHECKS")) {
                section = Section.FAILING;
            }
            else if (line.contains("MONITOR RESULTS")) {
                section = Section.RESULTS;
            }
            else if (section == Section.FAILING) {
                for (String name : line.split(",")) {
                    if (!name.isBlank()) {
                        failing.add(name.trim());
                    }
                }
            }
            else if (section == Section.RESULTS) {
                results.append(line.trim());
            }
        }
        return new GetRouterMonitorResultsAnswer(true, output, failing, results.toString());
    }

    public static GetRouterMonitorResultsAnswer failure(String details) {
        return new GetRouterMonitorResultsAnswer(false, details, List.of(), "");
    }

    private enum Section {
        NONE,
        FAILING,
        RESULTS
    }
}
