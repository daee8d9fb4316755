package org.vrouter.hypervisor.vmware;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.validation.FieldChecks;
import org.vrouter.hypervisor.vmware.vsphere.VmPlacement;
import org.vrouter.hypervisor.vmware.vsphere.VsphereEndpoint;

/**
 * How a {@link VmwareRouterResource} reaches vCenter and where it puts routers.
 *
 * @param endpoint vCenter's SDK URL and credentials
 * @param placement datacenter, cluster, pool, host, datastore and folder of every router VM
 * @param guestId vSphere's guest OS id of the router template ({@code otherLinux64Guest} by default)
 * @param portGroups names each NIC's port group (CloudStack's naming on {@code vSwitch0} by default)
 * @param taskTimeout bound on each vSphere task (create, power on/off, destroy)
 * @param shutdownTimeout how long a graceful stop waits for the guest to power off before powering
 *     it off, when the {@code StopCommand} gives no timeout of its own
 * @param sshProbeTimeout bound on one TCP connect of a {@code CheckSshCommand}
 */
public record VmwareSettings(
        VsphereEndpoint endpoint,
        VmPlacement placement,
        String guestId,
        PortGroupNaming portGroups,
        Duration taskTimeout,
        Duration shutdownTimeout,
        Duration sshProbeTimeout) {

    public static final String DEFAULT_GUEST_ID = "otherLinux64Guest";
    public static final String DEFAULT_VSWITCH = "vSwitch0";
    public static final Duration DEFAULT_TASK_TIMEOUT = Duration.ofMinutes(10);
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(120);
    public static final Duration DEFAULT_SSH_PROBE_TIMEOUT = Duration.ofSeconds(5);

    public VmwareSettings {
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(placement, "placement is null");
        FieldChecks.requireIdentifier("guest_id", guestId);
        requireNonNull(portGroups, "portGroups is null");
        positive("task_timeout", taskTimeout);
        positive("shutdown_timeout", shutdownTimeout);
        positive("ssh_probe_timeout", sshProbeTimeout);
    }

    /** Settings with the defaults above for everything but the endpoint and the placement. */
    public static Builder builder(VsphereEndpoint endpoint, VmPlacement placement) {
        return new Builder(endpoint, placement);
    }

    private static void positive(String field, Duration value) {
        requireNonNull(value, field + " is null");
        if (value.isNegative() || value.isZero() || value.toMillis() > Integer.MAX_VALUE) {
            throw new InvalidParameterException(field, "must be positive and under 24 days", value);
        }
    }

    /** Collects settings; {@link #build()} validates them. */
    public static final class Builder {
        private final VsphereEndpoint endpoint;
        private final VmPlacement placement;
        private String guestId = DEFAULT_GUEST_ID;
        private PortGroupNaming portGroups = PortGroupNaming.cloudStack(DEFAULT_VSWITCH);
        private Duration taskTimeout = DEFAULT_TASK_TIMEOUT;
        private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;
        private Duration sshProbeTimeout = DEFAULT_SSH_PROBE_TIMEOUT;

        private Builder(VsphereEndpoint endpoint, VmPlacement placement) {
            this.endpoint = requireNonNull(endpoint, "endpoint is null");
            this.placement = requireNonNull(placement, "placement is null");
        }

        public Builder guestId(String guestId) {
            this.guestId = requireNonNull(guestId, "guestId is null");
            return this;
        }

        public Builder portGroups(PortGroupNaming portGroups) {
            this.portGroups = requireNonNull(portGroups, "portGroups is null");
            return this;
        }

        public Builder taskTimeout(Duration timeout) {
            this.taskTimeout = requireNonNull(timeout, "timeout is null");
            return this;
        }

        public Builder shutdownTimeout(Duration timeout) {
            this.shutdownTimeout = requireNonNull(timeout, "timeout is null");
            return this;
        }

        public Builder sshProbeTimeout(Duration timeout) {
            this.sshProbeTimeout = requireNonNull(timeout, "timeout is null");
            return this;
        }

        public VmwareSettings build() {
            return new VmwareSettings(endpoint, placement, guestId, portGroups, taskTimeout, shutdownTimeout, sshProbeTimeout);
        }
    }
}
