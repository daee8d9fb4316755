package org.vrouter.commands;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

import org.vrouter.api.command.Command;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.validation.FieldChecks;

/**
 * Stops a VM on its host: CloudStack's {@code StopCommand}. A forced stop destroys the VM at once;
 * a graceful one asks the guest to shut down (ACPI) and destroys it after the graceful timeout
 * (empty: the resource's default, KVM's {@code stop.script.timeout}). "VM not found" counts as
 * stopped. Handled by the hypervisor resource; nothing goes to the router.
 *
 * @param vmName the instance name ({@code r-12-VM})
 * @param gracefulTimeout positive; only for a graceful stop
 * @param controlIp the VM's control address (CloudStack releases it on VMware after the stop)
 */
public record StopCommand(String vmName, boolean forced, Optional<Duration> gracefulTimeout, Optional<IpAddress> controlIp)
        implements Command {

    public StopCommand {
        FieldChecks.requireHostName("vm_name", vmName);
        requireNonNull(gracefulTimeout, "gracefulTimeout is null");
        requireNonNull(controlIp, "controlIp is null");
        if (forced && gracefulTimeout.isPresent()) {
            throw new InvalidParameterException("graceful_timeout", "a forced stop has no graceful timeout", gracefulTimeout.get());
        }
        gracefulTimeout.filter(timeout -> timeout.isNegative() || timeout.isZero()).ifPresent(timeout -> {
            throw new InvalidParameterException("graceful_timeout", "must be positive", timeout);
        });
    }

    /** Destroys {@code vmName} without asking the guest. */
    public static StopCommand forced(String vmName) {
        return new StopCommand(vmName, true, Optional.empty(), Optional.empty());
    }

    /** Asks {@code vmName} to shut down, within the resource's default timeout. */
    public static StopCommand graceful(String vmName) {
        return new StopCommand(vmName, false, Optional.empty(), Optional.empty());
    }

    /** Asks {@code vmName} to shut down, destroying it after {@code timeout}. */
    public static StopCommand graceful(String vmName, Duration timeout) {
        return new StopCommand(vmName, false, Optional.of(timeout), Optional.empty());
    }
}
