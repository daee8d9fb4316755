package org.vrouter.commands;

/**
 * The keys of the health-check configuration map a {@link SetMonitorServiceCommand} pushes
 * ({@code health_checks_config} in {@code monitor_service.json}, keys written verbatim). Values
 * are CloudStack's text formats (management-side §9.2), for example
 * {@code gatewaysIps=10.1.1.1 } for {@link #GATEWAYS}.
 */
public enum HealthCheckConfigKey {
    /** {@code vmName=..,macAddress=..,ip=..,dhcp=..,dns=..;} per running VM. */
    VIRTUAL_MACHINES("virtualMachines"),
    /** {@code gatewaysIps=<gw> <gw> }. */
    GATEWAYS("gateways"),
    /** {@code sourceIp=..,sourcePortStart=..,...;} per port-forwarding rule. */
    PORT_FORWARDING("portForwarding"),
    /** Global haproxy limits and per load-balancer rule settings. */
    HAPROXY_DATA("haproxyData"),
    /** {@code minDiskNeeded=<MB>,maxCpuUsage=<%>,maxMemoryUsage=<%>;}. */
    SYSTEM_THRESHOLDS("systemThresholds"),
    /** {@code templateVersion=..,scriptsVersion=..}, only when known. */
    ROUTER_VERSION("routerVersion");

    private final String wireName;

    HealthCheckConfigKey(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
