package org.vrouter.api.bootargs;

import java.util.Arrays;

import org.vrouter.api.error.InvalidParameterException;

/**
 * The {@code type=} boot argument: which kind of virtual router the system VM becomes, and so which
 * NICs its boot arguments describe (wire-format §9.2).
 */
public enum RouterType {
    /** Isolated network router with a public side: eth0 guest, eth1 control, eth2 public. */
    ROUTER("router"),
    /** VPC router: only eth0 (control) at boot, the rest hot-plugged. */
    VPC_ROUTER("vpcrouter"),
    /** Shared network router without a public NIC (DHCP, DNS, user data): eth0 guest, eth1 control. */
    DHCP_SERVER("dhcpsrvr");

    private final String wireName;

    RouterType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Looks up a wire name exactly (the router compares case-sensitively). */
    public static RouterType fromWireName(String field, String name) {
        if (name == null) {
            throw new InvalidParameterException(field, "is missing");
        }
        for (RouterType type : values()) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        throw new InvalidParameterException(field,
                "unknown router type (expected one of " + Arrays.stream(values()).map(RouterType::wireName).toList() + ")", name);
    }
}
