package org.vrouter.commands.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.vrouter.api.golden.GoldenFiles;
import org.vrouter.commands.wire.payload.DnsConfigPayload;
import org.vrouter.commands.wire.payload.IpAssociationsPayload;
import org.vrouter.commands.wire.payload.NetworkAclPayload;

/**
 * Keeps the generated command table of {@code docs/wire-format.md} (between
 * {@value #BEGIN} and {@value #END}) equal to what {@link WireFormatTable} renders from the codec.
 * {@code -Dvrouter.golden.update=true} rewrites that section and nothing else.
 */
class WireFormatDocTest {
    static final String BEGIN = "<!-- BEGIN GENERATED: commands -->";
    static final String END = "<!-- END GENERATED -->";
    private static final String DOC = "docs/wire-format.md";

    @Test
    void theGeneratedCommandTableIsCurrent() throws IOException {
        Path doc = repositoryRoot().resolve(DOC);
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END, Math.max(begin, 0));
        if (begin < 0 || end < 0) {
            fail(doc + " lacks the markers " + BEGIN + " and " + END);
        }
        String current = text.substring(begin + BEGIN.length(), end);
        String expected = "\n" + WireFormatTable.render() + "\n";
        if (GoldenFiles.updating()) {
            Files.writeString(doc, text.substring(0, begin + BEGIN.length()) + expected + text.substring(end), StandardCharsets.UTF_8);
            return;
        }
        if (!current.equals(expected)) {
            fail("the generated section of " + doc + " is out of date; run with -D" + GoldenFiles.UPDATE_PROPERTY
                    + "=true to rewrite it (- document, + generated):\n" + GoldenFiles.diff(current, expected));
        }
    }

    @Test
    void fieldNamesComeFromTheRecordsWithNestedElements() {
        assertThat(WireFormatTable.fieldNames(IpAssociationsPayload.class))
                .startsWith("ip_address[].public_ip", "ip_address[].source_nat", "ip_address[].add", "ip_address[].one_to_one_nat",
                        "ip_address[].first_i_p")
                .doesNotContain("type", "delete_from_processed_cache");
        assertThat(WireFormatTable.fieldNames(NetworkAclPayload.class))
                .contains("nic_netmask", "ingress_rules[].type", "ingress_rules[].first_port", "ingress_rules[].icmp_code",
                        "ingress_rules[].protocol", "egress_rules[].allowed");
        assertThat(WireFormatTable.fieldNames(DnsConfigPayload.class))
                .containsExactly("domain", "forwarders[]", "host_records[].host_name", "host_records[].addresses[]");
    }

    /** From {@code vrouter.repository.root} (set by surefire), else the first directory up from here holding {@code mvnw} and {@code docs}. */
    static Path repositoryRoot() {
        String configured = System.getProperty("vrouter.repository.root", "");
        if (!configured.isBlank() && !configured.contains("${") && Files.isDirectory(Path.of(configured).resolve("docs"))) {
            return Path.of(configured);
        }
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (Files.exists(directory.resolve("mvnw")) && Files.isDirectory(directory.resolve("docs"))) {
                return directory;
            }
        }
        throw new IllegalStateException("cannot find the repository root: set -Dvrouter.repository.root");
    }
}
