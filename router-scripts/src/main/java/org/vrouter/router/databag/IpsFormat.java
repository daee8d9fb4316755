package org.vrouter.router.databag;

import static org.vrouter.router.databag.JsonFields.bool;
import static org.vrouter.router.databag.JsonFields.optionalInt;
import static org.vrouter.router.databag.JsonFields.optionalText;
import static org.vrouter.router.databag.JsonFields.text;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.validation.FieldChecks;

/**
 * The on-disk form of an {@code ips} entry: the wire fields plus CloudStack's derived ones, which are
 * written for CloudStack's tools and recomputed (not trusted) on reading.
 */
final class IpsFormat {
    private static final Set<String> KNOWN = Set.of("public_ip", "netmask", "source_nat", "add", "one_to_one_nat", "first_i_p",
            "gateway", "vif_mac_address", "nic_dev_id", "new_nic", "nw_type", "is_private_gateway", "mtu",
            "device", "cidr", "network", "broadcast", "size");

    private IpsFormat() {}

    /** The entry, or empty for a CloudStack tombstone ({@code add: false}). */
    static Optional<IpEntry> read(String device, JsonNode node) {
        JsonFields.requireKnown(node, KNOWN);
        if (!bool(node, "add", true)) {
            return Optional.empty();
        }
        IpAddress publicIp = IpAddress.parse("public_ip", text(node, "public_ip"));
        Netmask netmask = Netmask.parse("netmask", text(node, "netmask"));
        String storedDevice = optionalText(node, "device").orElse(device);
        if (!storedDevice.equals(device)) {
            throw new InvalidParameterException("device", "differs from the list it is in (" + device + ")", storedDevice);
        }
        int nicDevId = optionalInt(node, "nic_dev_id").orElseGet(() -> BagMaps.deviceNumber(device));
        TrafficType nwType = TrafficType.fromWireName("nw_type", optionalText(node, "nw_type").orElse("public"));
        Optional<IpAddress> gateway = optionalText(node, "gateway").filter(IpsFormat::isAddress)
                .map(text -> IpAddress.parse("gateway", text));
        Optional<MacAddress> mac = optionalText(node, "vif_mac_address").map(text -> MacAddress.parse("vif_mac_address", text));
        Optional<Integer> mtu = optionalInt(node, "mtu");
        mtu.ifPresent(value -> FieldChecks.requireRange("mtu", value, 68, 65535));
        return Optional.of(new IpEntry(publicIp, netmask, device, nicDevId, nwType, bool(node, "source_nat", false),
                bool(node, "one_to_one_nat", false), bool(node, "first_i_p", false), gateway, mac, bool(node, "new_nic", false),
                bool(node, "is_private_gateway", false), mtu));
    }

    /** CloudStack writes {@code ""} (and some releases {@code "None"}) for an entry without a gateway. */
    private static boolean isAddress(String gateway) {
        return !gateway.isEmpty() && !gateway.equals("None");
    }

    static ObjectNode write(IpEntry entry, ObjectNode node) {
        node.put("public_ip", entry.publicIp().value());
        node.put("netmask", entry.netmask().toString());
        node.put("source_nat", entry.sourceNat());
        node.put("add", true);
        node.put("one_to_one_nat", entry.oneToOneNat());
        node.put("first_i_p", entry.firstIp());
        node.put("gateway", entry.gateway().map(IpAddress::value).orElse(""));
        entry.vifMacAddress().ifPresent(mac -> node.put("vif_mac_address", mac.value()));
        node.put("nic_dev_id", entry.nicDevId());
        node.put("new_nic", entry.newNic());
        node.put("nw_type", entry.nwType().wireName().toLowerCase(Locale.ROOT));
        node.put("is_private_gateway", entry.isPrivateGateway());
        entry.mtu().ifPresent(mtu -> node.put("mtu", mtu));
        node.put("device", entry.device());
        node.put("cidr", entry.cidr().toString());
        node.put("network", entry.network().toString());
        node.put("broadcast", entry.broadcast().value());
        node.put("size", entry.size());
        return node;
    }
}
