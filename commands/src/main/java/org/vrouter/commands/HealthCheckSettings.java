package org.vrouter.commands;

import java.util.List;
import java.util.regex.Pattern;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.validation.FieldChecks;

/**
 * The router health-check schedule a {@link SetMonitorServiceCommand} pushes. CloudStack carries it
 * in access details, and the resource copies them into {@code monitor_service.json}:
 * {@code router.health.checks.enabled} → {@code health_checks_enabled},
 * {@code router.health.checks.basic.interval} → {@code health_checks_basic_run_interval},
 * {@code router.health.checks.advance.interval} → {@code health_checks_advance_run_interval} (sic),
 * {@code router.health.checks.excluded} → {@code excluded_health_checks} (comma-joined).
 *
 * @param basicIntervalMinutes how often basic checks run; 0 = not scheduled
 * @param advancedIntervalMinutes how often advanced checks run; 0 = not scheduled
 * @param excludedChecks check script names to skip ({@code gateways_check.py})
 */
public record HealthCheckSettings(boolean enabled, int basicIntervalMinutes, int advancedIntervalMinutes, List<String> excludedChecks) {
    private static final Pattern CHECK = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");

    public HealthCheckSettings {
        FieldChecks.requireNonNegative("health_checks_basic_run_interval", basicIntervalMinutes);
        FieldChecks.requireNonNegative("health_checks_advance_run_interval", advancedIntervalMinutes);
        excludedChecks = CommandChecks.list(excludedChecks, "excluded_health_checks");
        for (String check : excludedChecks) {
            if (check == null || !CHECK.matcher(check).matches()) {
                throw new InvalidParameterException("excluded_health_checks", "must be check names of letters, digits, '.', '_' or '-'", check);
            }
        }
    }

    /** CloudStack's defaults: enabled, basic every 3 minutes, advanced every 10, nothing excluded. */
    public static HealthCheckSettings defaults() {
        return new HealthCheckSettings(true, 3, 10, List.of());
    }
}
