package org.vrouter.api.vm;

import static java.util.Objects.requireNonNull;

import java.util.OptionalLong;

import org.vrouter.api.validation.FieldChecks;
import org.vrouter.api.validation.WireNames;

/**
 * A virtual machine as the network code sees it: a guest VM whose NICs get DHCP entries and user
 * data, or a system VM such as a router.
 *
 * @param instanceName the hypervisor name ({@code i-2-10-VM}, {@code r-5-VM})
 * @param hostName the guest's host name; goes into DHCP host files, so an RFC 1123 name
 * @param hostId the host the VM runs on, when placed
 * @param podId the pod the VM runs in, when placed (Basic zones program DHCP per pod)
 */
public record VirtualMachine(long id, String uuid, String instanceName, String hostName, Type type, State state,
        OptionalLong hostId, OptionalLong podId) {

    /** The kind of VM (CloudStack's {@code VirtualMachine.Type}); {@code VirtualMachineTO} carries it too. */
    public enum Type {
        USER("User"),
        DOMAIN_ROUTER("DomainRouter"),
        CONSOLE_PROXY("ConsoleProxy"),
        SECONDARY_STORAGE_VM("SecondaryStorageVm"),
        INTERNAL_LOAD_BALANCER_VM("InternalLoadBalancerVm");

        private final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        /** Anything but {@link #USER}: hypervisor resources give system VMs boot arguments, no PXE and a control NIC. */
        public boolean isSystemVm() {
            return this != USER;
        }

        /** Looks up a wire name, ignoring case. */
        public static Type fromWireName(String field, String name) {
            return WireNames.fromWireName(field, name, values(), Type::wireName);
        }
    }

    /** A VM's lifecycle state (CloudStack's {@code VirtualMachine.State}). Routers use {@code RouterState} instead. */
    public enum State {
        STARTING("Starting"),
        RUNNING("Running"),
        STOPPING("Stopping"),
        STOPPED("Stopped"),
        DESTROYED("Destroyed"),
        EXPUNGING("Expunging"),
        MIGRATING("Migrating"),
        ERROR("Error"),
        UNKNOWN("Unknown"),
        SHUTDOWN("Shutdown");

        private final String wireName;

        State(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        /** Looks up a wire name, ignoring case. */
        public static State fromWireName(String field, String name) {
            return WireNames.fromWireName(field, name, values(), State::wireName);
        }

        /**
         * Whether a VM in this state still needs its DHCP entry and user data on the router
         * (CloudStack programs VMs that are Running, Migrating or Stopping).
         */
        public boolean needsNetworkConfiguration() {
            return this == RUNNING || this == MIGRATING || this == STOPPING;
        }
    }

    public VirtualMachine {
        FieldChecks.requirePositive("vm_id", id);
        FieldChecks.requireIdentifier("vm_uuid", uuid);
        FieldChecks.requireIdentifier("instance_name", instanceName);
        FieldChecks.requireHostName("host_name", hostName);
        requireNonNull(type, "type is null");
        requireNonNull(state, "state is null");
        requireNonNull(hostId, "hostId is null");
        requireNonNull(podId, "podId is null");
        hostId.ifPresent(host -> FieldChecks.requirePositive("host_id", host));
        podId.ifPresent(pod -> FieldChecks.requirePositive("pod_id", pod));
    }

    /** A VM not placed on any host. */
    public static VirtualMachine of(long id, String uuid, String instanceName, String hostName, Type type, State state) {
        return new VirtualMachine(id, uuid, instanceName, hostName, type, state, OptionalLong.empty(), OptionalLong.empty());
    }

    /** The same VM placed on {@code hostId} in {@code podId}. */
    public VirtualMachine placedOn(long hostId, long podId) {
        return new VirtualMachine(id, uuid, instanceName, hostName, type, state, OptionalLong.of(hostId), OptionalLong.of(podId));
    }

    /** The same VM in another state (no transition check: VM states belong to the controller). */
    public VirtualMachine withState(State newState) {
        return new VirtualMachine(id, uuid, instanceName, hostName, type, newState, hostId, podId);
    }
}
