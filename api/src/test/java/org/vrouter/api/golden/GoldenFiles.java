package org.vrouter.api.golden;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares rendered text with {@code src/test/resources/golden/<concept>/<case>/<file>} as a whole,
 * printing a line diff on mismatch. Only {@code -Dvrouter.golden.update=true} rewrites a golden
 * file; a missing golden file fails the test unless that flag is set.
 */
public final class GoldenFiles {
    /** Set to {@code true} to rewrite golden files (and generated documentation) from the current output. */
    public static final String UPDATE_PROPERTY = "vrouter.golden.update";

    private GoldenFiles() {}

    /** The directory holding the golden cases of {@code concept}. */
    public static Path conceptDirectory(String concept) {
        return Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/golden").resolve(concept);
    }

    /** Whether this run rewrites golden files ({@code -Dvrouter.golden.update=true}). */
    public static boolean updating() {
        return Boolean.getBoolean(UPDATE_PROPERTY);
    }

    public static void assertMatches(String concept, String caseName, String fileName, String actual) {
        Path file = conceptDirectory(concept).resolve(caseName).resolve(fileName);
        try {
            if (updating()) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                fail("golden file " + file + " is missing; run with -D" + UPDATE_PROPERTY + "=true to create it, then review it. Actual:\n"
                        + actual);
            }
            String expected = Files.readString(file, StandardCharsets.UTF_8);
            if (!expected.equals(actual)) {
                fail("rendered text differs from " + file + " (- golden, + actual):\n" + diff(expected, actual));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The repository's root directory: from {@code vrouter.repository.root} (surefire sets it), else
     * from the working directory, the first directory up holding {@code pom.xml}, {@code api/} and
     * {@code docs/}.
     */
    public static Path repositoryRoot() {
        String configured = System.getProperty("vrouter.repository.root", "");
        Path start = configured.isBlank() || configured.contains("${") ? Path.of("") : Path.of(configured);
        for (Path candidate = start.toAbsolutePath(); candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("pom.xml")) && Files.isDirectory(candidate.resolve("api"))
                    && Files.isDirectory(candidate.resolve("docs"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find the repository root from " + start.toAbsolutePath() + ": set -Dvrouter.repository.root");
    }

    /**
     * Checks that the text between the markers {@code begin} and {@code end} of the repository file
     * {@code path} ({@code docs/wire-format.md}) is {@code expected}; with
     * {@code -Dvrouter.golden.update=true} rewrites that section and nothing else.
     */
    public static void assertGeneratedSection(String path, String begin, String end, String expected) {
        Path file = repositoryRoot().resolve(path);
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int from = text.indexOf(begin);
            int to = text.indexOf(end, Math.max(from, 0));
            if (from < 0 || to < 0) {
                fail(file + " lacks the markers " + begin + " and " + end);
            }
            String current = text.substring(from + begin.length(), to);
            if (updating()) {
                Files.writeString(file, text.substring(0, from + begin.length()) + expected + text.substring(to), StandardCharsets.UTF_8);
                return;
            }
            if (!current.equals(expected)) {
                fail("the generated section of " + file + " is out of date; run with -D" + UPDATE_PROPERTY
                        + "=true to rewrite it (- document, + generated):\n" + diff(current, expected));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A line diff from the longest common subsequence; fine for golden files of a few hundred lines. */
    public static String diff(String expected, String actual) {
        String[] a = expected.split("\n", -1);
        String[] b = actual.split("\n", -1);
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                out.add("  " + a[i++]);
                j++;
            }
            else if (j < b.length && (i == a.length || common[i][j + 1] > common[i + 1][j])) {
                out.add("+ " + b[j++]);
            }
            else {
                out.add("- " + a[i++]);
            }
        }
        return String.join("\n", out);
    }
}
