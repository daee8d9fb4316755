package org.vrouter.cli.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The benchmark's outputs: the table on stdout (each figure beside its floor, with ratios measured in the
 * same run), {@code router-bench.csv} (one line per figure) and {@code router-bench.svg} (time against N,
 * log scales).
 */
final class BenchReport {
    static final String CSV = "router-bench.csv";
    static final String SVG = "router-bench.svg";
    private static final int LABEL = 66;
    private static final int COLUMN = 13;

    private BenchReport() {}

    private static final String WARM_UPS_NOTE = RouterBench.WARM_UPS + " unmeasured";

    static void table(BenchResults results, PrintStream out) {
        out.println("vrouter bench router");
        out.println("  routers:   " + results.sandbox());
        out.println("  converger: " + results.converger());
        StringBuilder head = new StringBuilder(pad("", LABEL));
        results.sizes().forEach(n -> head.append(String.format(Locale.ROOT, "%" + COLUMN + "s", "N=" + String.format(Locale.ROOT, "%,d", n))));
        out.println(head);
        out.println("converge from scratch");
        withFloor(results, out, Series.SCRATCH_DHCP, Series.FLOOR_DNSMASQ);
        withFloor(results, out, Series.SCRATCH_FIREWALL, Series.FLOOR_RESTORE_FIREWALL);
        withFloor(results, out, Series.SCRATCH_FORWARDS, Series.FLOOR_RESTORE_FORWARDS);
        out.println("add one at size N (median of " + runs(results, Series.ADD_DHCP) + ", after " + WARM_UPS_NOTE + ")");
        for (Series series : List.of(Series.ADD_DHCP, Series.ADD_FIREWALL, Series.ADD_FORWARD)) {
            row(results, out, "  " + series.label(), n -> results.get(series, n).map(BenchReport::millis));
            share(results, out, series);
            settled(results, out, series);
            cold(results, out, series);
            int first = results.sizes().get(0);
            row(results, out, "    ratio to N=" + String.format(Locale.ROOT, "%,d", first), n -> ratio(results, series, n, series, first));
        }
        out.println("small change through update_config.py, router holding N DHCP entries and N/2 firewall rules");
        for (Series series : List.of(Series.ENTRY_DAEMON, Series.ENTRY_RULE_DAEMON, Series.ENTRY_ONE_SHOT)) {
            row(results, out, "  " + series.label() + " (median of " + runs(results, series) + ")",
                    n -> results.get(series, n).map(BenchReport::millis));
            share(results, out, series);
            settled(results, out, series);
        }
        for (Series series : List.of(Series.EACH_FILE, Series.ONE_BATCH)) {
            results.of(series).forEach(figure -> out.println(pad(String.format(Locale.ROOT, "%,d DHCP entries: %s", figure.n(), series.label()), LABEL)
                    + String.format(Locale.ROOT, "%" + COLUMN + "s", millis(figure))));
        }
        if (!results.notes().isEmpty()) {
            out.println("notes:");
            results.notes().forEach(note -> out.println("  - " + note));
        }
    }

    /** The converger's part of a series, when measured (medians of the same runs). */
    private static void share(BenchResults results, PrintStream out, Series series) {
        series.converge().filter(share -> !results.of(share).isEmpty())
                .ifPresent(share -> row(results, out, "    " + share.label(), n -> results.get(share, n).map(BenchReport::millis)));
    }

    /** What vrouterd writes after the reply for one change of a series, when measured (each change settled alone). */
    private static void settled(BenchResults results, PrintStream out, Series series) {
        series.settled().filter(settled -> !results.of(settled).isEmpty())
                .ifPresent(settled -> row(results, out, "    " + settled.label(), n -> results.get(settled, n).map(BenchReport::millis)));
    }

    /** The first run of a series at each size, when measured apart. */
    private static void cold(BenchResults results, PrintStream out, Series series) {
        series.cold().filter(cold -> !results.of(cold).isEmpty())
                .ifPresent(cold -> row(results, out, "    " + cold.label(), n -> results.get(cold, n).map(BenchReport::millis)));
    }

    private static void withFloor(BenchResults results, PrintStream out, Series series, Series floor) {
        row(results, out, "  " + series.label() + " (median of " + runs(results, series) + ")",
                n -> results.get(series, n).map(BenchReport::millis));
        cold(results, out, series);
        row(results, out, "    " + floor.label(), n -> results.get(floor, n).map(BenchReport::millis));
        row(results, out, "    ratio to the floor", n -> ratio(results, series, n, floor, n));
    }

    /** The cell of a row at one size. */
    @FunctionalInterface
    private interface Cell {
        Optional<String> at(int n);
    }

    private static void row(BenchResults results, PrintStream out, String label, Cell cell) {
        StringBuilder line = new StringBuilder(pad(label, LABEL));
        for (int n : results.sizes()) {
            line.append(String.format(Locale.ROOT, "%" + COLUMN + "s", cell.at(n).orElse("-")));
        }
        out.println(line);
    }

    private static Optional<String> ratio(BenchResults results, Series series, int n, Series base, int baseN) {
        Optional<Figure> figure = results.get(series, n);
        Optional<Figure> against = results.get(base, baseN);
        if (figure.isEmpty() || against.isEmpty() || against.get().time().isZero()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%.1fx", figure.get().millis() / against.get().millis()));
    }

    private static int runs(BenchResults results, Series series) {
        return results.of(series).stream().mapToInt(Figure::runs).max().orElse(0);
    }

    private static String millis(Figure figure) {
        return String.format(Locale.ROOT, "%,.1f ms", figure.millis());
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }

    /** Writes the CSV and the SVG plot into {@code directory}; returns their paths. */
    static List<Path> files(BenchResults results, Path directory) throws IOException {
        Files.createDirectories(directory);
        StringBuilder csv = new StringBuilder("series,label,n,millis,runs\n");
        for (Figure figure : results.figures()) {
            csv.append(figure.series().key()).append(",\"").append(figure.series().label()).append("\",").append(figure.n()).append(',')
                    .append(String.format(Locale.ROOT, "%.3f", figure.millis())).append(',').append(figure.runs()).append('\n');
        }
        Path csvFile = directory.resolve(CSV);
        Files.writeString(csvFile, csv, StandardCharsets.UTF_8);
        Path svgFile = directory.resolve(SVG);
        Files.writeString(svgFile, plot(results).render(), StandardCharsets.UTF_8);
        return List.of(csvFile, svgFile);
    }

    private static SvgPlot plot(BenchResults results) {
        SvgPlot plot = new SvgPlot("vrouter router side: time against size (log-log)", "N (entries or rules on the router)", "time (median)");
        for (Series series : Series.values()) {
            if (series == Series.EACH_FILE || series == Series.ONE_BATCH || series.isShare()) {
                continue;
            }
            List<SvgPlot.Point> points = results.of(series).stream().filter(figure -> !figure.time().isZero())
                    .map(figure -> new SvgPlot.Point(figure.n(), figure.millis())).toList();
            plot.add(new SvgPlot.Line(series.label(), points, series.isFloor()));
        }
        return plot;
    }
}
