package org.vrouter.router.service;

/** The signals the router sends its daemons, by their names without {@code SIG}. */
public enum Signal {
    /** dnsmasq re-reads its hosts and options files; most daemons reload. */
    HUP,
    INT,
    TERM,
    KILL,
    USR1,
    /** haproxy in master-worker mode reloads seamlessly. */
    USR2
}
