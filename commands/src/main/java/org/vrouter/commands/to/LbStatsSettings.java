package org.vrouter.commands.to;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.validation.FieldChecks;

/**
 * The haproxy statistics page of a router: CloudStack's {@code lbStats*} fields of
 * {@code LoadBalancerConfigCommand}, filled from the {@code network.loadbalancer.haproxy.stats.*}
 * settings. {@link #defaults()} holds CloudStack's defaults.
 *
 * @param visibility where the page listens
 * @param port the listener's port (CloudStack {@code 8081})
 * @param sourceCidrs the {@code lbStatsSrcCidrs} text that ends up in {@code stat_rules}
 *     (CloudStack {@code 0/0}, which the router does not use for filtering): {@code 0/0} or a comma
 *     list of IPv4 CIDRs
 * @param auth {@code user:password} for the page (CloudStack {@code admin1:AdMiN123}); a secret, so
 *     it never reaches a log
 * @param uri the page's path (CloudStack {@code /admin?stats})
 */
public record LbStatsSettings(LbStatsVisibility visibility, int port, String sourceCidrs, Secret auth, String uri) {
    public static final int DEFAULT_PORT = 8081;
    public static final String DEFAULT_SOURCE_CIDRS = "0/0";
    public static final String DEFAULT_AUTH = "admin1:AdMiN123";
    public static final String DEFAULT_URI = "/admin?stats";

    // One haproxy token each: no whitespace, quotes, backslash or '#' (a comment in haproxy's config).
    private static final Pattern AUTH = Pattern.compile("[A-Za-z0-9._@+=-]{1,64}:[A-Za-z0-9._@+=!%^&*()\\[\\]{},;:/?~-]{1,128}");
    private static final Pattern URI = Pattern.compile("/[A-Za-z0-9._~!&()*+,;=:@%/?-]{0,254}");

    public LbStatsSettings {
        requireNonNull(visibility, "visibility is null");
        FieldChecks.requirePort("lb_stats_port", port);
        requireNonNull(sourceCidrs, "sourceCidrs is null");
        if (!sourceCidrs.equals(DEFAULT_SOURCE_CIDRS)) {
            for (String cidr : sourceCidrs.split(",", -1)) {
                if (!Cidr.parse("lb_stats_src_cidrs", cidr).isIpv4()) {
                    throw new InvalidParameterException("lb_stats_src_cidrs", "IPv4 CIDRs only", sourceCidrs);
                }
            }
        }
        requireNonNull(auth, "auth is null");
        if (!AUTH.matcher(auth.reveal()).matches()) {
            throw new InvalidParameterException("lb_stats_auth",
                    "must be user:password without spaces, quotes, backslash or '#' (user: letters, digits, . _ @ + = -)");
        }
        requireNonNull(uri, "uri is null");
        if (!URI.matcher(uri).matches()) {
            throw new InvalidParameterException("lb_stats_uri",
                    "must start with '/' and contain only URL characters (no space, quote, '#', backslash or '$')", uri);
        }
    }

    /** CloudStack's defaults: guest network, port 8081, {@code 0/0}, {@code admin1:AdMiN123}, {@code /admin?stats}. */
    public static LbStatsSettings defaults() {
        return new LbStatsSettings(LbStatsVisibility.GUEST_NETWORK, DEFAULT_PORT, DEFAULT_SOURCE_CIDRS, Secret.of(DEFAULT_AUTH), DEFAULT_URI);
    }

    /** The same settings with another visibility. */
    public LbStatsSettings withVisibility(LbStatsVisibility newVisibility) {
        return new LbStatsSettings(newVisibility, port, sourceCidrs, auth, uri);
    }
}
