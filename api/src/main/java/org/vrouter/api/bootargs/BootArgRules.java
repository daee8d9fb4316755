package org.vrouter.api.bootargs;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.router.RedundantState;
import org.vrouter.api.validation.FieldChecks;

/**
 * What a boot-argument key and value may hold. Every value must be one token of a safe set, because
 * the router splits the line on whitespace, reads it with unquoted shell loops and writes each value
 * into JSON without escaping: letters, digits and {@code . _ : / , + = * @ -} only (no whitespace,
 * quotes, backslash, {@code $}, {@code %} (the PV-args space), {@code ;} or {@code #}). Known keys
 * are further checked for their type (address, netmask, number, boolean...). Errors name the key;
 * values of secret keys are never shown.
 */
final class BootArgRules {
    static final String SAFE_VALUE_CHARACTERS = "letters, digits and . _ : / , + = * @ -";
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9._:/,+=*@-]*");
    private static final Pattern NIC_KEY = Pattern.compile("eth([0-9]{1,2})(ip|mask|ip6|ip6prelen)");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");
    private static final Pattern LOG_ROTATE = Pattern.compile("hourly|daily|monthly|[0-9*]{1,2}:[0-9*]{1,2}:[0-9*]{1,2}");
    private static final Pattern BOOLEAN = Pattern.compile("true|false", Pattern.CASE_INSENSITIVE);
    private static final BigDecimal MIN_ADVERT_INTERVAL = new BigDecimal("0.05");
    private static final BigDecimal MAX_ADVERT_INTERVAL = new BigDecimal("255");

    private BootArgRules() {}

    /** Checks a key and its value, throwing {@link InvalidParameterException} naming the key. */
    static void check(String key, String value) {
        if (!BootArgKeys.isWellFormed(key)) {
            throw new InvalidParameterException("boot argument key",
                    "must start with a letter and contain only letters, digits and '_' (at most 64)", key);
        }
        if (value == null) {
            throw new InvalidParameterException(key, "is missing");
        }
        if (!VALUE.matcher(value).matches()) {
            throw new InvalidParameterException(key, "boot argument value may contain only " + SAFE_VALUE_CHARACTERS
                    + " (no spaces, quotes or other characters)", BootArgKeys.isSecret(key) ? null : value);
        }
        Matcher nic = NIC_KEY.matcher(key);
        if (nic.matches()) {
            checkNic(key, nic.group(2), value);
            return;
        }
        checkTyped(key, value);
    }

    private static void checkNic(String key, String kind, String value) {
        switch (kind) {
            case "ip" -> ipv4(key, value);
            case "mask" -> Netmask.parse(key, value);
            case "ip6" -> ipv6(key, value);
            default -> integer(key, value, 0, 128);
        }
    }

    private static void checkTyped(String key, String value) {
        switch (key) {
            case BootArgKeys.TYPE -> RouterType.fromWireName(key, value);
            case BootArgKeys.NAME, BootArgKeys.DOMAIN, BootArgKeys.HOST -> FieldChecks.requireHostName(key, value);
            case BootArgKeys.TEMPLATE -> FieldChecks.requireIdentifier(key, value);
            case BootArgKeys.GATEWAY, BootArgKeys.LOCAL_GATEWAY, BootArgKeys.GUEST_GATEWAY, BootArgKeys.GUEST_BROADCAST,
                    BootArgKeys.DHCP_RANGE, BootArgKeys.DNS1, BootArgKeys.DNS2, BootArgKeys.SOURCE_NAT_IP, BootArgKeys.INTERNAL_DNS1,
                    BootArgKeys.INTERNAL_DNS2, BootArgKeys.STORAGE_IP -> ipv4(key, value);
            case BootArgKeys.IP6_GATEWAY, BootArgKeys.GUEST_GATEWAY6, BootArgKeys.IP6_DNS1, BootArgKeys.IP6_DNS2 -> ipv6(key, value);
            case BootArgKeys.PRIVATE_GATEWAY -> {
                if (!value.equals("None")) {
                    ipv4(key, value);
                }
            }
            case BootArgKeys.STORAGE_NETMASK -> Netmask.parse(key, value);
            case BootArgKeys.MANAGEMENT_CIDR, BootArgKeys.VPC_CIDR, BootArgKeys.STORAGE_CIDR -> cidrV4(key, value);
            case BootArgKeys.CIDR_SIZE, BootArgKeys.GUEST_CIDR_SIZE -> integer(key, value, 0, 32);
            case BootArgKeys.GUEST_CIDR6_SIZE -> integer(key, value, 0, 128);
            case BootArgKeys.PRIVATE_MTU, BootArgKeys.PUBLIC_MTU, BootArgKeys.MTU -> integer(key, value, 68, 65535);
            case BootArgKeys.ADVERT_INT -> seconds(key, value);
            case BootArgKeys.ROUTER_ID -> integer(key, value, 0, Long.MAX_VALUE);
            case BootArgKeys.EXTRA_PUBLIC_NICS -> integer(key, value, 0, 64);
            case BootArgKeys.PORT -> integer(key, value, 1, 65535);
            case BootArgKeys.REDUNDANT_STATE -> RedundantState.fromWireName(key, value);
            case BootArgKeys.SSH_ON_GUEST, BootArgKeys.IP6_FIREWALL, BootArgKeys.DISABLE_RP_FILTER, BootArgKeys.USE_EXTERNAL_DNS,
                    BootArgKeys.EXPOSE_DNS, BootArgKeys.IS_ROUTED -> require(key, value, BOOLEAN, "must be true or false");
            case BootArgKeys.AUTHORIZED_KEY -> require(key, value, BASE64, "must be base64");
            case BootArgKeys.LOG_ROTATE_FREQUENCY -> require(key, value, LOG_ROTATE, "must be hourly, daily, monthly or HH:MM:SS (digits or *)");
            case BootArgKeys.DNS_SEARCH_ORDER -> {
                for (String domain : value.split(",", -1)) {
                    FieldChecks.requireHostName(key, domain);
                }
            }
            default -> {
                // an unknown or free-form key: the safe character set is all we can check
            }
        }
    }

    private static void ipv4(String key, String value) {
        IpAddress.parse(key, value).requireIpv4(key);
    }

    private static void ipv6(String key, String value) {
        IpAddress.parse(key, value).requireIpv6(key);
    }

    private static void cidrV4(String key, String value) {
        if (!Cidr.parse(key, value).isIpv4()) {
            throw new InvalidParameterException(key, "must be an IPv4 CIDR", value);
        }
    }

    private static void integer(String key, String value, long min, long max) {
        if (!value.matches("[0-9]{1,18}")) {
            throw new InvalidParameterException(key, "must be a non-negative integer", value);
        }
        FieldChecks.requireRange(key, Long.parseLong(value), min, max);
    }

    /**
     * VRRP's advertisement interval: whole seconds 1 to 255 as CloudStack writes it, or, for vrouter's
     * VRRPv3 routers, seconds with up to two decimals down to 0.05 ({@code 0.2}).
     */
    private static void seconds(String key, String value) {
        if (!value.matches("[0-9]{1,3}(\\.[0-9]{1,2})?")) {
            throw new InvalidParameterException(key, "must be a number of seconds with at most two decimals", value);
        }
        BigDecimal seconds = new BigDecimal(value);
        if (seconds.compareTo(MIN_ADVERT_INTERVAL) < 0 || seconds.compareTo(MAX_ADVERT_INTERVAL) > 0) {
            throw new InvalidParameterException(key, "must be between 0.05 and 255 seconds", value);
        }
    }

    private static void require(String key, String value, Pattern pattern, String reason) {
        if (!pattern.matcher(value).matches()) {
            throw new InvalidParameterException(key, reason, value);
        }
    }

    static boolean isTrue(String value) {
        return value.toLowerCase(Locale.ROOT).equals("true");
    }
}
