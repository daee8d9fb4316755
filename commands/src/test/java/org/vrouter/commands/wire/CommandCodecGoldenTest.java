package org.vrouter.commands.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vrouter.commands.NetworkElementCommand;
import org.vrouter.api.golden.GoldenFiles;
import org.vrouter.commands.wire.payload.DatabagType;
import org.vrouter.commands.wire.payload.Payload;
import org.vrouter.commands.wire.payload.PayloadCodec;

/**
 * Every command case of {@link CommandCases} against {@code golden/commands/<case>/items.cfg}: the
 * command's config items rendered as batch text, with file ids 1, 2, ... and a fixed clock. Every
 * file item must also parse back into the payload it came from, and the batch text back into the batch.
 */
class CommandCodecGoldenTest {
    static final Instant NOW = Instant.parse("2026-11-21T08:30:00.250Z");
    private static final String CONCEPT = "commands";
    private static final String FILE = "items.cfg";

    private final PayloadCodec json = new PayloadCodec();

    /** A codec whose file ids count up from 1 and whose clock stands still, so output is stable. */
    static CommandCodec codec() {
        AtomicLong next = new AtomicLong();
        return new CommandCodec(() -> new UUID(0, next.incrementAndGet()), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static Stream<String> caseNames() {
        return CommandCases.all().keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("caseNames")
    void itemsMatchTheGoldenBatchText(String name) {
        ConfigBatch batch = new ConfigBatch(codec().configItems(CommandCases.all().get(name)));
        String text = batch.render();

        GoldenFiles.assertMatches(CONCEPT, name, FILE, text);
        assertThat(ConfigBatch.parse(text)).isEqualTo(batch);
    }

    @ParameterizedTest
    @MethodSource("caseNames")
    void everyFileParsesBackIntoThePayloadItCameFrom(String name) {
        NetworkElementCommand command = CommandCases.all().get(name);
        CommandMapping<?> mapping = CommandMappings.find(command.getClass()).orElseThrow();
        List<ConfigItem> items = codec().configItems(command);
        List<Payload> payloads = codec().payloads(command);

        List<FileConfigItem> files = items.stream().filter(FileConfigItem.class::isInstance).map(FileConfigItem.class::cast).toList();
        assertThat(files).hasSameSizeAs(payloads);
        for (int i = 0; i < files.size(); i++) {
            FileConfigItem file = files.get(i);
            Payload parsed = json.parse(file.contents());
            assertThat(parsed).as("payload %d of %s", i, name).isEqualTo(payloads.get(i));
            assertThat(json.toJson(parsed)).isEqualTo(file.contents());
            assertThat(DatabagType.fromFileName(file.name())).isEqualTo(parsed.databagType());
            assertThat(mapping.produces()).contains(parsed.databagType());
            assertThat(file.directory()).isEqualTo(FileConfigItem.CACHE_DIRECTORY);
        }
        assertScriptsAreDeclared(mapping, items);
    }

    @Test
    void everyCommandTheCodecEncodesHasAGoldenCase() {
        Set<Class<?>> covered = new HashSet<>();
        CommandCases.all().values().forEach(command -> covered.add(command.getClass()));
        List<Class<?>> encodable = CommandCodec.mappings().stream()
                .filter(mapping -> mapping.kind() != CommandMapping.Kind.RESOURCE)
                .<Class<?>>map(CommandMapping::commandClass).toList();
        assertThat(covered).containsExactlyInAnyOrderElementsOf(encodable);
    }

    @Test
    void everyGoldenDirectoryIsACase() throws IOException {
        try (Stream<Path> directories = Files.list(GoldenFiles.conceptDirectory(CONCEPT))) {
            assertThat(directories.map(path -> path.getFileName().toString())).isSubsetOf(CommandCases.all().keySet());
        }
    }

    /** Each payload's script call names its file; every other script is one the mapping declares. */
    private static void assertScriptsAreDeclared(CommandMapping<?> mapping, List<ConfigItem> items) {
        List<String> undeclared = new ArrayList<>();
        String lastFile = null;
        for (ConfigItem item : items) {
            if (item instanceof FileConfigItem file) {
                lastFile = file.name();
            }
            else if (item instanceof ScriptConfigItem script && script.script().equals(ScriptConfigItem.UPDATE_CONFIG)) {
                assertThat(script.args().get(0)).isEqualTo(lastFile);
            }
            else if (item instanceof ScriptConfigItem script && !mapping.scripts().contains(script.script())) {
                undeclared.add(script.script());
            }
        }
        assertThat(undeclared).as("scripts not declared by the mapping of %s", mapping.commandClass().getSimpleName()).isEmpty();
    }
}
