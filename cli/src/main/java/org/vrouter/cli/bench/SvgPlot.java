package org.vrouter.cli.bench;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A small log-log line plot written as SVG text: one polyline with point markers per series (dashed for
 * floors), decade grid lines, axis labels and a legend. No library: the benchmark's plot is a page of
 * text, deterministic for the same figures.
 */
final class SvgPlot {
    private static final int WIDTH = 1040;
    private static final int HEIGHT = 560;
    private static final int LEFT = 80;
    private static final int RIGHT = 400;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
        "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31"};

    /** A point of a series: x and y, both positive. */
    record Point(double x, double y) {
        Point {
            if (!(x > 0) || !(y > 0)) {
                throw new IllegalArgumentException("a log-log point needs positive coordinates: " + x + ", " + y);
            }
        }
    }

    /** A named line. */
    record Line(String name, List<Point> points, boolean dashed) {
        Line {
            requireNonNull(name, "name is null");
            points = List.copyOf(points);
        }
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Line> lines = new ArrayList<>();

    SvgPlot(String title, String xLabel, String yLabel) {
        this.title = requireNonNull(title, "title is null");
        this.xLabel = requireNonNull(xLabel, "xLabel is null");
        this.yLabel = requireNonNull(yLabel, "yLabel is null");
    }

    SvgPlot add(Line line) {
        if (!line.points().isEmpty()) {
            lines.add(line);
        }
        return this;
    }

    /** The SVG document. */
    String render() {
        double[] x = decades(lines.stream().flatMap(line -> line.points().stream()).mapToDouble(Point::x).toArray());
        double[] y = decades(lines.stream().flatMap(line -> line.points().stream()).mapToDouble(Point::y).toArray());
        StringBuilder svg = new StringBuilder(8192);
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        text(svg, WIDTH / 2.0 - RIGHT / 2.0, 25, "middle", 15, title);
        grid(svg, x, y);
        for (int i = 0; i < lines.size(); i++) {
            line(svg, lines.get(i), COLOURS[i % COLOURS.length], x, y);
            legend(svg, lines.get(i), COLOURS[i % COLOURS.length], i);
        }
        return svg.append("</svg>\n").toString();
    }

    /** The decade range [low, high] (as exponents) covering the values, at least one decade wide. */
    private static double[] decades(double[] values) {
        double min = 1;
        double max = 10;
        if (values.length > 0) {
            min = Arrays.stream(values).min().getAsDouble();
            max = Arrays.stream(values).max().getAsDouble();
        }
        double low = Math.floor(Math.log10(min));
        double high = Math.ceil(Math.log10(max));
        return new double[] {low, Math.max(high, low + 1)};
    }

    private static double px(double value, double[] range) {
        return LEFT + (Math.log10(value) - range[0]) / (range[1] - range[0]) * (WIDTH - LEFT - RIGHT);
    }

    private static double py(double value, double[] range) {
        return HEIGHT - BOTTOM - (Math.log10(value) - range[0]) / (range[1] - range[0]) * (HEIGHT - TOP - BOTTOM);
    }

    private void grid(StringBuilder svg, double[] x, double[] y) {
        for (int e = (int) x[0]; e <= (int) x[1]; e++) {
            double at = px(Math.pow(10, e), x);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n", at, TOP, at, HEIGHT - BOTTOM));
            text(svg, at, HEIGHT - BOTTOM + 18, "middle", 12, String.format(Locale.ROOT, "%,d", Math.round(Math.pow(10, e))));
        }
        for (int e = (int) y[0]; e <= (int) y[1]; e++) {
            double at = py(Math.pow(10, e), y);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n", LEFT, at, WIDTH - RIGHT, at));
            text(svg, LEFT - 8, at + 4, "end", 12, millis(Math.pow(10, e)));
        }
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#444\"/>%n", LEFT, TOP,
                WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM));
        text(svg, LEFT + (WIDTH - LEFT - RIGHT) / 2.0, HEIGHT - 18, "middle", 13, xLabel);
        svg.append(String.format(Locale.ROOT, "<text x=\"18\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"13\" transform=\"rotate(-90 18 %.1f)\">%s</text>%n",
                TOP + (HEIGHT - TOP - BOTTOM) / 2.0, TOP + (HEIGHT - TOP - BOTTOM) / 2.0, escape(yLabel)));
    }

    private static String millis(double value) {
        if (value >= 1000) {
            return String.format(Locale.ROOT, "%,.0f s", value / 1000);
        }
        return value >= 1 ? String.format(Locale.ROOT, "%.0f ms", value) : String.format(Locale.ROOT, "%s ms", value);
    }

    private static void line(StringBuilder svg, Line line, String colour, double[] x, double[] y) {
        StringBuilder points = new StringBuilder();
        for (Point point : line.points()) {
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px(point.x(), x), py(point.y(), y)));
        }
        svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
                points.toString().strip(), colour, line.dashed() ? " stroke-dasharray=\"6 4\"" : ""));
        for (Point point : line.points()) {
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", px(point.x(), x), py(point.y(), y), colour));
        }
    }

    private static void legend(StringBuilder svg, Line line, String colour, int index) {
        double top = TOP + 10 + index * 20;
        double left = WIDTH - RIGHT + 16;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"%s/>%n", left, top,
                left + 24, top, colour, line.dashed() ? " stroke-dasharray=\"6 4\"" : ""));
        text(svg, left + 30, top + 4, "start", 11, line.name());
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, int size, String content) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>%n", x, y, anchor, size,
                escape(content)));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
