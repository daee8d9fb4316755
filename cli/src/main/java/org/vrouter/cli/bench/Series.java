package org.vrouter.cli.bench;

import java.util.Optional;

/** What the benchmark measures, one row of its table and one line of its plot each. */
enum Series {
    SCRATCH_DHCP("scratch.dhcp", "DHCP entries, one vr_cfg batch of N files"),
    SCRATCH_DHCP_COLD("scratch.dhcp.cold", Labels.COLD),
    FLOOR_DNSMASQ("floor.dnsmasq", "floor: dnsmasq reload (SIGHUP) with N hosts"),
    SCRATCH_FIREWALL("scratch.firewall", "firewall rules, one update_config file of N"),
    SCRATCH_FIREWALL_COLD("scratch.firewall.cold", Labels.COLD),
    FLOOR_RESTORE_FIREWALL("floor.restore.firewall", "floor: one bare iptables-restore, N rules"),
    SCRATCH_FORWARDS("scratch.forwards", "port forwards, one update_config file of N"),
    SCRATCH_FORWARDS_COLD("scratch.forwards.cold", Labels.COLD),
    FLOOR_RESTORE_FORWARDS("floor.restore.forwards", "floor: one bare iptables-restore, N DNATs"),
    ADD_DHCP("add.dhcp", "one DHCP entry (update_config, in process)"),
    ADD_DHCP_CONVERGE("add.dhcp.converge", "of which the converger"),
    ADD_DHCP_SETTLED("add.dhcp.settled", Labels.SETTLED),
    ADD_DHCP_COLD("add.dhcp.cold", Labels.COLD),
    ADD_FIREWALL("add.firewall", "one firewall rule (update_config, in process)"),
    ADD_FIREWALL_CONVERGE("add.firewall.converge", "of which the converger"),
    ADD_FIREWALL_SETTLED("add.firewall.settled", Labels.SETTLED),
    ADD_FIREWALL_COLD("add.firewall.cold", Labels.COLD),
    ADD_FORWARD("add.forward", "one port forward (update_config, in process)"),
    ADD_FORWARD_CONVERGE("add.forward.converge", "of which the converger"),
    ADD_FORWARD_SETTLED("add.forward.settled", Labels.SETTLED),
    ADD_FORWARD_COLD("add.forward.cold", Labels.COLD),
    ENTRY_DAEMON("entry.daemon", "update_config.py, vrouterd running"),
    ENTRY_DAEMON_CONVERGE("entry.daemon.converge", "of which the converger"),
    ENTRY_DAEMON_SETTLED("entry.daemon.settled", Labels.SETTLED),
    ENTRY_RULE_DAEMON("entry.rule.daemon", "one more firewall rule (N/2 present), vrouterd running"),
    ENTRY_RULE_DAEMON_CONVERGE("entry.rule.daemon.converge", "of which the converger"),
    ENTRY_ONE_SHOT("entry.oneshot", "update_config.py, no vrouterd (one-shot JVM)"),
    EACH_FILE("target.each", "update_config.py once per entry, vrouterd running: total"),
    ONE_BATCH("target.batch", "vr_cfg.sh, one batch of all entries, vrouterd running");

    /** Labels shared by several series (an enum constant cannot use a constant of its own enum). */
    private static final class Labels {
        static final String COLD = "first run at this size (JIT cold; not in the median)";
        static final String SETTLED = "then its settle, after the reply (bag compaction, CloudStack's files)";
    }

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

    /** What vrouterd writes after the reply for one change of this series, if the benchmark measures it. */
    Optional<Series> settled() {
        return switch (this) {
            case ADD_DHCP -> Optional.of(ADD_DHCP_SETTLED);
            case ADD_FIREWALL -> Optional.of(ADD_FIREWALL_SETTLED);
            case ADD_FORWARD -> Optional.of(ADD_FORWARD_SETTLED);
            case ENTRY_DAEMON -> Optional.of(ENTRY_DAEMON_SETTLED);
            default -> Optional.empty();
        };
    }

    /**
     * The first run of this series at a size, measured apart: the JIT has not compiled that size's paths yet (a
     * router's first converge after vrouterd starts). The series' median is taken after it.
     */
    Optional<Series> cold() {
        return switch (this) {
            case SCRATCH_DHCP -> Optional.of(SCRATCH_DHCP_COLD);
            case SCRATCH_FIREWALL -> Optional.of(SCRATCH_FIREWALL_COLD);
            case SCRATCH_FORWARDS -> Optional.of(SCRATCH_FORWARDS_COLD);
            case ADD_DHCP -> Optional.of(ADD_DHCP_COLD);
            case ADD_FIREWALL -> Optional.of(ADD_FIREWALL_COLD);
            case ADD_FORWARD -> Optional.of(ADD_FORWARD_COLD);
            default -> Optional.empty();
        };
    }

    /** Whether this accompanies another series (the converger's share, the cold first run): printed with it, not plotted. */
    boolean isShare() {
        return key.endsWith(".converge") || key.endsWith(".cold") || key.endsWith(".settled");
    }

    boolean isFloor() {
        return this == FLOOR_DNSMASQ || this == FLOOR_RESTORE_FIREWALL || this == FLOOR_RESTORE_FORWARDS;
    }
}
