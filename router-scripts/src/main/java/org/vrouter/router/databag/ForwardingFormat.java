package org.vrouter.router.databag;

import static org.vrouter.router.databag.JsonFields.optionalBool;
import static org.vrouter.router.databag.JsonFields.optionalText;
import static org.vrouter.router.databag.JsonFields.text;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.PortRange;
import org.vrouter.commands.wire.payload.CidrList;

/**
 * The on-disk form of a {@code forwardingrules} entry, CloudStack's: {@code {type: forward, public_ip,
 * internal_ip, public_ports, internal_ports, protocol}} with ports as {@code "start:end"}, or
 * {@code {type: staticnat, public_ip, internal_ip}}; plus the newer optional {@code source_cidr_list} and
 * {@code should_apply_cross_network_snat}.
 */
final class ForwardingFormat {
    private static final Set<String> FORWARD = Set.of("type", "public_ip", "internal_ip", "public_ports", "internal_ports",
            "protocol", "source_cidr_list");
    private static final Set<String> STATIC_NAT = Set.of("type", "public_ip", "internal_ip", "should_apply_cross_network_snat");

    private ForwardingFormat() {}

    static ForwardingEntry read(JsonNode node) {
        String type = node.isObject() ? text(node, "type") : "";
        if (type.equals(PortForwardEntry.TYPE)) {
            JsonFields.requireKnown(node, FORWARD);
            return new PortForwardEntry(address(node, "public_ip"), address(node, "internal_ip"), ports(node, "public_ports"),
                    ports(node, "internal_ports"), text(node, "protocol"),
                    optionalText(node, "source_cidr_list").map(text -> CidrList.parse("source_cidr_list", text)));
        }
        if (type.equals(StaticNatEntry.TYPE)) {
            JsonFields.requireKnown(node, STATIC_NAT);
            return new StaticNatEntry(address(node, "public_ip"), address(node, "internal_ip"),
                    optionalBool(node, "should_apply_cross_network_snat"));
        }
        throw new InvalidParameterException("type", "must be forward or staticnat", type);
    }

    static ObjectNode write(ForwardingEntry entry, ObjectNode node) {
        node.put("type", entry.type());
        node.put("public_ip", entry.publicIp().value());
        node.put("internal_ip", entry.internalIp().value());
        if (entry instanceof PortForwardEntry forward) {
            node.put("public_ports", forward.publicPorts().toColonForm());
            node.put("internal_ports", forward.internalPorts().toColonForm());
            node.put("protocol", forward.protocol());
            forward.sourceCidrList().ifPresent(cidrs -> node.put("source_cidr_list", cidrs.toString()));
        }
        else if (entry instanceof StaticNatEntry nat) {
            nat.shouldApplyCrossNetworkSnat().ifPresent(value -> node.put("should_apply_cross_network_snat", value));
        }
        return node;
    }

    private static IpAddress address(JsonNode node, String field) {
        return IpAddress.parse(field, text(node, field));
    }

    private static PortRange ports(JsonNode node, String field) {
        return PortRange.parse(field, text(node, field));
    }
}
