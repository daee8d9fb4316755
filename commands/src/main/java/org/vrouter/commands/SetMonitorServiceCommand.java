package org.vrouter.commands;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.validation.FieldChecks;
import org.vrouter.commands.to.MonitorServiceTO;

/**
 * Configures the router's service monitor and health checks: CloudStack's
 * {@code SetMonitorServiceCommand}, {@code Commands} id {@code monitor}. On the wire one
 * {@code monitor_service.json} (type {@code monitorservice}): {@code config} (see
 * {@link #configuration()}), {@code disable_monitoring}, the health-check schedule, and
 * {@code health_checks_config}; with {@code delete_from_processed_cache} the script call gets the
 * extra {@code false} argument, and with {@link #reconfigureAfterUpdate()} a third step runs
 * {@code configure.py monitor_service.json}.
 *
 * <p>Two uses in CloudStack: at router start, the services to watch (no health-check settings,
 * kept in the processed cache, no reconfigure); and the health-check push, with no services,
 * {@link HealthCheckSettings}, the configuration map, reconfigure and delete-from-cache both true.
 *
 * <p>The access details the resource reads are derived from the typed fields:
 * {@code router.monitor.enabled = false} when monitoring is off (absent otherwise), and the four
 * {@code router.health.checks.*} details when settings are present. Configuration values hold no
 * quotes, backslashes or control characters.
 */
public record SetMonitorServiceCommand(
        AccessDetails accessDetails,
        List<MonitorServiceTO> services,
        Map<HealthCheckConfigKey, String> healthChecksConfig,
        boolean monitoringEnabled,
        Optional<HealthCheckSettings> healthChecks,
        boolean reconfigureAfterUpdate,
        boolean deleteFromProcessedCache) implements NetworkElementCommand {

    public SetMonitorServiceCommand {
        CommandChecks.requireRouter(accessDetails);
        services = CommandChecks.list(services, "services");
        Set<String> names = new HashSet<>();
        CommandChecks.each(services, "services", service -> {
            if (!names.add(service.service())) {
                throw new InvalidParameterException("service", "listed twice", service.service());
            }
        });
        healthChecksConfig = copyConfig(requireNonNull(healthChecksConfig, "healthChecksConfig is null"));
        requireNonNull(healthChecks, "healthChecks is null");
        accessDetails = deriveDetails(accessDetails, monitoringEnabled, healthChecks);
    }

    private static Map<HealthCheckConfigKey, String> copyConfig(Map<HealthCheckConfigKey, String> config) {
        Map<HealthCheckConfigKey, String> copy = new EnumMap<>(HealthCheckConfigKey.class);
        config.forEach((key, value) -> copy.put(requireNonNull(key, "health check config key is null"),
                FieldChecks.requireSafeText("health_checks_config." + key.wireName(), value)));
        return Collections.unmodifiableMap(copy);
    }

    private static AccessDetails deriveDetails(AccessDetails details, boolean monitoringEnabled, Optional<HealthCheckSettings> healthChecks) {
        AccessDetails derived = details;
        if (!monitoringEnabled) {
            derived = derived.withDerived(AccessDetails.ROUTER_MONITORING_ENABLED, "false");
        }
        else if (derived.get(AccessDetails.ROUTER_MONITORING_ENABLED).filter(value -> !value.equals("true")).isPresent()) {
            throw new InvalidParameterException(AccessDetails.ROUTER_MONITORING_ENABLED, "conflicts with monitoringEnabled = true",
                    derived.require(AccessDetails.ROUTER_MONITORING_ENABLED));
        }
        if (healthChecks.isPresent()) {
            HealthCheckSettings settings = healthChecks.get();
            derived = derived.withDerived(AccessDetails.ROUTER_HEALTH_CHECKS_ENABLED, Boolean.toString(settings.enabled()))
                    .withDerived(AccessDetails.ROUTER_HEALTH_CHECKS_BASIC_INTERVAL, Integer.toString(settings.basicIntervalMinutes()))
                    .withDerived(AccessDetails.ROUTER_HEALTH_CHECKS_ADVANCED_INTERVAL, Integer.toString(settings.advancedIntervalMinutes()))
                    .withDerived(AccessDetails.ROUTER_HEALTH_CHECKS_EXCLUDED, String.join(",", settings.excludedChecks()));
        }
        return derived;
    }

    public static Builder builder(AccessDetails accessDetails) {
        return new Builder(accessDetails);
    }

    /**
     * CloudStack's {@code getConfiguration()}: one {@code [svc]:processname=p:servicename=s:pidfile=f:,}
     * segment per service, in list order; empty without services.
     */
    public String configuration() {
        return services.stream().map(MonitorServiceTO::configurationSegment).collect(Collectors.joining());
    }

    /** Three (file, script, {@code configure.py}) with reconfigure, else two. */
    @Override
    public int answersCount() {
        return reconfigureAfterUpdate ? 3 : 2;
    }

    /** Collects the command's fields; {@link #build()} validates them. Defaults: monitoring on, nothing else. */
    public static final class Builder {
        private final AccessDetails accessDetails;
        private final List<MonitorServiceTO> services = new ArrayList<>();
        private final Map<HealthCheckConfigKey, String> healthChecksConfig = new EnumMap<>(HealthCheckConfigKey.class);
        private boolean monitoringEnabled = true;
        private HealthCheckSettings healthChecks;
        private boolean reconfigureAfterUpdate;
        private boolean deleteFromProcessedCache;

        private Builder(AccessDetails accessDetails) {
            this.accessDetails = requireNonNull(accessDetails, "accessDetails is null");
        }

        public Builder service(MonitorServiceTO service) {
            services.add(requireNonNull(service, "service is null"));
            return this;
        }

        public Builder healthCheckConfig(HealthCheckConfigKey key, String value) {
            healthChecksConfig.put(requireNonNull(key, "key is null"), requireNonNull(value, "value is null"));
            return this;
        }

        public Builder monitoringEnabled(boolean enabled) {
            this.monitoringEnabled = enabled;
            return this;
        }

        public Builder healthChecks(HealthCheckSettings settings) {
            this.healthChecks = requireNonNull(settings, "settings is null");
            return this;
        }

        public Builder reconfigureAfterUpdate(boolean reconfigure) {
            this.reconfigureAfterUpdate = reconfigure;
            return this;
        }

        public Builder deleteFromProcessedCache(boolean delete) {
            this.deleteFromProcessedCache = delete;
            return this;
        }

        public SetMonitorServiceCommand build() {
            return new SetMonitorServiceCommand(accessDetails, services, healthChecksConfig, monitoringEnabled,
                    Optional.ofNullable(healthChecks), reconfigureAfterUpdate, deleteFromProcessedCache);
        }
    }
}
