package org.vrouter.router.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DryRunHostTest {
    @TempDir
    Path root;

    @Test
    void writesFilesUnderItsRoot() throws IOException {
        DryRunHost host = new DryRunHost(root);

        host.writeText("/etc/haproxy/haproxy.cfg", "global\n", FileMode.PUBLIC);

        assertThat(Files.readString(root.resolve("etc/haproxy/haproxy.cfg"))).isEqualTo("global\n");
    }

    @Test
    void logsEachProgramAsOneQuotedLineAndRunsNothing() throws IOException {
        DryRunHost host = new DryRunHost(root);

        ProgramResult first = host.run(ProgramCall.of("iptables-restore", "--noflush").withStdin("secret payload"));
        host.run(ProgramCall.of("touch", root.resolve("marker").toString()));
        host.run(ProgramCall.of("echo", "it's", "two\nlines"));

        assertThat(first).isEqualTo(ProgramResult.success(first.argv()));
        assertThat(Files.exists(root.resolve("marker"))).isFalse();
        assertThat(Files.readString(root.resolve("var/log/vrouter/dry-run.log"))).isEqualTo(
                "iptables-restore --noflush\n"
                        + "touch " + root.resolve("marker") + "\n"
                        + "echo 'it'\\''s' $'two\\nlines'\n");
        assertThat(host.list("/var/log/vrouter")).containsExactly("dry-run.log");
    }
}
