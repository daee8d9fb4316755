package org.vrouter.router.firewall;

import java.util.regex.Pattern;

import org.vrouter.api.error.InvalidParameterException;

/**
 * Router interface names as CloudStack gives them: {@code eth<N>}. The number matters: a public
 * device N owns the routing table and mark {@code 100 + N} (see {@link #mark(String)}).
 */
public final class NicNames {
    private static final Pattern ETH = Pattern.compile("eth(0|[1-9][0-9]{0,2})");

    private NicNames() {}

    /**
     * The name, if it is {@code eth0} to {@code eth999}.
     *
     * @throws InvalidParameterException naming {@code field} otherwise
     */
    public static String require(String field, String device) {
        if (device == null) {
            throw new InvalidParameterException(field, "is missing");
        }
        if (!ETH.matcher(device).matches()) {
            throw new InvalidParameterException(field, "not a router interface name (eth0 to eth999)", device);
        }
        return device;
    }

    /** N of {@code ethN}. */
    public static int number(String device) {
        return Integer.parseInt(device.substring(3));
    }

    /** The fwmark and connmark of a device, as iptables-save writes it: {@code 0x66} for eth2. */
    public static String mark(String device) {
        return "0x" + Integer.toHexString(100 + number(device));
    }
}
