package org.vrouter.router.monitor;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * Renders the {@link MonitorInput} into the files CloudStack's router keeps for its monitor
 * (router-side §12): a pure function.
 *
 * <ul>
 *   <li>{@value MonitorFiles#MONITOR_CONF}: one section per process ({@code [ssh]} then its
 *       {@code key=value} lines), only when a {@code config} was received.</li>
 *   <li>{@value MonitorFiles#HEALTH_CHECKS_DATA}: {@code health_checks_basic_run_interval},
 *       {@code health_checks_advanced_run_interval}, {@code health_checks_enabled},
 *       {@code excluded_health_checks} (a list) and {@code health_checks_config} (an object), indented as
 *       Python's {@code json.dump(..., indent=4)} writes it.</li>
 *   <li>{@value MonitorFiles#CRON}: as root, from root's home, {@code monitorServices.py basic} every basic
 *       interval and {@code advanced} every advanced interval (a line only for an interval above 0), each
 *       guarded by {@code test -f monitorServices.py}, so that a router image without CloudStack's scripts
 *       runs nothing. Intervals of an hour or more become whole hours (a warning when rounded), of a day or
 *       more once a day.</li>
 * </ul>
 */
public final class MonitorRenderer {
    private static final int MINUTES_PER_HOUR = 60;
    private static final int HOURS_PER_DAY = 24;
    private static final String CRON_HEADER = """
            # vrouter: CloudStack's router checks (monitorServices.py), from the monitorservice databag
            SHELL=/bin/sh
            PATH=/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin
            """;

    private MonitorRenderer() {}

    public static MonitorFiles render(MonitorInput input) {
        requireNonNull(input, "input is null");
        Map<String, String> files = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        input.services().ifPresent(services -> files.put(MonitorFiles.MONITOR_CONF, monitorConf(services)));
        files.put(MonitorFiles.HEALTH_CHECKS_DATA, healthChecksData(input));
        files.put(MonitorFiles.CRON, cron(input, warnings));
        return new MonitorFiles(files, warnings);
    }

    private static String monitorConf(List<MonitoredService> services) {
        StringBuilder text = new StringBuilder();
        services.forEach(service -> service.lines().forEach(line -> text.append(line).append('\n')));
        return text.toString();
    }

    private static String healthChecksData(MonitorInput input) {
        StringBuilder json = new StringBuilder("{\n");
        json.append("    \"health_checks_basic_run_interval\": ").append(input.basicInterval()).append(",\n");
        json.append("    \"health_checks_advanced_run_interval\": ").append(input.advancedInterval()).append(",\n");
        json.append("    \"health_checks_enabled\": ").append(input.healthChecksEnabled()).append(",\n");
        json.append("    \"excluded_health_checks\": ");
        if (input.excludedChecks().isEmpty()) {
            json.append("[]");
        }
        else {
            json.append("[\n").append(String.join(",\n", input.excludedChecks().stream().map(name -> "        " + quote(name)).toList()))
                    .append("\n    ]");
        }
        json.append(",\n    \"health_checks_config\": ");
        if (input.checksConfig().isEmpty()) {
            json.append("{}");
        }
        else {
            json.append("{\n").append(String.join(",\n", input.checksConfig().entrySet().stream()
                    .map(entry -> "        " + quote(entry.getKey()) + ": " + quote(entry.getValue())).toList())).append("\n    }");
        }
        return json.append("\n}\n").toString();
    }

    private static String cron(MonitorInput input, List<String> warnings) {
        StringBuilder text = new StringBuilder(CRON_HEADER);
        if (input.basicInterval() > 0) {
            text.append(schedule("health_checks_basic_run_interval", input.basicInterval(), warnings)).append(command("basic"));
        }
        if (input.advancedInterval() > 0) {
            text.append(schedule("health_checks_advanced_run_interval", input.advancedInterval(), warnings)).append(command("advanced"));
        }
        return text.toString();
    }

    /** The five time fields of a cron line running every {@code minutes}. */
    static String schedule(String field, int minutes, List<String> warnings) {
        if (minutes < MINUTES_PER_HOUR) {
            return "*/" + minutes + " * * * *";
        }
        int hours = minutes / MINUTES_PER_HOUR;
        if (hours >= HOURS_PER_DAY) {
            if (minutes != HOURS_PER_DAY * MINUTES_PER_HOUR) {
                warnings.add("monitorservice." + field + ": " + minutes + " minutes scheduled once a day");
            }
            return "0 0 * * *";
        }
        if (minutes % MINUTES_PER_HOUR != 0) {
            warnings.add("monitorservice." + field + ": " + minutes + " minutes scheduled every " + hours + " hour(s)");
        }
        return "0 */" + hours + " * * *";
    }

    private static String command(String kind) {
        return " root cd /root && test -f monitorServices.py && /usr/bin/python3 monitorServices.py " + kind + "\n";
    }

    private static String quote(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }
}
