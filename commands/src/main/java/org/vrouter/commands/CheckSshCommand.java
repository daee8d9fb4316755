package org.vrouter.commands;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.command.Command;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.validation.FieldChecks;

/**
 * Waits until a freshly started router accepts SSH: CloudStack's {@code CheckSshCommand},
 * {@code Commands} id {@code checkSsh}, the first command after the start. The resource retries a
 * TCP connect to {@code ip:port} (KVM: up to about 10 minutes) and answers with a
 * {@link CheckSshAnswer}.
 *
 * @param vmName the router's instance name
 * @param ip the router's control address
 * @param port the router's SSH port, {@value #DEFAULT_PORT} on CloudStack routers
 */
public record CheckSshCommand(String vmName, IpAddress ip, int port) implements Command {
    /** The SSH port of CloudStack system VMs. */
    public static final int DEFAULT_PORT = 3922;

    public CheckSshCommand {
        FieldChecks.requireHostName("vm_name", vmName);
        requireNonNull(ip, "ip is null");
        FieldChecks.requirePort("port", port);
    }

    /** Checks {@code ip} on port {@value #DEFAULT_PORT}. */
    public static CheckSshCommand of(String vmName, IpAddress ip) {
        return new CheckSshCommand(vmName, ip, DEFAULT_PORT);
    }
}
