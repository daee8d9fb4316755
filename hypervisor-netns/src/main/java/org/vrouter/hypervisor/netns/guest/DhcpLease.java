package org.vrouter.hypervisor.netns.guest;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.validation.FieldChecks;

/**
 * What a guest VM's DHCP client was given: its address with the prefix of the offered netmask, the
 * default gateway (the first router option), the DNS servers in the offered order, the domain, the
 * server that answered and the lease time. Read back from the lease file the guest's client script
 * writes ({@link #parse}).
 *
 * @param leaseTime empty when the lease is infinite
 */
public record DhcpLease(
        Cidr address,
        Optional<IpAddress> gateway,
        List<IpAddress> dnsServers,
        Optional<String> domain,
        Optional<IpAddress> server,
        Optional<Duration> leaseTime) {

    /** What dnsmasq (and RFC 2131) sends for an infinite lease. */
    private static final long INFINITE = 0xFFFF_FFFFL;

    public DhcpLease {
        requireNonNull(address, "address is null");
        requireNonNull(gateway, "gateway is null");
        dnsServers = List.copyOf(requireNonNull(dnsServers, "dnsServers is null"));
        requireNonNull(domain, "domain is null").ifPresent(name -> FieldChecks.requireSafeText("domain", name));
        requireNonNull(server, "server is null");
        requireNonNull(leaseTime, "leaseTime is null");
    }

    /** The address alone. */
    public IpAddress ip() {
        return address.address();
    }

    /**
     * Parses the lease file: {@code key=value} lines as the client script writes them from udhcpc's
     * environment ({@code ip}, {@code mask} or {@code subnet}, {@code router}, {@code dns},
     * {@code domain}, {@code serverid}, {@code lease}; lists space-separated).
     *
     * @throws InvalidParameterException naming the key when a value is missing or malformed
     */
    public static DhcpLease parse(String text) {
        Map<String, String> values = new HashMap<>();
        for (String line : text.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(line.substring(0, equals), line.substring(equals + 1).strip());
            }
        }
        IpAddress ip = IpAddress.parse("ip", nonEmpty(values, "ip").orElseThrow(() -> new InvalidParameterException("ip", "is missing")));
        int prefix = nonEmpty(values, "mask").map(DhcpLease::prefixLength)
                .or(() -> nonEmpty(values, "subnet").map(subnet -> Netmask.parse("subnet", subnet).prefixLength()))
                .orElseThrow(() -> new InvalidParameterException("mask", "is missing, and so is subnet"));
        List<IpAddress> routers = addresses(values, "router");
        return new DhcpLease(new Cidr(ip, prefix),
                routers.stream().findFirst(),
                addresses(values, "dns"),
                nonEmpty(values, "domain"),
                nonEmpty(values, "serverid").map(server -> IpAddress.parse("serverid", server)),
                nonEmpty(values, "lease").flatMap(DhcpLease::leaseTime));
    }

    private static Optional<String> nonEmpty(Map<String, String> values, String key) {
        return Optional.ofNullable(values.get(key)).filter(value -> !value.isEmpty());
    }

    private static List<IpAddress> addresses(Map<String, String> values, String key) {
        List<IpAddress> addresses = new ArrayList<>();
        nonEmpty(values, key).ifPresent(list -> {
            for (String address : list.split("\\s+")) {
                addresses.add(IpAddress.parse(key, address));
            }
        });
        return addresses;
    }

    private static int prefixLength(String mask) {
        try {
            return FieldChecks.requireRange("mask", Integer.parseInt(mask), 0, 32);
        }
        catch (NumberFormatException e) {
            throw new InvalidParameterException("mask", "must be a prefix length", mask);
        }
    }

    private static Optional<Duration> leaseTime(String seconds) {
        long value;
        try {
            value = Long.parseLong(seconds);
        }
        catch (NumberFormatException e) {
            throw new InvalidParameterException("lease", "must be a number of seconds", seconds);
        }
        if (value < 0) {
            throw new InvalidParameterException("lease", "must not be negative", seconds);
        }
        return value >= INFINITE ? Optional.empty() : Optional.of(Duration.ofSeconds(value));
    }
}
