package org.vrouter.cli.bench;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The options of {@code vrouter bench router}.
 *
 * @param sizes the sizes N (100, 1,000, 10,000; 100 and 1,000 with {@code --quick}; or {@code --sizes a,b})
 * @param quick fewer runs per figure
 * @param dryRun a dry run even where namespaces could be used
 * @param out the directory the CSV and SVG files go to
 * @param perEntryCount the entries of the per-entry targets (500; 50 with {@code --quick})
 * @param apply whether the routers apply their state (the standard converger); {@code --no-apply}
 *     measures the databag side alone (pipeline, vrouterd and clients, with {@code Converger.none()})
 */
record BenchOptions(List<Integer> sizes, boolean quick, boolean dryRun, Path out, int perEntryCount, boolean apply) {
    static final String USAGE = "usage: vrouter bench router [--quick] [--dry-run] [--no-apply] [--sizes N,N...] [--out DIR]";

    BenchOptions {
        sizes = List.copyOf(sizes);
        requireNonNull(out, "out is null");
        if (sizes.isEmpty() || sizes.stream().anyMatch(n -> n < 2 || n > 50_000)) {
            throw new IllegalArgumentException("sizes must be between 2 and 50,000: " + sizes);
        }
    }

    /**
     * Reads the arguments after {@code bench}.
     *
     * @throws IllegalArgumentException with the usage line when they make no sense
     */
    static BenchOptions parse(List<String> args) {
        if (args.isEmpty() || !args.get(0).equals("router")) {
            throw new IllegalArgumentException(USAGE);
        }
        boolean quick = false;
        boolean dryRun = false;
        boolean apply = true;
        Path out = Path.of("vrouter-bench");
        List<Integer> sizes = null;
        for (int i = 1; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--quick" -> quick = true;
                case "--dry-run" -> dryRun = true;
                case "--no-apply" -> apply = false;
                case "--out" -> out = Path.of(value(args, ++i));
                case "--sizes" -> sizes = sizes(value(args, ++i));
                default -> throw new IllegalArgumentException("unknown option " + args.get(i) + "; " + USAGE);
            }
        }
        if (sizes == null) {
            sizes = quick ? List.of(100, 1_000) : List.of(100, 1_000, 10_000);
        }
        return new BenchOptions(sizes, quick, dryRun, out.toAbsolutePath().normalize(), quick ? 50 : 500, apply);
    }

    private static String value(List<String> args, int index) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(args.get(index - 1) + " needs a value; " + USAGE);
        }
        return args.get(index);
    }

    private static List<Integer> sizes(String text) {
        List<Integer> sizes = new ArrayList<>();
        for (String size : text.split(",")) {
            try {
                sizes.add(Integer.parseInt(size.strip()));
            }
            catch (NumberFormatException e) {
                throw new IllegalArgumentException("--sizes: not a number: '" + size + "'", e);
            }
        }
        return sizes;
    }
}
