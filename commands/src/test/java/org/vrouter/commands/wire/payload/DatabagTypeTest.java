package org.vrouter.commands.wire.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.vrouter.api.error.InvalidParameterException;

class DatabagTypeTest {
    @Test
    void findsTypesByJsonType() {
        assertThat(DatabagType.fromJsonType("ips")).isEqualTo(DatabagType.IP_ASSOCIATIONS);
        assertThat(DatabagType.fromJsonType("forwardrules")).isEqualTo(DatabagType.FORWARDING_RULES);
        assertThat(DatabagType.fromJsonType("cmdline")).isEqualTo(DatabagType.CMD_LINE);
    }

    @Test
    void rejectsAnUnknownJsonTypeNamingTheTypeField() {
        assertThatThrownBy(() -> DatabagType.fromJsonType("IPS"))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("type"));
    }

    @Test
    void findsTypesByFileNameCutAtTheFirstJson() {
        assertThat(DatabagType.fromFileName("vm_dhcp_entry.json.6d1f0a62-3a3f-4a0e-9a39-2a0c5b0e9a51")).isEqualTo(DatabagType.VM_DHCP_ENTRY);
        assertThat(DatabagType.fromFileName("/var/cache/cloud/ip_associations.json.0b7a")).isEqualTo(DatabagType.IP_ASSOCIATIONS);
        assertThat(DatabagType.fromFileName("cmd_line.json")).isEqualTo(DatabagType.CMD_LINE);
        assertThat(DatabagType.fromFileName("dhcp.json.1")).isEqualTo(DatabagType.DHCP_CONFIG);
        assertThat(DatabagType.fromFileName("site_2_site_vpn.json.x.json")).isEqualTo(DatabagType.SITE_2_SITE_VPN);
        // the router's basename(name).split('.json')[0]: no '.json' keeps the whole name, a longer suffix is cut too
        assertThat(DatabagType.fromFileName("ip_associations")).isEqualTo(DatabagType.IP_ASSOCIATIONS);
        assertThat(DatabagType.fromFileName("load_balancer.jsonx")).isEqualTo(DatabagType.LOAD_BALANCER);
    }

    @Test
    void rejectsFilesThatAreNotDatabags() {
        for (String name : new String[] {"VR-0b7a.cfg", "ips.json", "guestnetwork.json.1", "", "/var/cache/cloud/"}) {
            assertThatThrownBy(() -> DatabagType.fromFileName(name)).as(name)
                    .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("file"));
        }
    }

    @Test
    void namesDeliveredFilesWithAUuid() {
        UUID id = UUID.fromString("6d1f0a62-3a3f-4a0e-9a39-2a0c5b0e9a51");
        assertThat(DatabagType.VM_DHCP_ENTRY.fileName(id)).isEqualTo("vm_dhcp_entry.json.6d1f0a62-3a3f-4a0e-9a39-2a0c5b0e9a51");
        assertThat(DatabagType.fromFileName(DatabagType.BGP_PEERS.fileName(id))).isEqualTo(DatabagType.BGP_PEERS);
    }

    @Test
    void sharesAndSkipsDatabagsAsCloudStackDoes() {
        assertThat(DatabagType.FORWARDING_RULES.databagKey()).contains("forwardingrules");
        assertThat(DatabagType.STATICNAT_RULES.databagKey()).contains("forwardingrules");
        assertThat(DatabagType.IP_ALIASES.databagKey()).contains("ips");
        assertThat(DatabagType.IP_ASSOCIATIONS.databagKey()).contains("ips");
        assertThat(DatabagType.DHCP_CONFIG.databagKey()).isEmpty();
        assertThat(DatabagType.CMD_LINE.databagKey()).contains("cmdline");
    }

    @Test
    void mapsEveryPayloadRecordToExactlyOneType() {
        assertThat(Arrays.stream(DatabagType.values()).<Class<?>>map(DatabagType::payloadClass))
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrder(Payload.class.getPermittedSubclasses());
        for (DatabagType type : DatabagType.values()) {
            assertThat(DatabagType.of(type.payloadClass())).isEqualTo(type);
        }
        assertThat(Arrays.stream(DatabagType.values()).map(DatabagType::jsonType)).doesNotHaveDuplicates();
        assertThat(Arrays.stream(DatabagType.values()).map(DatabagType::fileBase)).doesNotHaveDuplicates();
    }
}
