package org.vrouter.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Rules the api module keeps so plugin authors can depend on it alone: it imports nothing but the
 * JDK, slf4j and itself; every package has a package-info; every public top-level type has a
 * class comment.
 */
class ApiModuleTest {
    private static final Path SOURCES = Path.of("src/main/java/org/vrouter/api");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern PUBLIC_TYPE = Pattern.compile("^public (?:final |abstract |sealed )*(?:class|interface|record|enum) ",
            Pattern.MULTILINE);

    @Test
    void importsOnlyTheJdkSlf4jAndItself() {
        List<String> offending = new ArrayList<>();
        for (Path file : javaFiles()) {
            Matcher matcher = IMPORT.matcher(read(file));
            while (matcher.find()) {
                String imported = matcher.group(1);
                if (!imported.startsWith("java.") && !imported.startsWith("javax.") && !imported.startsWith("org.slf4j.")
                        && !imported.startsWith("org.vrouter.api.")) {
                    offending.add(SOURCES.relativize(file) + ": " + imported);
                }
            }
        }
        assertThat(offending).as("imports outside the JDK, slf4j-api and org.vrouter.api").isEmpty();
    }

    @Test
    void everyPackageHasAPackageInfo() throws IOException {
        try (Stream<Path> directories = Files.walk(SOURCES)) {
            List<Path> missing = directories.filter(Files::isDirectory)
                    .filter(directory -> !Files.exists(directory.resolve("package-info.java")))
                    .toList();
            assertThat(missing).isEmpty();
        }
    }

    @Test
    void everyPublicTopLevelTypeHasAClassComment() {
        List<String> undocumented = new ArrayList<>();
        for (Path file : javaFiles()) {
            String text = read(file);
            Matcher matcher = PUBLIC_TYPE.matcher(text);
            if (matcher.find()) {
                String before = text.substring(0, matcher.start()).stripTrailing();
                // skip annotations between the comment and the declaration
                while (before.contains("\n") && before.substring(before.lastIndexOf('\n') + 1).strip().startsWith("@")) {
                    before = before.substring(0, before.lastIndexOf('\n')).stripTrailing();
                }
                if (!before.endsWith("*/")) {
                    undocumented.add(SOURCES.relativize(file).toString());
                }
            }
        }
        assertThat(undocumented).as("public types without a class comment").isEmpty();
    }

    private static List<Path> javaFiles() {
        assertThat(SOURCES).as("run from the api module directory").isDirectory();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<Path> java = files.filter(file -> file.toString().endsWith(".java")).toList();
            assertThat(java).hasSizeGreaterThan(50);
            return java;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
