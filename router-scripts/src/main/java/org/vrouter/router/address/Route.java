package org.vrouter.router.address;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;

/**
 * A route the router wants in the kernel: the default route, a static route of a VPC, or a route of
 * a public device's policy-routing table ({@code default via <gateway>} and {@code throw <network>}).
 *
 * <p>The kernel knows a route by its destination, table and metric ({@link #key()}); the type,
 * gateway and device are what a change replaces.
 *
 * @param destination a network (no host bits), IPv4 or IPv6; {@code 0.0.0.0/0} is the default route
 * @param type {@link RouteType#UNICAST} needs a gateway or a device; the others take neither
 * @param gateway the next hop, of the destination's family
 * @param device the device, or empty to let the kernel find it from the gateway
 * @param table the routing table, 1 to 2^31-1 except 255 (the kernel's local table); 254 is main
 * @param metric the metric, or empty for the kernel's default (0 for IPv4, 1024 for IPv6)
 */
public record Route(Cidr destination, RouteType type, Optional<IpAddress> gateway, Optional<String> device, int table,
        OptionalInt metric) {
    public static final int MAIN_TABLE = 254;
    static final int LOCAL_TABLE = 255;
    static final int IPV6_DEFAULT_METRIC = 1024;

    public Route {
        requireNonNull(destination, "destination is null");
        requireNonNull(type, "type is null");
        requireNonNull(gateway, "gateway is null");
        requireNonNull(device, "device is null");
        requireNonNull(metric, "metric is null");
        if (!destination.isNetworkAddress()) {
            throw new InvalidParameterException("destination", "host bits set (did you mean " + destination.network() + "?)", destination);
        }
        device.ifPresent(name -> DeviceName.require("device", name));
        if (gateway.isPresent() && gateway.get().isIpv4() != destination.isIpv4()) {
            throw new InvalidParameterException("gateway", "not of the destination's address family (" + destination + ")", gateway.get());
        }
        if (type == RouteType.UNICAST && gateway.isEmpty() && device.isEmpty()) {
            throw new InvalidParameterException("gateway", "a unicast route to " + destination + " needs a gateway or a device");
        }
        if (type != RouteType.UNICAST && (gateway.isPresent() || device.isPresent())) {
            throw new InvalidParameterException("type", "a " + type.keyword() + " route takes no gateway or device", destination);
        }
        requireTable("table", table);
        if (metric.isPresent() && metric.getAsInt() < 0) {
            throw new InvalidParameterException("metric", "must not be negative", metric.getAsInt());
        }
    }

    /** A unicast route in the main table through a gateway. */
    public static Route via(Cidr destination, IpAddress gateway) {
        return new Route(destination, RouteType.UNICAST, Optional.of(gateway), Optional.empty(), MAIN_TABLE, OptionalInt.empty());
    }

    /** A unicast route in the main table straight out of a device (the destination is on its link). */
    public static Route onLink(Cidr destination, String device) {
        return new Route(destination, RouteType.UNICAST, Optional.empty(), Optional.of(device), MAIN_TABLE, OptionalInt.empty());
    }

    /** A route of a type without next hop ({@link RouteType#THROW}, {@link RouteType#BLACKHOLE}...) in the main table. */
    public static Route of(RouteType type, Cidr destination) {
        return new Route(destination, type, Optional.empty(), Optional.empty(), MAIN_TABLE, OptionalInt.empty());
    }

    public Route inTable(int number) {
        return new Route(destination, type, gateway, device, number, metric);
    }

    public Route onDevice(String name) {
        return new Route(destination, type, gateway, Optional.of(name), table, metric);
    }

    public Route withMetric(int value) {
        return new Route(destination, type, gateway, device, table, OptionalInt.of(value));
    }

    /** The metric the kernel gives the route. */
    public int effectiveMetric() {
        return metric.orElse(destination.isIpv4() ? 0 : IPV6_DEFAULT_METRIC);
    }

    /** What the kernel knows the route by. */
    RouteKey key() {
        return new RouteKey(destination, table, effectiveMetric());
    }

    /** The words after {@code route replace} in an {@code ip -batch} line (without the protocol). */
    List<String> arguments() {
        List<String> words = new ArrayList<>();
        if (type != RouteType.UNICAST) {
            words.add(type.keyword());
        }
        words.add(destination.toString());
        gateway.ifPresent(address -> words.addAll(List.of("via", address.toString())));
        device.ifPresent(name -> words.addAll(List.of("dev", name)));
        words.addAll(List.of("table", Integer.toString(table)));
        metric.ifPresent(value -> words.addAll(List.of("metric", Integer.toString(value))));
        return words;
    }

    static int requireTable(String field, int table) {
        if (table < 1 || table == LOCAL_TABLE) {
            throw new InvalidParameterException(field, "must be a routing table from 1 to 2147483647 other than 255 (local)", table);
        }
        return table;
    }

    @Override
    public String toString() {
        return String.join(" ", arguments());
    }
}
