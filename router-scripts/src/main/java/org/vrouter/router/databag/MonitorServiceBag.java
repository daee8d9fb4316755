package org.vrouter.router.databag;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import org.vrouter.commands.wire.payload.MonitorServicePayload;

/**
 * The {@code monitorservice} bag: the monitoring and health-check settings, each the last value received
 * (a delivery that omits a setting keeps the previous one). Held as a {@link MonitorServicePayload} whose
 * {@code delete_from_processed_cache} is meaningless (always false). On disk the advanced interval is
 * stored as {@code health_checks_advanced_run_interval}, the name CloudStack's router reads, whichever
 * spelling arrived.
 */
public record MonitorServiceBag(MonitorServicePayload settings) implements Databag {
    private static final MonitorServicePayload NOTHING = new MonitorServicePayload(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);

    public MonitorServiceBag {
        requireNonNull(settings, "settings is null");
        if (settings.deleteFromProcessedCache()) {
            throw new IllegalArgumentException("monitor settings carry delete_from_processed_cache");
        }
    }

    /** The settings of a payload (its {@code delete_from_processed_cache} dropped). */
    public static MonitorServiceBag of(MonitorServicePayload payload) {
        return new MonitorServiceBag(new MonitorServicePayload(payload.config(), payload.disableMonitoring(),
                payload.healthChecksEnabled(), payload.healthChecksBasicRunInterval(), payload.healthChecksAdvanceRunInterval(),
                payload.excludedHealthChecks(), payload.healthChecksConfig(), false));
    }

    public static MonitorServiceBag empty() {
        return new MonitorServiceBag(NOTHING);
    }

    @Override
    public BagKey key() {
        return BagKey.MONITOR_SERVICE;
    }

    @Override
    public boolean isEmpty() {
        return settings.equals(NOTHING);
    }
}
