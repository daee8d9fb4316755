package org.vrouter.api.vpn;

import java.util.regex.Pattern;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.IpRange;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.validation.FieldChecks;

/**
 * The VPN rules, each written once: the records of this package ({@link Site2SiteVpnConnection},
 * {@link RemoteAccessVpn}) and the VPN commands in {@code commands} call these, so a value the
 * model accepts is one the wire accepts. Errors name the wire field given by the caller.
 */
public final class VpnChecks {
    /** Longest IKE or ESP lifetime CloudStack accepts: one day. */
    public static final long MAX_LIFETIME_SECONDS = 86_400;

    // cipher-hash[,cipher-hash...][;dhgroup], as CloudStack validates it; the router turns ';' into '-'.
    private static final Pattern POLICY = Pattern.compile("[A-Za-z0-9]+-[A-Za-z0-9]+(,[A-Za-z0-9]+-[A-Za-z0-9]+)*(;[A-Za-z0-9]+)?");

    private VpnChecks() {}

    /**
     * An IKE or ESP policy: {@code cipher-hash[,cipher-hash...][;dhgroup]} in letters and digits
     * ({@code aes128-sha1;modp1536}).
     *
     * @throws InvalidParameterException naming {@code field} when missing, blank or of another shape
     */
    public static String requireIpsecPolicy(String field, String policy) {
        FieldChecks.requireNonBlank(field, policy);
        if (!POLICY.matcher(policy).matches()) {
            throw new InvalidParameterException(field, "must look like cipher-hash[,cipher-hash...][;dhgroup] (e.g. aes128-sha1;modp1536)",
                    policy);
        }
        return policy;
    }

    /**
     * An IKE or ESP lifetime: 1 to {@link #MAX_LIFETIME_SECONDS} seconds.
     *
     * @throws InvalidParameterException naming {@code field} otherwise
     */
    public static long requireLifetime(String field, long seconds) {
        return FieldChecks.requireRange(field, seconds, 1, MAX_LIFETIME_SECONDS);
    }

    /**
     * A pre-shared key that is safe inside quotes in {@code ipsec.secrets}: non-empty, no quotes,
     * whitespace or control characters. The message never shows the key.
     *
     * @throws InvalidParameterException naming {@code field} otherwise
     */
    public static Secret requirePresharedKey(String field, Secret key) {
        String value = key.reveal();
        if (value.isEmpty()) {
            throw new InvalidParameterException(field, "is empty");
        }
        FieldChecks.requireSafeSecret(field, value);
        if (value.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidParameterException(field, "must not contain whitespace");
        }
        return key;
    }

    /**
     * One peer network of a site-to-site tunnel: a network address that does not overlap the VPC's
     * {@code local_guest_cidr}. The caller names the field ({@code peer_guest_cidr_list[2]}) and
     * checks {@code localGuestCidr} itself.
     *
     * @throws InvalidParameterException naming {@code field} otherwise
     */
    public static Cidr requirePeerCidr(String field, Cidr peer, Cidr localGuestCidr) {
        peer.requireNetworkAddress(field);
        if (peer.contains(localGuestCidr) || localGuestCidr.contains(peer)) {
            throw new InvalidParameterException(field, "overlaps local_guest_cidr " + localGuestCidr, peer);
        }
        return peer;
    }

    /**
     * The addressing of a remote-access VPN: an IPv4 client range ({@code ip_range}) outside the
     * network clients reach ({@code local_cidr}, a network address), and the router's address
     * ({@code local_ip}, IPv4) inside it.
     *
     * @throws InvalidParameterException naming the offending field
     */
    public static void requireClientAddressing(IpRange ipRange, IpAddress localIp, Cidr localCidr) {
        if (!ipRange.first().isIpv4()) {
            throw new InvalidParameterException("ip_range", "must be an IPv4 address range", ipRange);
        }
        localIp.requireIpv4("local_ip");
        localCidr.requireNetworkAddress("local_cidr");
        if (!localCidr.contains(localIp)) {
            throw new InvalidParameterException("local_ip", "not inside local_cidr " + localCidr, localIp);
        }
        if (localCidr.contains(ipRange.first()) || localCidr.contains(ipRange.last()) || ipRange.contains(localCidr.address())) {
            throw new InvalidParameterException("ip_range", "overlaps local_cidr " + localCidr, ipRange);
        }
    }
}
