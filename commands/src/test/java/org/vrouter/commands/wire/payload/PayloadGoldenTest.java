package org.vrouter.commands.wire.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Round trip of every golden payload under {@code golden/payload/<json type>/}: {@code <case>.json} is the
 * canonical wire form (CloudStack's Gson output); it must parse and come back byte for byte. An optional
 * {@code <case>.in.json} is another accepted input (old field names, the router's own spelling, Python's
 * spacing) that must produce {@code <case>.json}. {@code -Dvrouter.golden.update=true} rewrites the
 * canonical files from the current output.
 */
class PayloadGoldenTest {
    private static final String INPUT_SUFFIX = ".in.json";

    private final PayloadCodec codec = new PayloadCodec();

    @TestFactory
    Stream<DynamicTest> everyGoldenRoundTrips() {
        return Goldens.cases().stream().map(golden -> DynamicTest.dynamicTest(golden.name(), () -> roundTrip(golden)));
    }

    @Test
    void everyDatabagTypeHasAGoldenThatRoundTrips() {
        for (DatabagType type : DatabagType.values()) {
            List<Goldens.Case> cases = Goldens.cases().stream().filter(golden -> golden.type().equals(type.jsonType())).toList();
            assertThat(cases).as("golden cases of %s", type).isNotEmpty();
            cases.forEach(this::roundTrip);
        }
    }

    @Test
    void goldenDirectoriesAreNamedAfterJsonTypes() throws IOException {
        try (Stream<Path> directories = Files.list(Goldens.ROOT)) {
            List<String> names = directories.map(path -> path.getFileName().toString()).toList();
            assertThat(DatabagType.jsonTypes()).containsAll(names);
        }
    }

    private void roundTrip(Goldens.Case golden) {
        String input = golden.input();
        Payload payload = codec.parse(input);
        assertThat(payload.type()).isEqualTo(golden.type());
        assertThat(codec.parse(input, payload.databagType().payloadClass())).isEqualTo(payload);

        String output = codec.toJson(payload);
        if (Goldens.UPDATE) {
            golden.writeExpected(output);
            return;
        }
        String expected = golden.expected();
        Goldens.assertSameTree(output, expected);
        assertThat(output).as("byte-for-byte output of %s", golden.name()).isEqualTo(expected);
        assertThat(codec.parse(output)).as("re-parsed output of %s", golden.name()).isEqualTo(payload);
        if (!golden.hasSeparateInput()) {
            Goldens.assertSameTree(output, input);
        }
    }

    /** The golden files on disk (read from the source tree, so an update rewrites the real files). */
    static final class Goldens {
        static final Path ROOT = Path.of("src/test/resources/golden/payload");
        static final boolean UPDATE = Boolean.getBoolean("vrouter.golden.update");

        private Goldens() {}

        record Case(String type, Path expectedFile) {
            String name() {
                return type + "/" + expectedFile.getFileName();
            }

            Path inputFile() {
                String name = expectedFile.getFileName().toString();
                Path separate = expectedFile.resolveSibling(name.substring(0, name.length() - ".json".length()) + INPUT_SUFFIX);
                return Files.exists(separate) ? separate : expectedFile;
            }

            boolean hasSeparateInput() {
                return !inputFile().equals(expectedFile);
            }

            String input() {
                return read(inputFile());
            }

            String expected() {
                return read(expectedFile);
            }

            void writeExpected(String json) {
                try {
                    Files.writeString(expectedFile, json + "\n", StandardCharsets.UTF_8);
                }
                catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        static List<Case> cases() {
            try (Stream<Path> files = Files.walk(ROOT, 2)) {
                return files.filter(path -> path.toString().endsWith(".json") && !path.toString().endsWith(INPUT_SUFFIX))
                        .sorted()
                        .map(path -> new Case(path.getParent().getFileName().toString(), path))
                        .toList();
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The golden text of {@code <type>/<case>.json}. */
        static String read(String typeAndCase) {
            return read(ROOT.resolve(typeAndCase + ".json"));
        }

        /** A file's text without its final newline: the files end in one, the wire form does not. */
        static String read(Path file) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static void assertSameTree(String actual, String expected) {
            assertThat(JsonTrees.pretty(actual)).as("JSON structure").isEqualTo(JsonTrees.pretty(expected));
            assertThat(JsonTrees.tree(actual)).isEqualTo(JsonTrees.tree(expected));
        }
    }
}
