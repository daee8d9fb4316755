package org.vrouter.guru.address;

import java.math.BigInteger;

import org.vrouter.api.net.IpAddress;

/** Address arithmetic for walking a pool, on both families. */
final class Addresses {
    private Addresses() {}

    /** {@code address + delta} in the same family; wraps nowhere: callers stay inside a range. */
    static IpAddress add(IpAddress address, long delta) {
        int length = address.bytes().length;
        BigInteger value = new BigInteger(1, address.bytes()).add(BigInteger.valueOf(delta));
        byte[] raw = value.toByteArray();
        byte[] bytes = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, bytes, length - copy, copy);
        return IpAddress.ofBytes(bytes);
    }
}
