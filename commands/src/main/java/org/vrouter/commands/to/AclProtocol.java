package org.vrouter.commands.to;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

import org.vrouter.api.error.InvalidParameterException;

/**
 * The protocol of a network ACL rule: {@code tcp}, {@code udp}, {@code icmp}, {@code all}, or an IP
 * protocol number from 0 to 255 (CloudStack lets ACL rules name any protocol by number). The
 * {@link #value()} is the wire text: the second field of the ACL rule string, and in
 * {@code network_acl.json} the rule {@code type} (a number becomes {@code "type":"protocol"} with
 * {@code "protocol": n}).
 */
public record AclProtocol(String value) {
    public static final AclProtocol TCP = new AclProtocol("tcp");
    public static final AclProtocol UDP = new AclProtocol("udp");
    public static final AclProtocol ICMP = new AclProtocol("icmp");
    public static final AclProtocol ALL = new AclProtocol("all");

    public AclProtocol {
        requireNonNull(value, "value is null");
        if (named(value).isEmpty() && number(value).isEmpty()) {
            throw new InvalidParameterException("protocol", "unknown protocol (expected tcp, udp, icmp, all or a number 0-255)", value);
        }
    }

    /** Parses a protocol name (any case) or number, naming {@code field} in the error. */
    public static AclProtocol parse(String field, String text) {
        if (text == null) {
            throw new InvalidParameterException(field, "is missing");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (named(lower).isEmpty() && number(lower).isEmpty()) {
            throw new InvalidParameterException(field, "unknown protocol (expected tcp, udp, icmp, all or a number 0-255)", text);
        }
        return new AclProtocol(lower);
    }

    public static AclProtocol of(FirewallProtocol protocol) {
        return new AclProtocol(protocol.wireName());
    }

    /** The protocol with IP protocol number {@code number}, 0 to 255. */
    public static AclProtocol number(int number) {
        if (number < 0 || number > 255) {
            throw new InvalidParameterException("protocol", "protocol number must be between 0 and 255", number);
        }
        return new AclProtocol(Integer.toString(number));
    }

    /** The named protocol, empty for a protocol number. */
    public Optional<FirewallProtocol> named() {
        return named(value);
    }

    /** The IP protocol number, empty for a named protocol. */
    public OptionalInt number() {
        return number(value);
    }

    public boolean hasPorts() {
        return named().map(FirewallProtocol::hasPorts).orElse(false);
    }

    public boolean isIcmp() {
        return named().filter(protocol -> protocol == FirewallProtocol.ICMP).isPresent();
    }

    private static Optional<FirewallProtocol> named(String text) {
        return Arrays.stream(FirewallProtocol.values()).filter(protocol -> protocol.wireName().equals(text)).findFirst();
    }

    private static OptionalInt number(String text) {
        if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(c -> c >= '0' && c <= '9')
                || (text.length() > 1 && text.charAt(0) == '0')) {
            return OptionalInt.empty();
        }
        int number = Integer.parseInt(text);
        return number <= 255 ? OptionalInt.of(number) : OptionalInt.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
