package org.vrouter.commands.wire.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;

/** The vrouter-only {@code dnsconfig} payload and the guest-network fields fixed to CloudStack's types. */
class DnsConfigPayloadTest {
    private final PayloadCodec codec = new PayloadCodec();

    @Test
    void isTheOnlyVrouterExtensionType() {
        assertThat(DatabagType.values()).filteredOn(DatabagType::isVrouterExtension).containsExactly(DatabagType.DNS_CONFIG);
        assertThat(DatabagType.fromJsonType("dnsconfig").fileName()).isEqualTo("dns_config.json");
    }

    @Test
    void writesRecordsAsObjectsInNameOrder() {
        DnsConfigPayload payload = DnsConfigPayload.of(Optional.of("cs2cloud.internal"), List.of(ip("8.8.8.8")),
                List.of(new DnsHostRecord("db", List.of(ip("10.1.1.5"))), new DnsHostRecord("www", List.of(ip("10.1.1.6")))));

        assertThat(codec.toJson(payload)).isEqualTo("{\"domain\":\"cs2cloud.internal\",\"forwarders\":[\"8.8.8.8\"],"
                + "\"host_records\":[{\"host_name\":\"db\",\"addresses\":[\"10.1.1.5\"]},{\"host_name\":\"www\",\"addresses\":[\"10.1.1.6\"]}],"
                + "\"type\":\"dnsconfig\",\"delete_from_processed_cache\":false}");
    }

    @Test
    void rejectsUnsortedOrRepeatedRecordsDuplicateForwardersAndEmptyOrUpperCaseRecords() {
        DnsHostRecord db = new DnsHostRecord("db", List.of(ip("10.1.1.5")));
        DnsHostRecord www = new DnsHostRecord("www", List.of(ip("10.1.1.6")));
        assertField(() -> DnsConfigPayload.of(Optional.empty(), List.of(), List.of(www, db)), "host_records[1].host_name");
        assertField(() -> DnsConfigPayload.of(Optional.empty(), List.of(), List.of(db, db)), "host_records[1].host_name");
        assertField(() -> DnsConfigPayload.of(Optional.empty(), List.of(ip("1.1.1.1"), ip("1.1.1.1")), List.of()), "forwarders[1]");
        assertField(() -> new DnsHostRecord("db", List.of()), "addresses");
        assertField(() -> new DnsHostRecord("DB", List.of(ip("10.1.1.5"))), "host_name");
        assertField(() -> new DnsHostRecord("db", List.of(ip("10.1.1.5"), ip("10.1.1.5"))), "addresses");
    }

    @Test
    void guestNetworkCidr6IsAPrefixLengthAndVrGuestGatewayABoolean() {
        String json = "{\"add\":true,\"mac_address\":\"02:00:56:36:00:07\",\"device\":\"eth4\",\"router_guest_ip\":\"172.16.2.1\","
                + "\"router_guest_netmask\":\"255.255.255.0\",\"router_guest_gateway\":\"172.16.2.1\",\"cidr\":\"24\",\"cidr6\":\"%s\","
                + "\"vr_guest_gateway\":%s,\"type\":\"guestnetwork\",\"delete_from_processed_cache\":false}";
        GuestNetworkPayload payload = codec.parse(json.formatted("64", "true"), GuestNetworkPayload.class);
        assertThat(payload.ip6PrefixLength()).contains(64);
        assertThat(payload.vrGuestGateway()).contains(true);

        assertThatThrownBy(() -> codec.parse(json.formatted("fd00::/64", "true"))).isInstanceOfSatisfying(InvalidParameterException.class,
                e -> assertThat(e.field()).isEqualTo("cidr6"));
        assertThatThrownBy(() -> codec.parse(json.formatted("64", "\"172.16.2.1\""))).isInstanceOfSatisfying(InvalidParameterException.class,
                e -> assertThat(e.field()).isEqualTo("vr_guest_gateway"));
    }

    private static IpAddress ip(String text) {
        return IpAddress.parse(text);
    }

    private static void assertField(Runnable construction, String field) {
        assertThatThrownBy(construction::run).isInstanceOfSatisfying(InvalidParameterException.class,
                e -> assertThat(e.field()).as(e.getMessage()).isEqualTo(field));
    }
}
