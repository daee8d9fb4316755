package org.vrouter.router.databag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.validation.FieldChecks;

/**
 * The on-disk form of the {@code dnsconfig} bag (vrouter's own):
 * {@code {"id": "dnsconfig", "domain": ..., "forwarders": [...], "host_records": {name: [addresses]}}}. The
 * member names are those of {@code dns_config.json}; its list of {@code {host_name, addresses}} records is
 * kept as one object keyed by name, sorted, as the other keyed bags are.
 */
final class DnsConfigFormat {
    private static final Set<String> KNOWN = Set.of("id", "domain", "forwarders", "host_records");

    private DnsConfigFormat() {}

    static DnsConfigBag read(ObjectNode root) {
        JsonFields.requireKnown(root, KNOWN);
        Optional<String> domain = JsonFields.optionalText(root, "domain").map(value -> FieldChecks.requireHostName("domain", value));
        List<IpAddress> forwarders = addresses(root.get("forwarders"), "forwarders");
        Map<String, List<IpAddress>> records = new LinkedHashMap<>();
        JsonNode hostRecords = root.get("host_records");
        if (hostRecords != null) {
            if (!hostRecords.isObject()) {
                throw new InvalidParameterException("host_records", "must be a JSON object");
            }
            for (Map.Entry<String, JsonNode> record : hostRecords.properties()) {
                String field = "host_records." + record.getKey();
                records.put(FieldChecks.requireHostName(field, record.getKey()), addresses(record.getValue(), field));
            }
        }
        return new DnsConfigBag(domain, forwarders, records);
    }

    static void write(DnsConfigBag bag, ObjectNode root) {
        bag.domain().ifPresent(domain -> root.put("domain", domain));
        if (!bag.forwarders().isEmpty()) {
            addresses(root.putArray("forwarders"), bag.forwarders());
        }
        if (!bag.hostRecords().isEmpty()) {
            ObjectNode records = root.putObject("host_records");
            bag.hostRecords().forEach((name, addresses) -> addresses(records.putArray(name), addresses));
        }
    }

    private static List<IpAddress> addresses(JsonNode node, String field) {
        List<IpAddress> addresses = new ArrayList<>();
        if (node == null) {
            return addresses;
        }
        if (!node.isArray()) {
            throw new InvalidParameterException(field, "must be a JSON array");
        }
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw new InvalidParameterException(field, "must hold strings", item);
            }
            addresses.add(IpAddress.parse(field, item.textValue()));
        }
        return addresses;
    }

    private static void addresses(ArrayNode array, List<IpAddress> addresses) {
        addresses.forEach(address -> array.add(address.value()));
    }
}
