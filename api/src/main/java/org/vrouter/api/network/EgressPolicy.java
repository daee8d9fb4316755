package org.vrouter.api.network;

/**
 * A network offering's default for egress traffic that no rule matches. Travels to routers as the
 * access detail {@code firewall.egress.default} ({@code true} = allow). The router itself denies by
 * default; with {@link #ALLOW} the management side adds a System egress rule allowing the guest CIDR.
 */
public enum EgressPolicy {
    ALLOW,
    DENY;

    /** {@code true} for {@link #ALLOW}: the value CloudStack puts in {@code firewall.egress.default}. */
    public boolean isAllow() {
        return this == ALLOW;
    }

    /** The policy for CloudStack's {@code egressdefaultpolicy} flag ({@code true} = allow). */
    public static EgressPolicy of(boolean allow) {
        return allow ? ALLOW : DENY;
    }
}
