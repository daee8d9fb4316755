package org.vrouter.guru;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vrouter.api.bootargs.BootArg;
import org.vrouter.api.bootargs.BootArgKeys;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.IpRange;
import org.vrouter.api.network.ServiceOffering;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.validation.FieldChecks;

/**
 * What {@link RouterGuru} is configured with: CloudStack's global and zone settings that shape a
 * router's NICs, size and boot arguments. {@link #defaults()} gives CloudStack's defaults; change
 * some with {@link #toBuilder()}. Zone-scoped settings ({@code use.external.dns},
 * {@code expose.dns.externally}, the DNS search order) hold one value for every zone the guru serves.
 *
 * <p>Validated at construction, so a bad value fails when the guru is built rather than when a
 * router starts: every value that becomes a boot argument is checked as one.
 *
 * @param controlCidr {@code control.cidr}: the link-local control network (169.254.0.0/16)
 * @param controlGateway {@code control.gateway} (169.254.0.1), never handed to a router
 * @param controlNetworkId the id of the system Control network (CloudStack creates it as 202 in its first zone)
 * @param publicNetworkId the id of the system Public network (200 in CloudStack's first zone)
 * @param defaultServiceOffering the router size when the network offering names none: CloudStack's
 *     "System Offering For Software Router", 1 CPU at 500 MHz, 256 MB
 * @param routerServiceOfferings the offerings a network offering may name, by id
 * @param advertInterval {@code redundant.router.vrrp.interval}: VRRP {@code advert_int} in seconds
 * @param logRotateFrequency {@code router.logrotate.frequency}: {@code hourly}, {@code daily},
 *     {@code monthly} or {@code HH:MM:SS} with {@code *} wildcards ({@code *:00:00})
 * @param managementPublicKey the management server's SSH public key (OpenSSH one-line form),
 *     sent base64-encoded as {@code authorized_key} so the router accepts the management server's key
 * @param systemVmPassword {@code system.vm.password}, sent as {@code vmpassword} when present
 *     (CloudStack sends it when {@code system.vm.random.password} is true)
 * @param useExternalDns zone {@code use.external.dns}: routers forward to the zone's DNS
 *     ({@code useextdns=true}) even when they provide DNS
 * @param exposeDns zone {@code expose.dns.externally} ({@code exposedns=true})
 * @param disableRpFilter {@code network.disable.rpfilter} ({@code disable_rp_filter=true})
 * @param dnsSearchOrder zone detail {@code dns.search.order} ({@code dnssearchorder=}), empty for none
 * @param managementCidr {@code management.network.cidr}: sent as {@code mgmtcidr} (with the pod
 *     gateway as {@code localgw}) to VMware routers, whose control NIC sits in the pod network
 * @param podManagementRanges per pod id, the pod addresses VMware routers take as control address
 */
public record GuruSettings(
        Cidr controlCidr,
        IpAddress controlGateway,
        long controlNetworkId,
        long publicNetworkId,
        ServiceOffering defaultServiceOffering,
        Map<Long, ServiceOffering> routerServiceOfferings,
        int advertInterval,
        String logRotateFrequency,
        Optional<String> managementPublicKey,
        Optional<Secret> systemVmPassword,
        boolean useExternalDns,
        boolean exposeDns,
        boolean disableRpFilter,
        List<String> dnsSearchOrder,
        Optional<Cidr> managementCidr,
        Map<Long, IpRange> podManagementRanges) {

    /** CloudStack's {@code control.cidr}. */
    public static final Cidr DEFAULT_CONTROL_CIDR = Cidr.parse("169.254.0.0/16");
    /** CloudStack's {@code control.gateway}. */
    public static final IpAddress DEFAULT_CONTROL_GATEWAY = IpAddress.parse("169.254.0.1");
    /** CloudStack's default router offering: 1 CPU, {@code DEFAULT_ROUTER_CPU_MHZ} 500, {@code DEFAULT_ROUTER_VM_RAMSIZE} 256. */
    public static final ServiceOffering DEFAULT_SERVICE_OFFERING = ServiceOffering.of(1, "Cloud.Com-SoftwareRouter",
            "System Offering For Software Router", 1, 500, 256);
    /** CloudStack's {@code router.logrotate.frequency}. */
    public static final String DEFAULT_LOG_ROTATE_FREQUENCY = "*:00:00";

    public GuruSettings {
        requireNonNull(controlCidr, "controlCidr is null");
        requireNonNull(controlGateway, "controlGateway is null");
        if (!controlCidr.isIpv4()) {
            throw new InvalidParameterException("control.cidr", "must be an IPv4 CIDR", controlCidr);
        }
        controlCidr.requireNetworkAddress("control.cidr");
        if (!controlCidr.contains(controlGateway)) {
            throw new InvalidParameterException("control.gateway", "not inside control.cidr " + controlCidr, controlGateway);
        }
        FieldChecks.requirePositive("control_network_id", controlNetworkId);
        FieldChecks.requirePositive("public_network_id", publicNetworkId);
        requireNonNull(defaultServiceOffering, "defaultServiceOffering is null");
        routerServiceOfferings = Map.copyOf(routerServiceOfferings);
        routerServiceOfferings.forEach((id, offering) -> {
            if (id != offering.id()) {
                throw new InvalidParameterException("router_service_offerings[" + id + "]", "holds the offering with id " + offering.id(),
                        offering.name());
            }
        });
        FieldChecks.requireRange(BootArgKeys.ADVERT_INT, advertInterval, 1, 255);
        new BootArg(BootArgKeys.LOG_ROTATE_FREQUENCY, requireNonNull(logRotateFrequency, "logRotateFrequency is null"));
        requireNonNull(managementPublicKey, "managementPublicKey is null");
        managementPublicKey.ifPresent(key -> FieldChecks.requireSafeText("ssh.publickey", FieldChecks.requireNonBlank("ssh.publickey", key)));
        requireNonNull(systemVmPassword, "systemVmPassword is null");
        systemVmPassword.ifPresent(password -> new BootArg(BootArgKeys.VM_PASSWORD, password.reveal()));
        dnsSearchOrder = List.copyOf(dnsSearchOrder);
        dnsSearchOrder.forEach(domain -> FieldChecks.requireHostName(BootArgKeys.DNS_SEARCH_ORDER, domain));
        requireNonNull(managementCidr, "managementCidr is null");
        managementCidr.ifPresent(cidr -> new BootArg(BootArgKeys.MANAGEMENT_CIDR, cidr.toString()));
        podManagementRanges = Map.copyOf(podManagementRanges);
        podManagementRanges.forEach((pod, range) -> {
            if (!range.first().isIpv4()) {
                throw new InvalidParameterException("pod_management_ranges[" + pod + "]", "must be an IPv4 range", range);
            }
        });
    }

    /** CloudStack's defaults: no management key, password, search order or VMware ranges. */
    public static GuruSettings defaults() {
        return builder().build();
    }

    /** A builder starting from CloudStack's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The router offering with {@code id}, if the guru knows it. */
    public Optional<ServiceOffering> routerServiceOffering(long id) {
        return Optional.ofNullable(routerServiceOfferings.get(id));
    }

    /** The VMware control range of pod {@code podId}, if configured. */
    public Optional<IpRange> podManagementRange(long podId) {
        return Optional.ofNullable(podManagementRanges.get(podId));
    }

    /** Collects {@link GuruSettings}, starting from CloudStack's defaults; {@link #build()} validates. */
    public static final class Builder {
        private Cidr controlCidr = DEFAULT_CONTROL_CIDR;
        private IpAddress controlGateway = DEFAULT_CONTROL_GATEWAY;
        private long controlNetworkId = 202;
        private long publicNetworkId = 200;
        private ServiceOffering defaultServiceOffering = DEFAULT_SERVICE_OFFERING;
        private Map<Long, ServiceOffering> routerServiceOfferings = Map.of();
        private int advertInterval = 1;
        private String logRotateFrequency = DEFAULT_LOG_ROTATE_FREQUENCY;
        private Optional<String> managementPublicKey = Optional.empty();
        private Optional<Secret> systemVmPassword = Optional.empty();
        private boolean useExternalDns;
        private boolean exposeDns;
        private boolean disableRpFilter;
        private List<String> dnsSearchOrder = List.of();
        private Optional<Cidr> managementCidr = Optional.empty();
        private Map<Long, IpRange> podManagementRanges = Map.of();

        private Builder() {}

        private Builder(GuruSettings settings) {
            controlCidr = settings.controlCidr;
            controlGateway = settings.controlGateway;
            controlNetworkId = settings.controlNetworkId;
            publicNetworkId = settings.publicNetworkId;
            defaultServiceOffering = settings.defaultServiceOffering;
            routerServiceOfferings = settings.routerServiceOfferings;
            advertInterval = settings.advertInterval;
            logRotateFrequency = settings.logRotateFrequency;
            managementPublicKey = settings.managementPublicKey;
            systemVmPassword = settings.systemVmPassword;
            useExternalDns = settings.useExternalDns;
            exposeDns = settings.exposeDns;
            disableRpFilter = settings.disableRpFilter;
            dnsSearchOrder = settings.dnsSearchOrder;
            managementCidr = settings.managementCidr;
            podManagementRanges = settings.podManagementRanges;
        }

        /** The control network and its gateway. */
        public Builder control(Cidr cidr, IpAddress gateway) {
            this.controlCidr = cidr;
            this.controlGateway = gateway;
            return this;
        }

        /** The ids of the system Control and Public networks the router's NICs are in. */
        public Builder systemNetworkIds(long controlNetwork, long publicNetwork) {
            this.controlNetworkId = controlNetwork;
            this.publicNetworkId = publicNetwork;
            return this;
        }

        public Builder defaultServiceOffering(ServiceOffering offering) {
            this.defaultServiceOffering = offering;
            return this;
        }

        /** The offerings network offerings may name, replacing any given before. */
        public Builder routerServiceOfferings(List<ServiceOffering> offerings) {
            Map<Long, ServiceOffering> byId = new HashMap<>();
            for (ServiceOffering offering : offerings) {
                if (byId.put(offering.id(), offering) != null) {
                    throw new InvalidParameterException("router_service_offerings", "duplicate offering id", offering.id());
                }
            }
            this.routerServiceOfferings = byId;
            return this;
        }

        public Builder advertInterval(int seconds) {
            this.advertInterval = seconds;
            return this;
        }

        public Builder logRotateFrequency(String frequency) {
            this.logRotateFrequency = frequency;
            return this;
        }

        public Builder managementPublicKey(String openSshKey) {
            this.managementPublicKey = Optional.of(openSshKey);
            return this;
        }

        public Builder systemVmPassword(Secret password) {
            this.systemVmPassword = Optional.of(password);
            return this;
        }

        public Builder useExternalDns(boolean value) {
            this.useExternalDns = value;
            return this;
        }

        public Builder exposeDns(boolean value) {
            this.exposeDns = value;
            return this;
        }

        public Builder disableRpFilter(boolean value) {
            this.disableRpFilter = value;
            return this;
        }

        public Builder dnsSearchOrder(List<String> domains) {
            this.dnsSearchOrder = domains;
            return this;
        }

        public Builder managementCidr(Cidr cidr) {
            this.managementCidr = Optional.of(cidr);
            return this;
        }

        /** The VMware control range of one pod, added to those given before. */
        public Builder podManagementRange(long podId, IpRange range) {
            Map<Long, IpRange> ranges = new HashMap<>(podManagementRanges);
            ranges.put(podId, range);
            this.podManagementRanges = ranges;
            return this;
        }

        public GuruSettings build() {
            return new GuruSettings(controlCidr, controlGateway, controlNetworkId, publicNetworkId, defaultServiceOffering,
                    routerServiceOfferings, advertInterval, logRotateFrequency, managementPublicKey, systemVmPassword, useExternalDns,
                    exposeDns, disableRpFilter, dnsSearchOrder, managementCidr, podManagementRanges);
        }
    }
}
