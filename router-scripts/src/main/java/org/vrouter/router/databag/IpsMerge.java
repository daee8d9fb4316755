package org.vrouter.router.databag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vrouter.api.net.IpAddress;
import org.vrouter.api.network.TrafficType;
import org.vrouter.commands.wire.payload.IpAddressEntry;

/**
 * CloudStack's {@code ips} merge ({@code cs_ip.merge}), with removals applied instead of kept and stable
 * positions: an address re-sent for the device that already holds it keeps its place.
 */
final class IpsMerge {
    private IpsMerge() {}

    /** One element of {@code ip_associations.json}. */
    static IpsBag apply(IpsBag bag, IpAddressEntry wire, InterfaceMacs macs) {
        if (!wire.add()) {
            return remove(bag, wire.publicIp());
        }
        String device = macs.deviceOf(wire.vifMacAddress()).orElse(wire.device());
        return add(bag, IpEntry.of(wire, device));
    }

    /**
     * Places an address: taken off every other device; a control address replaces its device's list; a
     * source-NAT address goes first; an address already on the device is replaced where it is; any other
     * is appended.
     */
    static IpsBag add(IpsBag bag, IpEntry entry) {
        Map<String, List<IpEntry>> devices = new LinkedHashMap<>();
        bag.devices().forEach((device, entries) -> {
            if (!device.equals(entry.device())) {
                devices.put(device, entries.stream().filter(existing -> !existing.publicIp().equals(entry.publicIp())).toList());
            }
        });
        List<IpEntry> list = new ArrayList<>(bag.entries(entry.device()));
        int position = indexOf(list, entry.publicIp());
        if (entry.nwType() == TrafficType.CONTROL) {
            list = new ArrayList<>(List.of(entry));
        }
        else if (entry.sourceNat() && position != 0) {
            if (position > 0) {
                list.remove(position);
            }
            list.add(0, entry);
        }
        else if (position >= 0) {
            list.set(position, entry);
        }
        else {
            list.add(entry);
        }
        devices.put(entry.device(), list);
        devices.values().removeIf(List::isEmpty);
        return new IpsBag(devices);
    }

    /** Takes an address off every device; a device left without addresses disappears. */
    static IpsBag remove(IpsBag bag, IpAddress address) {
        Map<String, List<IpEntry>> devices = new LinkedHashMap<>();
        bag.devices().forEach((device, entries) -> devices.put(device,
                entries.stream().filter(existing -> !existing.publicIp().equals(address)).toList()));
        devices.values().removeIf(List::isEmpty);
        return new IpsBag(devices);
    }

    private static int indexOf(List<IpEntry> entries, IpAddress address) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).publicIp().equals(address)) {
                return i;
            }
        }
        return -1;
    }
}
