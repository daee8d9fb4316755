package org.vrouter.router.databag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vrouter.api.net.IpAddress;
import org.vrouter.api.network.TrafficType;

/**
 * The {@code ips} bag: the IPv4 addresses of every router NIC, by device in {@code eth<N>} order. Each
 * device's list is ordered as CloudStack orders it: the source-NAT (primary) address first when it
 * arrived on a device that already had addresses, then in arrival order. No device has an empty list.
 */
public record IpsBag(Map<String, List<IpEntry>> devices) implements Databag {
    public IpsBag {
        devices = BagMaps.byDevice(devices, List::copyOf, "devices");
        devices.forEach((device, entries) -> {
            if (entries.isEmpty()) {
                throw new IllegalArgumentException("device " + device + " has no addresses");
            }
            entries.forEach(entry -> {
                if (!entry.device().equals(device)) {
                    throw new IllegalArgumentException("address " + entry.publicIp() + " of " + entry.device() + " listed under " + device);
                }
            });
        });
    }

    public static IpsBag empty() {
        return new IpsBag(Map.of());
    }

    @Override
    public BagKey key() {
        return BagKey.IPS;
    }

    @Override
    public boolean isEmpty() {
        return devices.isEmpty();
    }

    /** The addresses of one device, empty if it has none. */
    public List<IpEntry> entries(String device) {
        return devices.getOrDefault(device, List.of());
    }

    /** Every address, by device then list order. */
    public List<IpEntry> all() {
        List<IpEntry> all = new ArrayList<>();
        devices.values().forEach(all::addAll);
        return List.copyOf(all);
    }

    /** The entry for an address, on whichever device holds it. */
    public Optional<IpEntry> find(IpAddress address) {
        return devices.values().stream().flatMap(List::stream).filter(entry -> entry.publicIp().equals(address)).findFirst();
    }

    /** The devices holding at least one address of the given traffic type, in device order. */
    public List<String> devicesOf(TrafficType type) {
        return devices.entrySet().stream()
                .filter(entry -> entry.getValue().stream().anyMatch(ip -> ip.nwType() == type))
                .map(Map.Entry::getKey).toList();
    }

    /** This bag with one device's list replaced; an empty list removes the device. */
    public IpsBag withDevice(String device, List<IpEntry> entries) {
        Map<String, List<IpEntry>> copy = BagMaps.mutableCopy(devices);
        if (entries.isEmpty()) {
            copy.remove(device);
        }
        else {
            copy.put(device, entries);
        }
        return new IpsBag(copy);
    }
}
