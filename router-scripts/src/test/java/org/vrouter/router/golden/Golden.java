package org.vrouter.router.golden;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Golden files under {@code src/test/resources/golden/<concept>/<case>/}: compared as whole texts,
 * with a line diff on failure. Only {@code -Dvrouter.golden.update=true} rewrites them.
 */
public final class Golden {
    private static final Path ROOT = Path.of("src", "test", "resources", "golden");

    private Golden() {}

    /** The text of an input file of a case. */
    public static String read(String concept, String testCase, String file) {
        Path path = ROOT.resolve(concept).resolve(testCase).resolve(file);
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read golden input " + path, e);
        }
    }

    /** Fails with a diff unless {@code actual} equals the golden file (or rewrites it under the update flag). */
    public static void assertMatches(String concept, String testCase, String file, String actual) {
        Path path = ROOT.resolve(concept).resolve(testCase).resolve(file);
        try {
            if (Boolean.getBoolean("vrouter.golden.update")) {
                Files.createDirectories(path.getParent());
                Files.writeString(path, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(path)) {
                fail("golden file " + path + " is missing; review the output below and run with -Dvrouter.golden.update=true\n"
                        + actual);
            }
            String expected = Files.readString(path, StandardCharsets.UTF_8);
            if (!expected.equals(actual)) {
                fail("output differs from golden file " + path + " (- expected, + actual):\n" + diff(expected, actual));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A line diff by longest common subsequence (golden files are small). */
    static String diff(String expected, String actual) {
        List<String> a = List.of(expected.split("\n", -1));
        List<String> b = List.of(actual.split("\n", -1));
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                lines.add("  " + a.get(i++));
                j++;
            }
            else if (j < b.size() && (i == a.size() || common[i][j + 1] >= common[i + 1][j])) {
                lines.add("+ " + b.get(j++));
            }
            else {
                lines.add("- " + a.get(i++));
            }
        }
        return String.join("\n", lines);
    }
}
