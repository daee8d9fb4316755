package org.vrouter.router.monitor;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The monitoring files rendered from a {@link MonitorInput}, router path to text in write order, and the
 * settings that could not be rendered as given (an interval cron cannot express).
 */
public record MonitorFiles(Map<String, String> files, List<String> warnings) {
    /** Processes to watch, in sections, for CloudStack's {@code monitorServices.py}. */
    public static final String MONITOR_CONF = "/etc/monitor.conf";
    /** Health-check settings for {@code monitorServices.py}. */
    public static final String HEALTH_CHECKS_DATA = "/root/health_checks_data.json";
    /** The schedule of the basic and advanced checks. */
    public static final String CRON = "/etc/cron.d/process";

    public MonitorFiles {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(files, "files is null")));
        warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
    }
}
