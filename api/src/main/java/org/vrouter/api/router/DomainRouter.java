package org.vrouter.api.router;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.validation.FieldChecks;

/**
 * A virtual router (CloudStack's {@code DomainRouterVO}): an appliance VM serving one or more
 * guest networks (or a VPC), with its placement, addresses, lifecycle state and redundancy role.
 * Values are immutable snapshots; a {@link RouterDao} stores them with an optimistic {@code version}.
 *
 * <p>Validated at construction: the instance name is {@code r-<id>-<suffix>} for this id
 * ({@code r-5-VM}); network ids are unique and guest IPs are only for those networks; a Running or
 * Stopping router has a host; a non-redundant router's redundant state is UNKNOWN. Build one with
 * {@link #builder(long, String, long, HypervisorType, long)}; change one with {@link #toBuilder()}
 * or {@link #withState(RouterState)}, which checks the transition.
 *
 * @param instanceName the VM name, also the {@code router.name} access detail and the key under
 *     which the router side serializes batches
 * @param networkIds the guest networks the router serves, in NIC order
 * @param controlIp the address management reaches the router at (link-local on KVM and XenServer,
 *     a pod address on VMware) — the {@code router.ip} access detail
 * @param publicIp the source NAT address on the router's public NIC, if it has one
 * @param guestIps the router's own address in each guest network ({@code router.guest.ip})
 * @param stopPending set when a redundant router missed an update while its host was
 *     disconnected; such a router is stopped when the host returns and gets no rules meanwhile
 * @param templateVersion the system VM template version the router reported, once known
 * @param scriptsVersion the router scripts' checksum the router reported, once known
 * @param version optimistic-lock version, maintained by the {@link RouterDao}
 */
public record DomainRouter(
        long id,
        String uuid,
        String instanceName,
        long zoneId,
        OptionalLong podId,
        OptionalLong hostId,
        HypervisorType hypervisorType,
        long serviceOfferingId,
        RouterState state,
        Role role,
        List<Long> networkIds,
        OptionalLong vpcId,
        Optional<IpAddress> controlIp,
        Optional<IpAddress> publicIp,
        Map<Long, IpAddress> guestIps,
        boolean redundant,
        RedundantState redundantState,
        UpdateState updateState,
        boolean stopPending,
        Optional<String> templateVersion,
        Optional<String> scriptsVersion,
        long version) {

    private static final Pattern NAME = Pattern.compile("r-(\\d{1,19})-([A-Za-z0-9]{1,32})");

    public DomainRouter {
        FieldChecks.requirePositive("router_id", id);
        FieldChecks.requireIdentifier("router_uuid", uuid);
        requireName(id, instanceName);
        FieldChecks.requirePositive("zone_id", zoneId);
        requireNonNull(podId, "podId is null");
        requireNonNull(hostId, "hostId is null");
        podId.ifPresent(pod -> FieldChecks.requirePositive("pod_id", pod));
        hostId.ifPresent(host -> FieldChecks.requirePositive("host_id", host));
        requireNonNull(hypervisorType, "hypervisorType is null");
        FieldChecks.requirePositive("service_offering_id", serviceOfferingId);
        requireNonNull(state, "state is null");
        requireNonNull(role, "role is null");
        networkIds = requireNetworkIds(networkIds);
        requireNonNull(vpcId, "vpcId is null");
        vpcId.ifPresent(vpc -> FieldChecks.requirePositive("vpc_id", vpc));
        requireNonNull(controlIp, "controlIp is null");
        requireNonNull(publicIp, "publicIp is null");
        controlIp.filter(IpAddress::isIpv6).ifPresent(address -> {
            throw new InvalidParameterException("router_ip", "the control address must be IPv4", address);
        });
        guestIps = requireGuestIps(guestIps, networkIds);
        requireNonNull(redundantState, "redundantState is null");
        requireNonNull(updateState, "updateState is null");
        requireNonNull(templateVersion, "templateVersion is null");
        requireNonNull(scriptsVersion, "scriptsVersion is null");
        templateVersion.ifPresent(value -> FieldChecks.requireSafeText("template_version", FieldChecks.requireNonBlank("template_version", value)));
        scriptsVersion.ifPresent(value -> FieldChecks.requireSafeText("scripts_version", FieldChecks.requireNonBlank("scripts_version", value)));
        FieldChecks.requireNonNegative("version", version);
        if ((state == RouterState.RUNNING || state == RouterState.STOPPING) && hostId.isEmpty()) {
            throw new InvalidParameterException("host_id", "is missing for a " + state + " router " + instanceName);
        }
        if (!redundant && redundantState != RedundantState.UNKNOWN) {
            throw new InvalidParameterException("redundant_state", "must be UNKNOWN for a non-redundant router", redundantState);
        }
    }

    private static void requireName(long id, String instanceName) {
        requireNonNull(instanceName, "instanceName is null");
        Matcher matcher = NAME.matcher(instanceName);
        if (!matcher.matches() || !matcher.group(1).equals(Long.toString(id))) {
            throw new InvalidParameterException("router_name", "must be r-" + id + "-<suffix> (letters and digits), e.g. r-" + id + "-VM",
                    instanceName);
        }
    }

    private static List<Long> requireNetworkIds(List<Long> networkIds) {
        List<Long> copy = List.copyOf(networkIds);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < copy.size(); i++) {
            FieldChecks.requirePositive("network_ids[" + i + "]", copy.get(i));
            if (!seen.add(copy.get(i))) {
                throw new InvalidParameterException("network_ids[" + i + "]", "duplicate network id", copy.get(i));
            }
        }
        return copy;
    }

    private static Map<Long, IpAddress> requireGuestIps(Map<Long, IpAddress> guestIps, List<Long> networkIds) {
        requireNonNull(guestIps, "guestIps is null");
        Map<Long, IpAddress> sorted = new TreeMap<>();
        for (Map.Entry<Long, IpAddress> entry : guestIps.entrySet()) {
            if (!networkIds.contains(entry.getKey())) {
                throw new InvalidParameterException("guest_ips", "address for network " + entry.getKey() + " which the router does not serve",
                        entry.getValue());
            }
            sorted.put(entry.getKey(), requireNonNull(entry.getValue(), "guest ip is null"));
        }
        return Collections.unmodifiableMap(sorted);
    }

    /** The default instance name for a router id: {@code r-<id>-VM}. */
    public static String instanceName(long id) {
        return "r-" + id + "-VM";
    }

    /**
     * Starts a router named {@code r-<id>-VM} in state Stopped, role VIRTUAL_ROUTER, with no
     * networks, addresses or placement.
     */
    public static Builder builder(long id, String uuid, long zoneId, HypervisorType hypervisorType, long serviceOfferingId) {
        return new Builder(id, uuid, zoneId, hypervisorType, serviceOfferingId);
    }

    /** A builder holding every component of this router, to change some of them (no transition check). */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * The same router in state {@code to}.
     *
     * @throws org.vrouter.api.error.InvalidStateException when the transition is illegal (see {@link RouterState})
     */
    public DomainRouter withState(RouterState to) {
        state.requireTransition(displayName(), to);
        return toBuilder().state(to).build();
    }

    /** {@code router r-5-VM}: how messages and exceptions name this router. */
    public String displayName() {
        return "router " + instanceName;
    }

    /** The router's address in guest network {@code networkId}. */
    public Optional<IpAddress> guestIp(long networkId) {
        return Optional.ofNullable(guestIps.get(networkId));
    }

    /** Whether the router serves {@code networkId}. */
    public boolean serves(long networkId) {
        return networkIds.contains(networkId);
    }

    public boolean isRunning() {
        return state == RouterState.RUNNING;
    }

    /** Collects the components of a {@link DomainRouter}; {@link #build()} validates them. */
    public static final class Builder {
        private final long id;
        private final String uuid;
        private String instanceName;
        private long zoneId;
        private OptionalLong podId = OptionalLong.empty();
        private OptionalLong hostId = OptionalLong.empty();
        private HypervisorType hypervisorType;
        private long serviceOfferingId;
        private RouterState state = RouterState.STOPPED;
        private Role role = Role.VIRTUAL_ROUTER;
        private List<Long> networkIds = List.of();
        private OptionalLong vpcId = OptionalLong.empty();
        private Optional<IpAddress> controlIp = Optional.empty();
        private Optional<IpAddress> publicIp = Optional.empty();
        private Map<Long, IpAddress> guestIps = Map.of();
        private boolean redundant;
        private RedundantState redundantState = RedundantState.UNKNOWN;
        private UpdateState updateState = UpdateState.NONE;
        private boolean stopPending;
        private Optional<String> templateVersion = Optional.empty();
        private Optional<String> scriptsVersion = Optional.empty();
        private long version;

        private Builder(long id, String uuid, long zoneId, HypervisorType hypervisorType, long serviceOfferingId) {
            this.id = id;
            this.uuid = uuid;
            this.instanceName = DomainRouter.instanceName(id);
            this.zoneId = zoneId;
            this.hypervisorType = hypervisorType;
            this.serviceOfferingId = serviceOfferingId;
        }

        private Builder(DomainRouter router) {
            this(router.id, router.uuid, router.zoneId, router.hypervisorType, router.serviceOfferingId);
            instanceName = router.instanceName;
            podId = router.podId;
            hostId = router.hostId;
            state = router.state;
            role = router.role;
            networkIds = router.networkIds;
            vpcId = router.vpcId;
            controlIp = router.controlIp;
            publicIp = router.publicIp;
            guestIps = router.guestIps;
            redundant = router.redundant;
            redundantState = router.redundantState;
            updateState = router.updateState;
            stopPending = router.stopPending;
            templateVersion = router.templateVersion;
            scriptsVersion = router.scriptsVersion;
            version = router.version;
        }

        public Builder instanceName(String instanceName) {
            this.instanceName = instanceName;
            return this;
        }

        public Builder zoneId(long zoneId) {
            this.zoneId = zoneId;
            return this;
        }

        /** Places the router on {@code hostId} in {@code podId}. */
        public Builder placement(long podId, long hostId) {
            this.podId = OptionalLong.of(podId);
            this.hostId = OptionalLong.of(hostId);
            return this;
        }

        /** Removes the host (a stopped router keeps its pod). */
        public Builder noHost() {
            this.hostId = OptionalLong.empty();
            return this;
        }

        public Builder hypervisorType(HypervisorType hypervisorType) {
            this.hypervisorType = hypervisorType;
            return this;
        }

        public Builder serviceOfferingId(long serviceOfferingId) {
            this.serviceOfferingId = serviceOfferingId;
            return this;
        }

        public Builder state(RouterState state) {
            this.state = state;
            return this;
        }

        public Builder role(Role role) {
            this.role = role;
            return this;
        }

        public Builder networkIds(List<Long> networkIds) {
            this.networkIds = networkIds;
            return this;
        }

        public Builder vpcId(long vpcId) {
            this.vpcId = OptionalLong.of(vpcId);
            return this;
        }

        public Builder controlIp(IpAddress controlIp) {
            this.controlIp = Optional.of(controlIp);
            return this;
        }

        public Builder publicIp(IpAddress publicIp) {
            this.publicIp = Optional.of(publicIp);
            return this;
        }

        public Builder guestIps(Map<Long, IpAddress> guestIps) {
            this.guestIps = guestIps;
            return this;
        }

        public Builder redundant(boolean redundant) {
            this.redundant = redundant;
            return this;
        }

        public Builder redundantState(RedundantState redundantState) {
            this.redundantState = redundantState;
            return this;
        }

        public Builder updateState(UpdateState updateState) {
            this.updateState = updateState;
            return this;
        }

        public Builder stopPending(boolean stopPending) {
            this.stopPending = stopPending;
            return this;
        }

        /** The versions the router reported ({@code GetDomRVersionAnswer}). */
        public Builder versions(String templateVersion, String scriptsVersion) {
            this.templateVersion = Optional.of(templateVersion);
            this.scriptsVersion = Optional.of(scriptsVersion);
            return this;
        }

        /** Set by a {@link RouterDao}; callers pass on the version they read. */
        public Builder version(long version) {
            this.version = version;
            return this;
        }

        public DomainRouter build() {
            return new DomainRouter(id, uuid, instanceName, zoneId, podId, hostId, hypervisorType, serviceOfferingId, state, role,
                    networkIds, vpcId, controlIp, publicIp, guestIps, redundant, redundantState, updateState, stopPending,
                    templateVersion, scriptsVersion, version);
        }
    }
}
