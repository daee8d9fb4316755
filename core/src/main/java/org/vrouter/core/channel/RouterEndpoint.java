package org.vrouter.core.channel;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.net.IpAddress;
import org.vrouter.api.validation.FieldChecks;

/**
 * Which router to reach: its instance name (CloudStack's {@code router.name}, e.g.
 * {@code r-12-VM}; used in messages and as the lock key) and its control address
 * ({@code router.ip}: link-local on KVM/Xen, a pod address on VMware).
 */
public record RouterEndpoint(String name, IpAddress controlIp) {
    public RouterEndpoint {
        FieldChecks.requireHostName("router.name", name);
        requireNonNull(controlIp, "controlIp is null");
    }

    @Override
    public String toString() {
        return name + " (" + controlIp.value() + ")";
    }
}
