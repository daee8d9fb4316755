package org.vrouter.router.vpn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.vrouter.api.error.InvalidParameterException;

/**
 * CloudStack's IPsec policy strings translated to strongSwan proposals. A policy is
 * {@code cipher-hash[,cipher-hash...][;dhgroup]} ({@code aes128-sha1;modp1536}); the proposal gives every
 * cipher-hash pair the group ({@code aes128-sha1-modp1536}), where CloudStack's {@code ;}-to-{@code -}
 * replacement attached it to the last pair only.
 *
 * <p>Only what a stock router's strongSwan can negotiate is accepted (the algorithms CloudStack offers);
 * anything else is an {@link InvalidParameterException} naming the field, the unsupported part and the
 * accepted values, so a bad policy fails the converge instead of a tunnel that never comes up.
 */
public final class IpsecPolicies {
    /** Ciphers CloudStack offers. */
    public static final Set<String> CIPHERS = Set.of("3des", "aes128", "aes192", "aes256");
    /** Integrity algorithms CloudStack offers. */
    public static final Set<String> HASHES = Set.of("md5", "sha1", "sha256", "sha384", "sha512");
    /** Diffie-Hellman groups CloudStack offers (the MODP groups, which need no extra crypto plugin). */
    public static final Set<String> GROUPS = Set.of("modp1024", "modp1536", "modp2048", "modp3072", "modp4096", "modp6144",
            "modp8192");

    private IpsecPolicies() {}

    /**
     * The IKE proposals of {@code ike_policy}; the group is required, as IKE cannot do without one.
     *
     * @throws InvalidParameterException naming {@code field} when the policy is malformed or unsupported
     */
    public static String ike(String field, String policy) {
        Parsed parsed = parse(field, policy);
        if (parsed.group().isEmpty()) {
            throw new InvalidParameterException(field, "needs a Diffie-Hellman group after ';' (e.g. aes128-sha1;modp1536)", policy);
        }
        return parsed.proposals();
    }

    /**
     * The ESP proposals of {@code esp_policy}; a group enables perfect forward secrecy, none disables it.
     *
     * @throws InvalidParameterException naming {@code field} when the policy is malformed or unsupported
     */
    public static String esp(String field, String policy) {
        return parse(field, policy).proposals();
    }

    private record Parsed(List<String> pairs, String group) {
        String proposals() {
            List<String> out = new ArrayList<>();
            for (String pair : pairs) {
                out.add(group.isEmpty() ? pair : pair + "-" + group);
            }
            return String.join(",", out);
        }
    }

    private static Parsed parse(String field, String policy) {
        if (policy == null || policy.isBlank()) {
            throw new InvalidParameterException(field, "is missing");
        }
        String text = policy.trim().toLowerCase(Locale.ROOT);
        String[] halves = text.split(";", -1);
        if (halves.length > 2) {
            throw new InvalidParameterException(field, "has more than one ';' (expected cipher-hash[,cipher-hash...][;dhgroup])", policy);
        }
        String group = halves.length == 2 ? halves[1] : "";
        if (halves.length == 2 && !GROUPS.contains(group)) {
            throw unsupported(field, "Diffie-Hellman group", group, GROUPS, policy);
        }
        List<String> pairs = new ArrayList<>();
        for (String pair : halves[0].split(",", -1)) {
            String[] parts = pair.split("-", -1);
            if (parts.length != 2) {
                throw new InvalidParameterException(field, "'" + pair + "' is not cipher-hash (expected cipher-hash[,cipher-hash...][;dhgroup])", policy);
            }
            if (!CIPHERS.contains(parts[0])) {
                throw unsupported(field, "cipher", parts[0], CIPHERS, policy);
            }
            if (!HASHES.contains(parts[1])) {
                throw unsupported(field, "hash", parts[1], HASHES, policy);
            }
            pairs.add(pair);
        }
        return new Parsed(pairs, group);
    }

    private static InvalidParameterException unsupported(String field, String kind, String value, Set<String> accepted, String policy) {
        return new InvalidParameterException(field, kind + " '" + value + "' is not supported; use one of " + new TreeSet<>(accepted), policy);
    }
}
