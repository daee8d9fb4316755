package org.vrouter.router.firewall;

/** The policy of a built-in chain: what happens to a packet no rule decided. */
public enum Policy {
    ACCEPT,
    DROP
}
