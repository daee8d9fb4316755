package org.vrouter.api.network;

import org.vrouter.api.validation.WireNames;

/** The kind of traffic a network or NIC carries; wire names are CloudStack's enum names ({@code Public}, {@code Guest}...). */
public enum TrafficType {
    PUBLIC("Public"),
    GUEST("Guest"),
    STORAGE("Storage"),
    MANAGEMENT("Management"),
    CONTROL("Control"),
    VPN("Vpn");

    private final String wireName;

    TrafficType(String wireName) {
        this.wireName = wireName;
    }

    /** The name CloudStack puts on the wire (JSON values, access details, boot arguments). */
    public String wireName() {
        return wireName;
    }

    /** Looks up a wire name, ignoring case. */
    public static TrafficType fromWireName(String field, String name) {
        return WireNames.fromWireName(field, name, values(), TrafficType::wireName);
    }
}
