package org.vrouter.commands.wire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vrouter.commands.AccessDetails;
import org.vrouter.commands.SetMonitorServiceCommand;
import org.vrouter.commands.wire.payload.MonitorServicePayload;

/** The payload of {@code SetMonitorServiceCommand}: monitored services and health-check settings ({@code monitorservice}). */
final class MonitorPayloads {
    /** The step CloudStack adds when the command asks for reconfiguration after the update. */
    static final ScriptConfigItem RECONFIGURE = ScriptConfigItem.of(ScriptConfigItem.CONFIGURE, "monitor_service.json");

    private MonitorPayloads() {}

    /**
     * {@code monitor_service.json}. Every field is optional and the router keeps the previous value of an
     * absent one, so only what the command sets is written: {@code config} when there are services,
     * {@code disable_monitoring} (the value of access detail {@code router.monitor.enabled}, {@code "false"})
     * when monitoring is off, the schedule (with CloudStack's {@code advance} spelling) when health-check
     * settings are present, {@code health_checks_config} when it has entries. {@code delete_from_processed_cache}
     * is the command's, which adds the trailing {@code false} to the {@code update_config.py} call.
     */
    static MonitorServicePayload monitorService(SetMonitorServiceCommand command) {
        MonitorServicePayload.Builder payload = MonitorServicePayload.builder()
                .deleteFromProcessedCache(command.deleteFromProcessedCache());
        if (!command.services().isEmpty()) {
            payload.config(command.configuration());
        }
        command.accessDetails().get(AccessDetails.ROUTER_MONITORING_ENABLED).filter("false"::equals).ifPresent(payload::disableMonitoring);
        command.healthChecks().ifPresent(settings -> payload
                .healthChecksEnabled(settings.enabled())
                .intervals(settings.basicIntervalMinutes(), settings.advancedIntervalMinutes())
                .excludedHealthChecks(String.join(",", settings.excludedChecks())));
        if (!command.healthChecksConfig().isEmpty()) {
            Map<String, String> config = new LinkedHashMap<>();
            command.healthChecksConfig().forEach((key, value) -> config.put(key.wireName(), value));
            payload.healthChecksConfig(config);
        }
        return payload.build();
    }

    /** The third step, {@code configure.py monitor_service.json}, when the command asks for it. */
    static List<ConfigItem> followUps(SetMonitorServiceCommand command) {
        return command.reconfigureAfterUpdate() ? List.of(RECONFIGURE) : List.of();
    }
}
