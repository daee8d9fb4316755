package org.vrouter.router.databag;

import java.util.Map;
import java.util.Optional;

import org.vrouter.api.net.MacAddress;

/**
 * The MAC address of each {@code ethN} interface the router has now: the one piece of machine state the
 * {@code ips} merge consults (an address whose {@code vif_mac_address} is a known interface's MAC goes on
 * that interface, whatever {@code nic_dev_id} says). Gathered by the pipeline before merging, so the
 * merge itself stays a pure function.
 */
public record InterfaceMacs(Map<MacAddress, String> devices) {
    public InterfaceMacs {
        devices = Map.copyOf(devices);
        devices.values().forEach(BagMaps::requireDevice);
    }

    /** No interface known: every address goes on {@code eth<nic_dev_id>}. */
    public static InterfaceMacs none() {
        return new InterfaceMacs(Map.of());
    }

    /** The interface with this MAC. */
    public Optional<String> deviceOf(MacAddress mac) {
        return Optional.ofNullable(devices.get(mac));
    }
}
