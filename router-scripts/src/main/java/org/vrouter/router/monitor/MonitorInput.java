package org.vrouter.router.monitor;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.vrouter.api.validation.FieldChecks;

/**
 * The monitoring settings the router renders, defaults applied as CloudStack's {@code CsMonitor} applies
 * them (router-side §12). Built by {@link MonitorInputs}.
 *
 * @param services the monitored processes, or empty when no {@code config} has been received (then
 *     {@code /etc/monitor.conf} is left as it is)
 * @param healthChecksEnabled default false
 * @param basicInterval minutes between basic checks, default 3; 0 schedules none
 * @param advancedInterval minutes between advanced checks, default 0 (none), from either spelling of the key
 * @param excludedChecks check script names
 * @param checksConfig {@code health_checks_config}, sorted by key
 */
public record MonitorInput(Optional<List<MonitoredService>> services, boolean healthChecksEnabled, int basicInterval,
        int advancedInterval, List<String> excludedChecks, Map<String, String> checksConfig) {
    public static final int DEFAULT_BASIC_INTERVAL = 3;
    public static final int DEFAULT_ADVANCED_INTERVAL = 0;

    public MonitorInput {
        services = requireNonNull(services, "services is null").map(List::copyOf);
        FieldChecks.requireNonNegative("health_checks_basic_run_interval", basicInterval);
        FieldChecks.requireNonNegative("health_checks_advanced_run_interval", advancedInterval);
        excludedChecks = List.copyOf(requireNonNull(excludedChecks, "excludedChecks is null"));
        checksConfig = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(checksConfig, "checksConfig is null")));
    }
}
