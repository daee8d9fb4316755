package org.vrouter.commands.wire;

import static org.assertj.core.api.Assertions.assertThat;

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
    void theGeneratedCommandTableIsCurrent() {
        GoldenFiles.assertGeneratedSection(DOC, BEGIN, END, "\n" + WireFormatTable.render() + "\n");
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
}
