package org.vrouter.commands.to;

import java.util.regex.Pattern;

import org.vrouter.api.error.InvalidParameterException;

/**
 * One service the router's monitor watches and restarts: CloudStack's {@code MonitorServiceTO}, an
 * element of {@code SetMonitorServiceCommand}; on the wire one
 * {@code [service]:processname=p:servicename=s:pidfile=f:,} segment of {@code config} in
 * {@code monitor_service.json}.
 *
 * <p>Names are tokens (letters, digits, {@code . _ @ -}) and paths absolute with the same
 * characters plus {@code /}, so none can break the {@code [..]:k=v:,} encoding.
 *
 * @param service the monitor's name for it ({@code ssh}, {@code dhcp}, {@code loadbalancing})
 * @param processName the process to look for ({@code sshd})
 * @param serviceName the system service to restart ({@code ssh})
 * @param servicePath the service's init script or unit path
 * @param pidFile the pid file ({@code /var/run/sshd.pid})
 * @param defaultService one of the services every router monitors (CloudStack's {@code isDefault})
 */
public record MonitorServiceTO(
        String service,
        String processName,
        String serviceName,
        String servicePath,
        String pidFile,
        boolean defaultService) {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._@/-]{0,254}");

    public MonitorServiceTO {
        token("service", service);
        token("processname", processName);
        token("servicename", serviceName);
        path("service_path", servicePath);
        path("pidfile", pidFile);
    }

    /** This service's segment of the monitor configuration: {@code [s]:processname=p:servicename=n:pidfile=f:,}. */
    public String configurationSegment() {
        return "[" + service + "]:processname=" + processName + ":servicename=" + serviceName + ":pidfile=" + pidFile + ":,";
    }

    private static void token(String field, String value) {
        if (value == null) {
            throw new InvalidParameterException(field, "is missing");
        }
        if (!TOKEN.matcher(value).matches()) {
            throw new InvalidParameterException(field, "must be letters, digits, '.', '_', '@' or '-' (at most 64)", value);
        }
    }

    private static void path(String field, String value) {
        if (value == null) {
            throw new InvalidParameterException(field, "is missing");
        }
        if (!PATH.matcher(value).matches() || value.contains("/../") || value.endsWith("/..")) {
            throw new InvalidParameterException(field, "must be an absolute path of letters, digits, '.', '_', '@', '-' and '/'", value);
        }
    }
}
