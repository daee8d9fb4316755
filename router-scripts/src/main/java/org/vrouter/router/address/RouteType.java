package org.vrouter.router.address;

import java.util.Optional;

/**
 * The kinds of route the router programs. {@link #THROW} ends the lookup in a policy-routing table so
 * the next rule applies: CloudStack puts one per local network into each public device's table.
 */
public enum RouteType {
    UNICAST(1, "unicast"),
    BLACKHOLE(6, "blackhole"),
    UNREACHABLE(7, "unreachable"),
    PROHIBIT(8, "prohibit"),
    THROW(9, "throw");

    private final int number;
    private final String keyword;

    RouteType(int number, String keyword) {
        this.number = number;
        this.keyword = keyword;
    }

    /** The kernel's number for the type ({@code RTN_*}), as {@code ip -N} prints it. */
    public int number() {
        return number;
    }

    /** The word {@code ip route} takes. */
    public String keyword() {
        return keyword;
    }

    /** The type with the kernel's number, or empty for the ones the router never programs (local, broadcast...). */
    public static Optional<RouteType> ofNumber(int number) {
        for (RouteType type : values()) {
            if (type.number == number) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
