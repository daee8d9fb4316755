package org.vrouter.core.manager;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.vrouter.api.dc.DeployDestination;
import org.vrouter.api.vm.VirtualMachineProfile;

/**
 * What the manager knows about its routers beyond the {@code RouterDao}, in memory: the profile a
 * running router was started with (its NICs: public MACs for IP association, a VPC tier's NIC),
 * where it last ran (a restart prefers that host), and why its last start failed. A controller
 * restart loses it; then addresses go out without router MACs (the resource fills them in) and a
 * restart takes the placement's first choice. Thread-safe.
 */
final class RouterRuntime {
    private final ConcurrentMap<Long, VirtualMachineProfile> profiles = new ConcurrentHashMap<>();
    private final ConcurrentMap<Long, DeployDestination> destinations = new ConcurrentHashMap<>();
    private final ConcurrentMap<Long, RouterFailure> failures = new ConcurrentHashMap<>();

    void started(long routerId, VirtualMachineProfile profile, DeployDestination destination) {
        profiles.put(routerId, profile);
        destinations.put(routerId, destination);
        failures.remove(routerId);
    }

    /** A running router's NICs changed (a VPC tier plugged or unplugged). */
    void profileChanged(long routerId, VirtualMachineProfile profile) {
        profiles.put(routerId, profile);
    }

    void stopped(long routerId) {
        profiles.remove(routerId);
    }

    void failed(RouterFailure failure) {
        failures.put(failure.routerId(), failure);
    }

    void forget(long routerId) {
        profiles.remove(routerId);
        destinations.remove(routerId);
        failures.remove(routerId);
    }

    Optional<VirtualMachineProfile> profile(long routerId) {
        return Optional.ofNullable(profiles.get(routerId));
    }

    Optional<DeployDestination> lastDestination(long routerId) {
        return Optional.ofNullable(destinations.get(routerId));
    }

    Optional<RouterFailure> lastFailure(long routerId) {
        return Optional.ofNullable(failures.get(routerId));
    }
}
