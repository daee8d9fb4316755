package org.vrouter.cli.bench;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * Everything one benchmark run measured, with how: the sizes, where the routers ran, which converger
 * they used and any notes (a floor measured on a stand-in ruleset, say).
 */
record BenchResults(List<Integer> sizes, String sandbox, String converger, List<Figure> figures, List<String> notes) {
    BenchResults {
        sizes = List.copyOf(sizes);
        requireNonNull(sandbox, "sandbox is null");
        requireNonNull(converger, "converger is null");
        figures = List.copyOf(figures);
        notes = List.copyOf(notes);
    }

    Optional<Figure> get(Series series, int n) {
        return figures.stream().filter(figure -> figure.series() == series && figure.n() == n).findFirst();
    }

    List<Figure> of(Series series) {
        return figures.stream().filter(figure -> figure.series() == series).toList();
    }
}
