package org.vrouter.commands.wire.payload;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.vrouter.api.validation.FieldChecks;

/**
 * {@code monitor_service.json} ({@code monitorservice}): process monitoring and health-check settings, from
 * {@code SetMonitorServiceCommand}. Usually sent with {@code delete_from_processed_cache: true}. Every field
 * is optional: the router keeps the previous value of an absent one.
 *
 * <p>The advanced interval is written {@code health_checks_advance_run_interval}, as CloudStack's
 * management server writes it; {@code health_checks_advanced_run_interval} (what CloudStack's router reads)
 * is accepted on input too.
 *
 * @param config {@code [<svc>]:processname=<p>:servicename=<s>:pidfile=<f>:,} per service
 * @param disableMonitoring the value of access detail {@code router.monitor.enabled} ({@code "false"} means
 *     monitoring is off, despite the name); present only when monitoring is disabled
 * @param healthChecksBasicRunInterval minutes
 * @param healthChecksAdvanceRunInterval minutes
 * @param excludedHealthChecks comma-separated check script names
 * @param healthChecksConfig keys such as {@code virtualMachines}, {@code gateways}, {@code systemThresholds}
 */
public record MonitorServicePayload(
        @JsonProperty("config") Optional<String> config,
        @JsonProperty("disable_monitoring") Optional<String> disableMonitoring,
        @JsonProperty("health_checks_enabled") Optional<Boolean> healthChecksEnabled,
        @JsonProperty("health_checks_basic_run_interval") Optional<Integer> healthChecksBasicRunInterval,
        @JsonProperty("health_checks_advance_run_interval") Optional<Integer> healthChecksAdvanceRunInterval,
        @JsonProperty("excluded_health_checks") Optional<String> excludedHealthChecks,
        @JsonProperty("health_checks_config") Optional<Map<String, String>> healthChecksConfig,
        @JsonProperty("delete_from_processed_cache") boolean deleteFromProcessedCache) implements Payload {

    private static final Set<String> BOOLEAN_TEXT = Set.of("true", "false");

    public MonitorServicePayload {
        requireNonNull(config, "config is null");
        requireNonNull(disableMonitoring, "disableMonitoring is null");
        requireNonNull(healthChecksEnabled, "healthChecksEnabled is null");
        requireNonNull(healthChecksBasicRunInterval, "healthChecksBasicRunInterval is null");
        requireNonNull(healthChecksAdvanceRunInterval, "healthChecksAdvanceRunInterval is null");
        requireNonNull(excludedHealthChecks, "excludedHealthChecks is null");
        requireNonNull(healthChecksConfig, "healthChecksConfig is null");
        config.ifPresent(value -> WireChecks.safeText("config", value));
        disableMonitoring.ifPresent(value -> WireChecks.oneOf("disable_monitoring", value, BOOLEAN_TEXT));
        healthChecksBasicRunInterval.ifPresent(value -> FieldChecks.requireNonNegative("health_checks_basic_run_interval", value));
        healthChecksAdvanceRunInterval.ifPresent(value -> FieldChecks.requireNonNegative("health_checks_advance_run_interval", value));
        excludedHealthChecks.ifPresent(value -> WireChecks.safeText("excluded_health_checks", value));
        healthChecksConfig = healthChecksConfig.map(value -> WireChecks.textMap("health_checks_config", value));
    }

    /** Reads either spelling of the advanced interval; both at once must agree. */
    @JsonCreator
    static MonitorServicePayload fromJson(
            @JsonProperty("config") Optional<String> config,
            @JsonProperty("disable_monitoring") Optional<String> disableMonitoring,
            @JsonProperty("health_checks_enabled") Optional<Boolean> healthChecksEnabled,
            @JsonProperty("health_checks_basic_run_interval") Optional<Integer> healthChecksBasicRunInterval,
            @JsonProperty("health_checks_advance_run_interval") Optional<Integer> healthChecksAdvanceRunInterval,
            @JsonProperty("health_checks_advanced_run_interval") Optional<Integer> healthChecksAdvancedRunInterval,
            @JsonProperty("excluded_health_checks") Optional<String> excludedHealthChecks,
            @JsonProperty("health_checks_config") Optional<Map<String, String>> healthChecksConfig,
            @JsonProperty("delete_from_processed_cache") boolean deleteFromProcessedCache) {
        return new MonitorServicePayload(config, disableMonitoring, healthChecksEnabled, healthChecksBasicRunInterval,
                WireChecks.eitherName("health_checks_advance_run_interval", healthChecksAdvanceRunInterval,
                        "health_checks_advanced_run_interval", healthChecksAdvancedRunInterval),
                excludedHealthChecks, healthChecksConfig, deleteFromProcessedCache);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link MonitorServicePayload}; {@link #build()} runs the record's validation. */
    public static final class Builder {
        private String config;
        private String disableMonitoring;
        private Boolean healthChecksEnabled;
        private Integer healthChecksBasicRunInterval;
        private Integer healthChecksAdvanceRunInterval;
        private String excludedHealthChecks;
        private Map<String, String> healthChecksConfig;
        private boolean deleteFromProcessedCache = true;

        private Builder() {}

        public Builder config(String config) {
            this.config = config;
            return this;
        }

        public Builder disableMonitoring(String disableMonitoring) {
            this.disableMonitoring = disableMonitoring;
            return this;
        }

        public Builder healthChecksEnabled(boolean healthChecksEnabled) {
            this.healthChecksEnabled = healthChecksEnabled;
            return this;
        }

        /** Basic and advanced check intervals in minutes. */
        public Builder intervals(int basicMinutes, int advancedMinutes) {
            this.healthChecksBasicRunInterval = basicMinutes;
            this.healthChecksAdvanceRunInterval = advancedMinutes;
            return this;
        }

        public Builder excludedHealthChecks(String excludedHealthChecks) {
            this.excludedHealthChecks = excludedHealthChecks;
            return this;
        }

        public Builder healthChecksConfig(Map<String, String> healthChecksConfig) {
            this.healthChecksConfig = healthChecksConfig;
            return this;
        }

        public Builder deleteFromProcessedCache(boolean deleteFromProcessedCache) {
            this.deleteFromProcessedCache = deleteFromProcessedCache;
            return this;
        }

        public MonitorServicePayload build() {
            return new MonitorServicePayload(Optional.ofNullable(config), Optional.ofNullable(disableMonitoring),
                    Optional.ofNullable(healthChecksEnabled), Optional.ofNullable(healthChecksBasicRunInterval),
                    Optional.ofNullable(healthChecksAdvanceRunInterval), Optional.ofNullable(excludedHealthChecks),
                    Optional.ofNullable(healthChecksConfig), deleteFromProcessedCache);
        }
    }
}
