package org.vrouter.router.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code vrouter metadata-server}: the daemon's entry point; only its argument check runs here. */
class MetadataServerCommandTest {
    @Test
    void refusesToStartWithoutARoot() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = new CommandLine(List.of(new MetadataServerCommand())).run(List.of("metadata-server", "--config", "/etc/x.conf"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(CommandLine.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("usage: metadata-server --root DIR");
    }
}
