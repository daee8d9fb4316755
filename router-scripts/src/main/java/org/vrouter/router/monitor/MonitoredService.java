package org.vrouter.router.monitor;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.vrouter.api.error.InvalidParameterException;

/**
 * One process CloudStack's monitor watches: a section of {@code /etc/monitor.conf}, as the {@code config}
 * of the {@code monitorservice} bag gives it ({@code [ssh]:processname=sshd:servicename=ssh:pidfile=...:}).
 *
 * @param name the section name, without brackets ({@code ssh})
 * @param settings {@code key=value} lines in the order received, each once
 */
public record MonitoredService(String name, List<String> settings) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern SETTING = Pattern.compile("[A-Za-z0-9_]+=[^\\s\\[\\]]*");

    public MonitoredService {
        requireNonNull(name, "name is null");
        settings = List.copyOf(requireNonNull(settings, "settings is null"));
        if (!NAME.matcher(name).matches()) {
            throw new InvalidParameterException("name", "not a service name (letters, digits, '.', '_', '-')", name);
        }
        for (String setting : settings) {
            if (!SETTING.matcher(setting).matches()) {
                throw new InvalidParameterException("settings", "not a key=value setting", setting);
            }
        }
        if (settings.stream().distinct().count() != settings.size()) {
            throw new InvalidParameterException("settings", "a setting is given twice", settings);
        }
    }

    /** The section's lines: {@code [name]} and the settings. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>(settings.size() + 1);
        lines.add("[" + name + "]");
        lines.addAll(settings);
        return lines;
    }
}
