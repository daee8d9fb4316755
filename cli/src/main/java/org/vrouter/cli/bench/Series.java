package org.vrouter.cli.bench;

import java.util.Optional;

/** What the benchmark measures, one row of its table and one line of its plot each. */
enum Series {
    SCRATCH_DHCP("scratch.dhcp", "DHCP entries, one vr_cfg batch of N files"),
    FLOOR_DNSMASQ("floor.dnsmasq", "floor: dnsmasq reload (SIGHUP) with N hosts"),
    SCRATCH_FIREWALL("scratch.firewall", "firewall rules, one update_config file of N"),
    FLOOR_RESTORE_FIREWALL("floor.restore.firewall", "floor: one bare iptables-restore, N rules"),
    SCRATCH_FORWARDS("scratch.forwards", "port forwards, one update_config file of N"),
    FLOOR_RESTORE_FORWARDS("floor.restore.forwards", "floor: one bare iptables-restore, N DNATs"),
    ADD_DHCP("add.dhcp", "one DHCP entry (update_config, in process)"),
    ADD_DHCP_CONVERGE("add.dhcp.converge", "of which the converger"),
    ADD_FIREWALL("add.firewall", "one firewall rule (update_config, in process)"),
    ADD_FIREWALL_CONVERGE("add.firewall.converge", "of which the converger"),
    ADD_FORWARD("add.forward", "one port forward (update_config, in process)"),
    ADD_FORWARD_CONVERGE("add.forward.converge", "of which the converger"),
    ENTRY_DAEMON("entry.daemon", "update_config.py, vrouterd running"),
    ENTRY_DAEMON_CONVERGE("entry.daemon.converge", "of which the converger"),
    ENTRY_RULE_DAEMON("entry.rule.daemon", "one more firewall rule (N/2 present), vrouterd running"),
    ENTRY_RULE_DAEMON_CONVERGE("entry.rule.daemon.converge", "of which the converger"),
    ENTRY_ONE_SHOT("entry.oneshot", "update_config.py, no vrouterd (one-shot JVM)"),
    EACH_FILE("target.each", "update_config.py once per entry, vrouterd running: total"),
    ONE_BATCH("target.batch", "vr_cfg.sh, one batch of all entries, vrouterd running");

    private final String key;
    private final String label;

    Series(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** A stable name for the CSV. */
    String key() {
        return key;
    }

    String label() {
        return label;
    }

    /** The share of the converger in this series, if the benchmark measures it. */
    Optional<Series> converge() {
        return switch (this) {
            case ADD_DHCP -> Optional.of(ADD_DHCP_CONVERGE);
            case ADD_FIREWALL -> Optional.of(ADD_FIREWALL_CONVERGE);
            case ADD_FORWARD -> Optional.of(ADD_FORWARD_CONVERGE);
            case ENTRY_DAEMON -> Optional.of(ENTRY_DAEMON_CONVERGE);
            case ENTRY_RULE_DAEMON -> Optional.of(ENTRY_RULE_DAEMON_CONVERGE);
            default -> Optional.empty();
        };
    }

    /** Whether this is the converger's share of another series (plotted with it, not on its own). */
    boolean isShare() {
        return key.endsWith(".converge");
    }

    boolean isFloor() {
        return this == FLOOR_DNSMASQ || this == FLOOR_RESTORE_FIREWALL || this == FLOOR_RESTORE_FORWARDS;
    }
}
