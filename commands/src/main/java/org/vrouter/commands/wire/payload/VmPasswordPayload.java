package org.vrouter.commands.wire.payload;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.vrouter.api.net.IpAddress;
import org.vrouter.api.secret.Secret;

/**
 * {@code vm_password.json} ({@code vmpassword}): one VM's new password, from {@code SavePasswordCommand}.
 * The router hands it to the password server of the VM's guest network. The password is a
 * {@link Secret}: safe text, never shown by {@link #toString()}.
 */
public record VmPasswordPayload(
        @JsonProperty("ip_address") IpAddress ipAddress,
        @JsonProperty("password") Secret password,
        @JsonProperty("delete_from_processed_cache") boolean deleteFromProcessedCache) implements Payload {

    public VmPasswordPayload {
        WireChecks.required("ip_address", ipAddress);
        WireChecks.safeSecret("password", password);
    }

    public static VmPasswordPayload of(IpAddress ipAddress, Secret password) {
        return new VmPasswordPayload(ipAddress, password, false);
    }
}
