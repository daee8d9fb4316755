package org.vrouter.router.databag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.vrouter.commands.wire.payload.Payload;
import org.vrouter.commands.wire.payload.PayloadCodec;
import org.vrouter.router.golden.Golden;
import org.vrouter.router.host.LocalHost;

/**
 * Golden merges: each case under {@code golden/databag/<type>/<case>/} holds optional starting bags
 * ({@code before/<key>.json}), CloudStack payloads applied in name order ({@code 1-*.json}, {@code 2-*.json}...)
 * and the expected bag files ({@code expected/<key>.json}) of every bag the payloads changed. A bag not
 * listed must be unchanged. Each case also checks that merging the last payload again changes nothing
 * and that every expected bag reads back as the merged value, and that a caching store writes every
 * intermediate state byte for byte as a plain one does.
 */
class DatabagGoldenTest {

    private final PayloadCodec codec = new PayloadCodec();
    private final DatabagStore store = new DatabagStore(LocalHost.at(Path.of("/nonexistent")), codec);

    @TestFactory
    Stream<DynamicTest> mergesLikeTheGoldenFiles() throws IOException {
        return DatabagGoldenCases.each(this::check).stream();
    }

    private void check(String name, Path dir) throws IOException {
        Databags before = before(dir.resolve("before"));
        List<Payload> inputs = inputs(dir);
        assertThat(inputs).as("payloads of " + name).isNotEmpty();
        Databags after = before;
        DatabagStore caching = DatabagStore.caching(LocalHost.at(Path.of("/nonexistent")), codec, Clock.systemUTC());
        for (Payload payload : inputs) {
            after = DatabagMerger.merge(after, payload, InterfaceMacs.none());
            for (BagKey key : BagKey.values()) {
                // a caching store reuses the text of entries it wrote before: it must write the same bytes
                assertThat(new String(caching.render(after.get(key)), StandardCharsets.UTF_8)).as("cached rendering of " + key)
                        .isEqualTo(new String(store.render(after.get(key)), StandardCharsets.UTF_8));
            }
        }
        Set<BagKey> changed = before.differences(after);
        for (BagKey key : BagKey.values()) {
            Path expected = dir.resolve("expected").resolve(key.key() + ".json");
            if (changed.contains(key) || Files.exists(expected)) {
                String rendered = new String(store.render(after.get(key)), StandardCharsets.UTF_8);
                Golden.assertMatches("databag", name + "/expected", key.key() + ".json", rendered);
                List<DatabagProblem> problems = new ArrayList<>();
                assertThat(store.parse(key, rendered.getBytes(StandardCharsets.UTF_8), problems)).as("read back " + key)
                        .isEqualTo(after.get(key));
                assertThat(problems).isEmpty();
            }
        }
        Payload last = inputs.get(inputs.size() - 1);
        assertThat(DatabagMerger.merge(after, last, InterfaceMacs.none())).as("merging the last payload again").isEqualTo(after);
    }

    private Databags before(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Databags.empty();
        }
        List<Databag> bags = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                BagKey key = BagKey.fromKey(file.getFileName().toString().replace(".json", ""));
                List<DatabagProblem> problems = new ArrayList<>();
                bags.add(store.parse(key, Files.readAllBytes(file), problems));
                assertThat(problems).as("problems reading " + file).isEmpty();
            }
        }
        return Databags.of(bags);
    }

    private List<Payload> inputs(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Payload> payloads = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                payloads.add(codec.parse(Files.readString(file, StandardCharsets.UTF_8)));
            }
            return payloads;
        }
    }
}
