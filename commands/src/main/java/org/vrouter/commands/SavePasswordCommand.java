package org.vrouter.commands;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.validation.FieldChecks;

/**
 * Hands a VM's new password to the router's password server: CloudStack's
 * {@code SavePasswordCommand}, {@code Commands} id {@code password}. On the wire one
 * {@code vm_password.json} (type {@code vmpassword}): {@code ip_address} and {@code password}.
 * CloudStack sends it only for the VM's default NIC and only when there is a password.
 *
 * <p>The password is a {@link Secret}: never in {@link #toString()} or an error message. It must be
 * non-empty and hold no control characters, quotes, backslash, backtick or {@code $(}.
 *
 * @param vmName the VM's host name (not on the wire)
 * @param executeInSequence CloudStack's flag: run in sequence with the VM's other commands
 */
public record SavePasswordCommand(
        AccessDetails accessDetails,
        Secret password,
        IpAddress vmIpAddress,
        String vmName,
        boolean executeInSequence) implements NetworkElementCommand {

    public SavePasswordCommand {
        CommandChecks.requireRouter(accessDetails);
        requireNonNull(password, "password is null");
        if (password.isEmpty()) {
            throw new InvalidParameterException("password", "is empty");
        }
        FieldChecks.requireSafeSecret("password", password.reveal());
        requireNonNull(vmIpAddress, "vmIpAddress is null");
        FieldChecks.requireHostName("vm_name", vmName);
    }
}
