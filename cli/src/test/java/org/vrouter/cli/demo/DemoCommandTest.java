package org.vrouter.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrouter.commands.wire.CommandCodec;
import org.vrouter.commands.wire.ConfigBatch;
import org.vrouter.commands.wire.FileConfigItem;

class DemoCommandTest {
    @TempDir
    Path out;

    @Test
    void reportsEveryStepAndWritesABatchThatParsesBack() throws Exception {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();

        int status = new DemoCommand(CommandCodec.withRandomIds())
                .run(List.of("--out", out.toString()), new PrintStream(stdout, true, StandardCharsets.UTF_8), System.err);

        String report = stdout.toString(StandardCharsets.UTF_8);
        assertThat(status).isZero();
        assertThat(report).contains("[1/7] associate public IPs", "[7/7] user data and metadata",
                "IpAssocCommand", "LoadBalancerConfigCommand", "listen 203_0_113_20-80",
                "server 203_0_113_20-80_1 10.1.1.12:80 check");
        Path batchFile;
        try (Stream<Path> files = Files.list(out)) {
            batchFile = files.filter(path -> path.getFileName().toString().matches("VR-[0-9a-f-]{36}\\.cfg")).findFirst().orElseThrow();
        }
        ConfigBatch batch = ConfigBatch.parse(Files.readString(batchFile, StandardCharsets.UTF_8));
        assertThat(batch.items().stream().filter(FileConfigItem.class::isInstance).map(item -> ((FileConfigItem) item).name()))
                .hasSize(11)
                .anyMatch(name -> name.startsWith("ip_associations.json."))
                .anyMatch(name -> name.startsWith("load_balancer.json."));
    }

    @Test
    void refusesAnUnknownBackendByName() {
        assertThatThrownBy(() -> DemoOptions.parse(List.of("--backend", "xen")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown backend 'xen'");
    }
}
