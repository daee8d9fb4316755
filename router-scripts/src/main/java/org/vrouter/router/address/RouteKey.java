package org.vrouter.router.address;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.net.Cidr;

/** What the kernel tells routes apart by: destination, table and metric (the family is the destination's). */
record RouteKey(Cidr destination, int table, long metric) {
    RouteKey {
        requireNonNull(destination, "destination is null");
    }

    @Override
    public String toString() {
        return destination + " table " + table + " metric " + metric;
    }
}
