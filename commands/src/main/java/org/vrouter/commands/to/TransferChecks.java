package org.vrouter.commands.to;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.rule.Protocol;
import org.vrouter.api.validation.FieldChecks;

/** Checks shared by the transfer objects of this package; errors name the wire field. */
final class TransferChecks {
    private TransferChecks() {}

    static <T> Optional<T> optional(Optional<T> value, String name) {
        return requireNonNull(value, name + " is null");
    }

    static OptionalInt optional(OptionalInt value, String name) {
        return requireNonNull(value, name + " is null");
    }

    static <T> List<T> list(List<T> values, String name) {
        return List.copyOf(requireNonNull(values, name + " is null"));
    }

    static void requireSameFamily(String field, IpAddress ip, IpAddress reference, String referenceField) {
        if (ip.isIpv4() != reference.isIpv4()) {
            throw new InvalidParameterException(field, "address family differs from " + referenceField + " (" + reference + ")", ip);
        }
    }

    /** {@code ip} must lie in the network of {@code anchor}/{@code netmask}. */
    static void requireInSubnet(String field, IpAddress ip, IpAddress anchor, Netmask netmask) {
        ip.requireIpv4(field);
        Cidr network = Cidr.of(anchor, netmask).network();
        if (!network.contains(ip)) {
            throw new InvalidParameterException(field, "outside the network " + network, ip);
        }
    }

    static OptionalInt requireMtu(String field, OptionalInt mtu) {
        optional(mtu, field);
        mtu.ifPresent(value -> FieldChecks.requireRange(field, value, 68, 65535));
        return mtu;
    }

    static OptionalInt requireNonNegative(String field, OptionalInt value) {
        optional(value, field);
        value.ifPresent(number -> FieldChecks.requireNonNegative(field, number));
        return value;
    }

    /** ICMP type and code: each -1 (any) to 255, and only on an icmp rule. */
    static void requireIcmp(Protocol protocol, OptionalInt type, OptionalInt code) {
        optional(type, "icmp_type").ifPresent(number -> FieldChecks.requireRange("icmp_type", number, -1, 255));
        optional(code, "icmp_code").ifPresent(number -> FieldChecks.requireRange("icmp_code", number, -1, 255));
        if (type.isPresent() || code.isPresent()) {
            protocol.requireIcmpAllowed(type.isPresent() ? "icmp_type" : "icmp_code", null);
        }
    }

    /** Free text that must be present: labels, names shown to operators. */
    static String requireSafeName(String field, String value) {
        FieldChecks.requireNonBlank(field, value);
        return FieldChecks.requireSafeText(field, value);
    }
}
