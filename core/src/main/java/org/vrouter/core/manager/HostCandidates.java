package org.vrouter.core.manager;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.vrouter.api.dc.DeployDestination;
import org.vrouter.api.dc.Host;
import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.error.InsufficientCapacityException;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.router.RouterDeployment;

/**
 * The simple {@link RouterPlacement}: the deployment's own host when it names one, else the first
 * fitting host of a fixed list, preferring hosts the router's peers do not run on. A host fits when
 * it lies inside the deployment's destination (zone, and pod and cluster when given) and runs the
 * router's hypervisor. A deployment that names a host still lets a redundant router move to
 * another fitting host of the list, so a pair spreads over two hosts when there are two.
 *
 * <p>Immutable and thread-safe.
 */
public final class HostCandidates implements RouterPlacement {
    private final List<DeployDestination> hosts;

    /**
     * @param hosts host-level destinations the routers may use, in order of preference
     * @throws InvalidParameterException when an entry names no host
     */
    public HostCandidates(List<DeployDestination> hosts) {
        this.hosts = List.copyOf(hosts);
        for (int i = 0; i < this.hosts.size(); i++) {
            if (this.hosts.get(i).host().isEmpty()) {
                throw new InvalidParameterException("hosts[" + i + "]", "is not a host-level destination");
            }
        }
    }

    /** Only the deployment's own host: every deployment must name one. */
    public static HostCandidates deploymentHostOnly() {
        return new HostCandidates(List.of());
    }

    @Override
    public DeployDestination place(RouterDeployment deployment, Optional<HypervisorType> hypervisor, Set<Long> avoidHostIds) {
        requireNonNull(deployment, "deployment is null");
        requireNonNull(hypervisor, "hypervisor is null");
        requireNonNull(avoidHostIds, "avoidHostIds is null");
        DeployDestination target = deployment.destination();
        List<DeployDestination> fitting = new ArrayList<>();
        if (target.host().isPresent()) {
            fitting.add(target);
        }
        hosts.stream().filter(candidate -> within(candidate, target)).filter(candidate -> !fitting.contains(candidate)).forEach(fitting::add);
        List<DeployDestination> sameHypervisor = fitting.stream()
                .filter(candidate -> hypervisor.isEmpty() || host(candidate).hypervisorType() == hypervisor.get())
                .toList();
        return sameHypervisor.stream()
                .filter(candidate -> !avoidHostIds.contains(host(candidate).id()))
                .findFirst()
                .or(() -> sameHypervisor.stream().findFirst())
                .orElseThrow(() -> new InsufficientCapacityException("host", "no host for a router of network " + deployment.network().id()
                        + " in zone " + target.zone().id() + hypervisor.map(type -> " running " + type.wireName()).orElse("")));
    }

    /**
     * Whether {@code candidate} lies inside {@code target}: same zone, and same pod and cluster
     * where {@code target} names them. A host {@code target} names is a preference, not a bound:
     * other hosts of its cluster may take a redundant peer.
     */
    private static boolean within(DeployDestination candidate, DeployDestination target) {
        return candidate.zone().id() == target.zone().id()
                && target.pod().map(pod -> candidate.pod().filter(own -> own.id() == pod.id()).isPresent()).orElse(true)
                && target.cluster().map(cluster -> candidate.cluster().filter(own -> own.id() == cluster.id()).isPresent()).orElse(true);
    }

    private static Host host(DeployDestination destination) {
        return destination.host().orElseThrow();
    }
}
