package org.vrouter.commands;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.vrouter.api.dc.NetworkType;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.validation.FieldChecks;

/**
 * The routing envelope of a {@link NetworkElementCommand}, CloudStack's {@code accessDetails} map:
 * which router (control IP and instance name), the router's address in the guest network, the
 * zone's network type, and per-command extras such as the guest VLAN or the default egress policy.
 * Keys are CloudStack's ({@code router.ip}, {@code router.name}, ...); values are validated text.
 */
public record AccessDetails(Map<String, String> values) {
    public static final String ROUTER_IP = "router.ip";
    public static final String ROUTER_GUEST_IP = "router.guest.ip";
    public static final String ROUTER_NAME = "router.name";
    public static final String ZONE_NETWORK_TYPE = "zone.network.type";
    public static final String ACCOUNT_ID = "account.id";
    public static final String GUEST_VLAN_TAG = "guest.vlan.tag";
    public static final String GUEST_NETWORK_GATEWAY = "guest.network.gateway";
    public static final String GUEST_BRIDGE = "guest.bridge";
    public static final String GUEST_NETWORK_CIDR = "guest.network.cidr";
    public static final String VPC_PRIVATE_GATEWAY = "vpc.gateway.private";
    public static final String VPC_ID = "vpc.id";
    public static final String FIREWALL_EGRESS_DEFAULT = "firewall.egress.default";
    public static final String NETWORK_PUB_LAST_IP = "network.public.last.ip";
    public static final String HYPERVISOR_HOST_PRIVATE_IP = "hypervisor.private.ip";
    public static final String ROUTER_MONITORING_ENABLED = "router.monitor.enabled";
    public static final String ROUTER_HEALTH_CHECKS_ENABLED = "router.health.checks.enabled";
    public static final String ROUTER_HEALTH_CHECKS_BASIC_INTERVAL = "router.health.checks.basic.interval";
    public static final String ROUTER_HEALTH_CHECKS_ADVANCED_INTERVAL = "router.health.checks.advance.interval";
    public static final String ROUTER_HEALTH_CHECKS_EXCLUDED = "router.health.checks.excluded";

    public AccessDetails {
        requireNonNull(values, "values is null");
        Map<String, String> sorted = new TreeMap<>();
        values.forEach((key, value) -> {
            FieldChecks.requireIdentifier("access detail key", key);
            sorted.put(key, FieldChecks.requireSafeText(key, requireNonNull(value, key + " is null")));
        });
        if (sorted.containsKey(ROUTER_IP)) {
            IpAddress.parse(ROUTER_IP, sorted.get(ROUTER_IP));
        }
        if (sorted.containsKey(ROUTER_GUEST_IP)) {
            IpAddress.parse(ROUTER_GUEST_IP, sorted.get(ROUTER_GUEST_IP));
        }
        if (sorted.containsKey(ROUTER_NAME)) {
            FieldChecks.requireHostName(ROUTER_NAME, sorted.get(ROUTER_NAME));
        }
        if (sorted.containsKey(ZONE_NETWORK_TYPE)) {
            NetworkType.fromWireName(ZONE_NETWORK_TYPE, sorted.get(ZONE_NETWORK_TYPE));
        }
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sorted));
    }

    public static AccessDetails empty() {
        return new AccessDetails(Map.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The value under {@code key}, if present. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The value under {@code key}; the error names the key when it is missing. */
    public String require(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new InvalidParameterException(key, "access detail is missing");
        }
        return value;
    }

    /** The router's control address: where the executor connects (SSH port 3922). */
    public Optional<IpAddress> routerIp() {
        return get(ROUTER_IP).map(IpAddress::parse);
    }

    /** The router's address in the guest network the command is about. */
    public Optional<IpAddress> routerGuestIp() {
        return get(ROUTER_GUEST_IP).map(IpAddress::parse);
    }

    /** The router's instance name ({@code r-12-VM}): the per-router lock and batch key. */
    public Optional<String> routerName() {
        return get(ROUTER_NAME);
    }

    public Optional<NetworkType> zoneNetworkType() {
        return get(ZONE_NETWORK_TYPE).map(value -> NetworkType.fromWireName(ZONE_NETWORK_TYPE, value));
    }

    /** A copy with {@code key} set to {@code value}. */
    public AccessDetails with(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(key, value);
        return new AccessDetails(copy);
    }

    /**
     * A copy with {@code key} set to {@code value}, a value the command derives from its own typed
     * fields (the guest IP of its NIC, its egress policy...). Commands call it so the envelope and
     * the typed fields cannot disagree.
     *
     * @throws InvalidParameterException naming {@code key} when the details already hold a
     *     different value under it
     */
    public AccessDetails withDerived(String key, String value) {
        String existing = values.get(key);
        if (existing != null && !existing.equals(value)) {
            throw new InvalidParameterException(key, "access detail conflicts with the command's own value '" + value + "'", existing);
        }
        return existing != null ? this : with(key, value);
    }

    /** Collects details; {@link #build()} validates them. */
    public static final class Builder {
        private final Map<String, String> values = new LinkedHashMap<>();

        private Builder() {}

        public Builder routerIp(IpAddress ip) {
            return put(ROUTER_IP, ip.value());
        }

        public Builder routerGuestIp(IpAddress ip) {
            return put(ROUTER_GUEST_IP, ip.value());
        }

        public Builder routerName(String name) {
            return put(ROUTER_NAME, name);
        }

        public Builder zoneNetworkType(NetworkType type) {
            return put(ZONE_NETWORK_TYPE, type.wireName());
        }

        public Builder put(String key, String value) {
            values.put(requireNonNull(key, "key is null"), requireNonNull(value, "value is null"));
            return this;
        }

        public AccessDetails build() {
            return new AccessDetails(values);
        }
    }
}
