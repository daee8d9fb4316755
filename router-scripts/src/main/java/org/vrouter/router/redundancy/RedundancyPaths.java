package org.vrouter.router.redundancy;

/** Router paths of the redundancy service, the transitions and {@code checkrouter.sh}. */
public final class RedundancyPaths {
    public static final String KEEPALIVED_CONF = "/etc/keepalived/keepalived.conf";
    /** Where a changed {@code keepalived.conf} is checked by {@code keepalived -t} before it replaces the live one. */
    public static final String KEEPALIVED_CANDIDATE = "/etc/keepalived/keepalived.conf.new";
    /** The notify hook keepalived runs: {@code <script> PRIMARY|BACKUP|FAULT}. */
    public static final String NOTIFY_SCRIPT = "/etc/keepalived/vrouter-notify";
    public static final String CONNTRACKD_CONF = "/etc/conntrackd/conntrackd.conf";
    public static final String CONNTRACKD_LOCK = "/run/vrouter/conntrackd.lock";
    public static final String CONNTRACKD_SOCKET = "/run/vrouter/conntrackd.ctl";
    /** keepalived's own pid files (its main and VRRP processes), apart from the service manager's. */
    public static final String KEEPALIVED_MAIN_PID = "/run/vrouter/keepalived-main.pid";
    public static final String KEEPALIVED_VRRP_PID = "/run/vrouter/keepalived-vrrp.pid";
    /**
     * The state the last transition recorded, one line ({@code PRIMARY}): what {@code checkrouter.sh} prints
     * after {@code Status: }. Under {@code /run}: after a reboot nothing is known until keepalived speaks.
     */
    public static final String STATE = "/run/vrouter/redundant_state";

    private RedundancyPaths() {}
}
