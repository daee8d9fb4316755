package org.vrouter.router.monitor;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.commands.wire.payload.MonitorServicePayload;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.databag.MonitorServiceBag;

/**
 * Maps the {@code monitorservice} bag into the {@link MonitorInput}: a pure function, after CloudStack's
 * {@code CsMonitor}. The advanced interval arrives under either spelling
 * ({@code health_checks_advance_run_interval}, which CloudStack's management server sends, or
 * {@code health_checks_advanced_run_interval}, which its router reads): the payload and the bag accept both,
 * so unlike CloudStack's router the advanced checks do get scheduled.
 *
 * <p>{@code config}: records split at {@code ,}, fields at {@code :}; a record with fewer than 5 fields is
 * left out (as CloudStack does), as is one whose first field is not {@code [name]} or whose settings are
 * not {@code key=value}, with a warning; a section name given twice keeps the first. Excluded checks:
 * split at {@code ,}, trimmed, empty names dropped.
 */
public final class MonitorInputs {
    private static final int MIN_FIELDS = 5;
    private static final int USED_FIELDS = 4;

    /**
     * The input, or empty when no monitoring settings have been received, and the entries left out.
     *
     * @param warnings one line each ({@code monitorservice.config[2]: ...})
     */
    public record Result(Optional<MonitorInput> input, List<String> warnings) {
        public Result {
            requireNonNull(input, "input is null");
            warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
        }
    }

    private MonitorInputs() {}

    public static Result from(Databags bags) {
        MonitorServiceBag bag = requireNonNull(bags, "bags is null").monitorService();
        if (bag.isEmpty()) {
            return new Result(Optional.empty(), List.of());
        }
        MonitorServicePayload settings = bag.settings();
        List<String> warnings = new ArrayList<>();
        Optional<List<MonitoredService>> services = settings.config().map(config -> services(config, warnings));
        List<String> excluded = settings.excludedHealthChecks().map(MonitorInputs::names).orElse(List.of());
        MonitorInput input = new MonitorInput(services, settings.healthChecksEnabled().orElse(false),
                settings.healthChecksBasicRunInterval().orElse(MonitorInput.DEFAULT_BASIC_INTERVAL),
                settings.healthChecksAdvanceRunInterval().orElse(MonitorInput.DEFAULT_ADVANCED_INTERVAL), excluded,
                settings.healthChecksConfig().orElse(Map.of()));
        return new Result(Optional.of(input), warnings);
    }

    private static List<MonitoredService> services(String config, List<String> warnings) {
        Map<String, MonitoredService> services = new LinkedHashMap<>();
        String[] records = config.split(",");
        for (int i = 0; i < records.length; i++) {
            String record = records[i].strip();
            if (record.isEmpty()) {
                continue;
            }
            String where = "monitorservice.config[" + i + "]: ";
            String[] fields = record.split(":", -1);
            if (fields.length < MIN_FIELDS) {
                warnings.add(where + "fewer than " + MIN_FIELDS + " ':'-separated fields; left out: " + record);
                continue;
            }
            String header = fields[0].strip();
            if (!header.startsWith("[") || !header.endsWith("]")) {
                warnings.add(where + "does not start with [name]; left out: " + record);
                continue;
            }
            Set<String> settings = new LinkedHashSet<>();
            Arrays.stream(fields, 1, USED_FIELDS).map(String::strip).forEach(settings::add);
            try {
                MonitoredService service = new MonitoredService(header.substring(1, header.length() - 1), List.copyOf(settings));
                if (services.putIfAbsent(service.name(), service) != null) {
                    warnings.add(where + "service [" + service.name() + "] given again; the first one is kept");
                }
            }
            catch (InvalidParameterException e) {
                warnings.add(where + e.getMessage() + "; left out");
            }
        }
        return List.copyOf(services.values());
    }

    private static List<String> names(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList();
    }
}
