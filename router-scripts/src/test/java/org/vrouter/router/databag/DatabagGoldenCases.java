package org.vrouter.router.databag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

/** The golden merge cases under {@code golden/databag/<type>/<case>/}, one dynamic test each, for the tests that replay them. */
final class DatabagGoldenCases {
    static final Path CASES = Path.of("src", "test", "resources", "golden", "databag");

    /** Checks one case, named {@code <type>/<case>}, from its directory. */
    @FunctionalInterface
    interface Check {
        void check(String name, Path directory) throws Exception;
    }

    private DatabagGoldenCases() {}

    /** One test per case, in name order; there must be more than 30 of them. */
    static List<DynamicTest> each(Check check) throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> types = Files.list(CASES)) {
            for (Path type : types.sorted().toList()) {
                try (Stream<Path> cases = Files.list(type)) {
                    for (Path testCase : cases.sorted().toList()) {
                        String name = type.getFileName() + "/" + testCase.getFileName();
                        tests.add(DynamicTest.dynamicTest(name, () -> check.check(name, testCase)));
                    }
                }
            }
        }
        assertThat(tests).hasSizeGreaterThan(30);
        return tests;
    }
}
