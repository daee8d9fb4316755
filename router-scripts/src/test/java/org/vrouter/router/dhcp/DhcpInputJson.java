package org.vrouter.router.dhcp;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.DnsServers;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.bootargs.RouterType;

/**
 * Reads the {@code input.json} of a dnsmasq golden case into a {@link DhcpInput}: boot-argument
 * keys at the top, {@code interfaces}, and {@code hosts} with the {@code dhcpentry} field names.
 */
final class DhcpInputJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DhcpInputJson() {}

    static DhcpInput parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        }
        catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        DnsServers dns = new DnsServers(address(root, "dns1"), address(root, "dns2"), address(root, "ip6dns1"),
                address(root, "ip6dns2"));
        List<GuestInterface> interfaces = new ArrayList<>();
        for (JsonNode node : root.path("interfaces")) {
            interfaces.add(guest(node));
        }
        List<DhcpHost> hosts = new ArrayList<>();
        for (JsonNode node : root.path("hosts")) {
            hosts.add(host(node));
        }
        return new DhcpInput(RouterType.fromWireName("type", root.path("type").asText()), root.path("name").asText(),
                root.path("domain").asText(), dns, root.path("useextdns").asBoolean(false), interfaces, hosts);
    }

    private static GuestInterface guest(JsonNode node) {
        GuestInterface.Builder builder = GuestInterface.builder(node.path("device").asText(),
                Cidr.parse("address", node.path("address").asText()));
        address(node, "gateway").ifPresent(builder::gateway);
        for (JsonNode server : node.path("dns")) {
            builder.dns(IpAddress.parse("dns", server.asText()));
        }
        text(node, "domain").ifPresent(builder::domain);
        address(node, "dhcprange").ifPresent(builder::dhcpRangeStart);
        text(node, "ipv6").map(value -> Cidr.parse("ipv6", value)).ifPresent(builder::ipv6);
        return builder.build();
    }

    private static DhcpHost host(JsonNode node) {
        DhcpHost.Builder builder = DhcpHost.builder(MacAddress.parse(node.path("mac_address").asText()),
                IpAddress.parse("ipv4_address", node.path("ipv4_address").asText()), node.path("host_name").asText());
        builder.defaultEntry(node.path("default_entry").asBoolean(true));
        address(node, "ipv6_address").ifPresent(builder::ipv6);
        text(node, "ipv6_duid").ifPresent(builder::duid);
        builder.leaseSeconds(node.path("lease_time").asLong(0));
        for (JsonNode route : node.path("static_routes")) {
            builder.staticRoute(ClasslessRoute.of(route.get(0).asText(), route.get(1).asText()));
        }
        for (JsonNode server : node.path("dns_addresses")) {
            builder.dnsAddresses(IpAddress.parse("dns_addresses", server.asText()));
        }
        address(node, "default_gateway").ifPresent(builder::gateway);
        return builder.build();
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    private static Optional<IpAddress> address(JsonNode node, String field) {
        return text(node, field).map(value -> IpAddress.parse(field, value));
    }
}
