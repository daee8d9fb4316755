package org.vrouter.api.vpn;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.validation.FieldChecks;

/** Checks shared by the VPN records. */
final class VpnChecks {
    private VpnChecks() {}

    static void requireIpv4(String field, IpAddress address) {
        if (!address.isIpv4()) {
            throw new InvalidParameterException(field, "must be an IPv4 address", address);
        }
    }

    /** A key that is safe inside quotes in {@code ipsec.secrets}: non-empty, no quotes, whitespace or control characters. */
    static void requirePresharedKey(String field, Secret key) {
        String value = key.reveal();
        if (value.isEmpty()) {
            throw new InvalidParameterException(field, "is empty");
        }
        FieldChecks.requireSafeSecret(field, value);
        if (value.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidParameterException(field, "must not contain whitespace");
        }
    }

    static boolean overlap(Cidr a, Cidr b) {
        return a.isIpv4() == b.isIpv4() && (a.contains(b.network().address()) || b.contains(a.network().address()));
    }
}
