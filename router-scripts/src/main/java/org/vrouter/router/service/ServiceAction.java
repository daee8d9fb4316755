package org.vrouter.router.service;

/** What an applier did to its daemon in one apply. */
public enum ServiceAction {
    /** Nothing changed: no file written, no program run. */
    UNCHANGED,
    /** The daemon re-read its configuration without stopping (SIGHUP, seamless reload). */
    RELOADED,
    /**
     * The daemon picks the written files up by itself (dnsmasq's inotify on its per-host directories): it was
     * running, nothing was signalled.
     */
    PICKED_UP,
    /** The daemon was not running and was started. */
    STARTED,
    /** The daemon was stopped and started, for configuration a reload does not pick up. */
    RESTARTED,
    /** The daemon was stopped: it has nothing left to serve. */
    STOPPED
}
