package org.vrouter.api.rule;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.PortRange;

/**
 * The IP protocol a rule matches: {@code tcp}, {@code udp}, {@code icmp}, {@code all}, or (network
 * ACLs only) an IP protocol number 0 to 255 such as {@code 41}. A value rather than an enum because
 * of the numbers; each rule type narrows the set it accepts with {@link #requireOneOf}. The domain
 * rules and the rule TOs in {@code commands} (firewall, port forwarding, static NAT, network ACL)
 * all carry this type; {@link #name()} is the wire text.
 *
 * @param name lower case name or decimal number, as on the wire
 */
public record Protocol(String name) {
    // Declared before the constants: their constructor reads it.
    private static final List<String> NAMES = List.of("tcp", "udp", "icmp", "all");

    public static final Protocol TCP = new Protocol("tcp");
    public static final Protocol UDP = new Protocol("udp");
    public static final Protocol ICMP = new Protocol("icmp");
    public static final Protocol ALL = new Protocol("all");

    public Protocol {
        requireNonNull(name, "name is null");
        if (!NAMES.contains(name) && !isProtocolNumber(name)) {
            throw unknown("protocol", name);
        }
    }

    /**
     * Parses a protocol name in any case, or a protocol number.
     *
     * @throws InvalidParameterException naming {@code field} and listing the valid names
     */
    public static Protocol parse(String field, String text) {
        if (text == null) {
            throw new InvalidParameterException(field, "is missing");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (!NAMES.contains(lower) && !isProtocolNumber(lower)) {
            throw unknown(field, text);
        }
        return new Protocol(lower);
    }

    /** The protocol with IP protocol number {@code number} (0 to 255), kept as a number. */
    public static Protocol number(int number) {
        if (number < 0 || number > 255) {
            throw new InvalidParameterException("protocol", "protocol number must be between 0 and 255", number);
        }
        return new Protocol(Integer.toString(number));
    }

    /** Whether this is a protocol number rather than a name. */
    public boolean isNumber() {
        return !NAMES.contains(name);
    }

    /** The protocol number, when this is one. */
    public OptionalInt protocolNumber() {
        return isNumber() ? OptionalInt.of(Integer.parseInt(name)) : OptionalInt.empty();
    }

    /** Whether the protocol has ports (tcp or udp). */
    public boolean hasPorts() {
        return equals(TCP) || equals(UDP);
    }

    /** Whether this is {@code icmp}, the protocol with an ICMP type and code. */
    public boolean isIcmp() {
        return equals(ICMP);
    }

    /**
     * Checks that a rule of this protocol may match {@code ports}: only tcp and udp have ports.
     * Shared by the rule records and the rule TOs.
     *
     * @throws InvalidParameterException naming {@code field} otherwise
     */
    public void requirePortsAllowed(String field, PortRange ports) {
        if (!hasPorts()) {
            throw new InvalidParameterException(field, "ports apply only to protocol tcp or udp, not " + name, ports);
        }
    }

    /**
     * Checks that a rule of this protocol may match an ICMP type and code: only icmp does.
     * Shared by the rule records and the rule TOs.
     *
     * @param shown the offending type and code for the message, or null
     * @throws InvalidParameterException naming {@code field} otherwise
     */
    public void requireIcmpAllowed(String field, Object shown) {
        if (!isIcmp()) {
            throw new InvalidParameterException(field, "ICMP type and code apply only to protocol icmp, not " + name, shown);
        }
    }

    /**
     * Returns this protocol if it is one of {@code allowed}.
     *
     * @throws InvalidParameterException naming {@code field} and listing the allowed protocols
     */
    public Protocol requireOneOf(String field, Protocol... allowed) {
        if (Arrays.asList(allowed).contains(this)) {
            return this;
        }
        throw new InvalidParameterException(field, "unsupported protocol (expected one of " + Arrays.toString(allowed) + ")", name);
    }

    private static boolean isProtocolNumber(String text) {
        if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return (text.length() == 1 || text.charAt(0) != '0') && Integer.parseInt(text) <= 255;
    }

    private static InvalidParameterException unknown(String field, String text) {
        return new InvalidParameterException(field, "unknown protocol (expected one of " + NAMES + " or a protocol number 0-255)", text);
    }

    @Override
    public String toString() {
        return name;
    }
}
