package org.vrouter.router.databag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.commands.wire.payload.Payload;

/**
 * The golden merges of {@link DatabagGoldenTest}, every step recorded by a caching store: after each step a
 * plain store loads exactly the merged bags (the journal replayed on the files), and compaction writes the
 * files a whole write writes. Covers every kind of bag written entry by entry, with CloudStack's own moves,
 * removals and replacements.
 */
class DatabagJournalGoldenTest {
    @TempDir
    Path root;

    private final Set<BagKey> journaled = EnumSet.noneOf(BagKey.class);

    @TestFactory
    Stream<DynamicTest> recordsEveryGoldenMergeStep() throws IOException {
        List<DynamicTest> tests = DatabagGoldenCases.each((name, testCase) -> check(root.resolve(name), testCase));
        // after every case: the cases as a whole must have gone through the journal of each bag written entry by entry
        tests.add(DynamicTest.dynamicTest("every journaled bag was recorded", () -> assertThat(journaled).containsExactlyInAnyOrder(
                BagKey.IPS, BagKey.GUEST_NETWORK, BagKey.NETWORK_ACL, BagKey.VM_DATA, BagKey.DHCP_ENTRY, BagKey.VM_PASSWORD,
                BagKey.FORWARDING_RULES, BagKey.FIREWALL_RULES, BagKey.IPV6_FIREWALL_RULES)));
        return tests.stream();
    }

    private void check(Path caseRoot, Path dir) throws IOException {
        JournalFixture fixture = new JournalFixture(caseRoot);
        DatabagStore store = fixture.caching();
        Databags bags = before(fixture, dir.resolve("before"));
        // every bag written, empty ones too, so that the store knows each file and the first change is recorded
        for (BagKey key : BagKey.values()) {
            store.write(bags.get(key));
        }
        for (Payload payload : inputs(dir)) {
            Databags previous = store.load().databags();
            Databags after = DatabagMerger.merge(previous, payload, InterfaceMacs.none());
            for (BagKey key : previous.differences(after)) {
                store.record(after.get(key));
                if (Files.exists(fixture.journal(key))) {
                    journaled.add(key);
                }
            }
            assertThat(fixture.plain().load().databags()).as("loaded after " + payload.getClass().getSimpleName()).isEqualTo(after);
        }
        Databags recorded = store.load().databags();
        store.compact();
        for (BagKey key : BagKey.values()) {
            assertThat(fixture.journal(key)).doesNotExist();
            if (Files.exists(fixture.file(key))) {
                assertThat(new String(Files.readAllBytes(fixture.file(key)), StandardCharsets.UTF_8)).as("compacted " + key)
                        .isEqualTo(new String(fixture.plain().render(recorded.get(key)), StandardCharsets.UTF_8));
            }
        }
        assertThat(fixture.plain().load().databags()).isEqualTo(recorded);
    }

    private static Databags before(JournalFixture fixture, Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Databags.empty();
        }
        List<Databag> bags = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                BagKey key = BagKey.fromKey(file.getFileName().toString().replace(".json", ""));
                bags.add(fixture.plain().parse(key, Files.readAllBytes(file), new ArrayList<>()));
            }
        }
        return Databags.of(bags);
    }

    private static List<Payload> inputs(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Payload> payloads = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                payloads.add(JournalFixture.CODEC.parse(Files.readString(file, StandardCharsets.UTF_8)));
            }
            return payloads;
        }
    }
}
