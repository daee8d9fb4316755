package org.vrouter.commands;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.rule.LbProtocol;
import org.vrouter.api.validation.FieldChecks;
import org.vrouter.commands.to.LbStatsSettings;
import org.vrouter.commands.to.LbStatsVisibility;
import org.vrouter.commands.to.LoadBalancerTO;

/**
 * Configures the router's haproxy: CloudStack's {@code LoadBalancerConfigCommand}, sent whenever the
 * load balancer rules of a network change. It carries every rule of the network (revoked ones
 * included, so their firewall openings are removed), the router's addresses the statistics page may
 * listen on, and haproxy's global settings. The wire codec renders the haproxy configuration from it
 * ({@code org.vrouter.commands.wire.haproxy}) into {@code load_balancer.json}.
 *
 * <p>Checks made here are CloudStack's {@code validateHAProxyLBRule}: no {@code udp} rule (haproxy
 * cannot balance UDP) and no rule on the statistics port while a statistics listener binds it; plus
 * one that haproxy would otherwise refuse: two active rules on the same address and port.
 *
 * @param accessDetails routing envelope ({@code router.ip}, {@code router.guest.ip}, {@code router.name},
 *     {@code zone.network.type})
 * @param loadBalancers every rule of the network, in CloudStack's order
 * @param publicIp the router's public address ({@code lbStatsPublicIP}); needed for stats
 *     visibility {@code global} and {@code all}
 * @param guestIp the router's guest address ({@code lbStatsGuestIP})
 * @param controlIp the router's control address ({@code lbStatsPrivateIP})
 * @param nicIp the address of the NIC CloudStack passes (VPC routers: the tier NIC); the
 *     {@code router_ip} of {@code load_balancer.json} for VPC routers
 * @param nicDeviceId that NIC's device number ({@code ethN})
 * @param vpcId the VPC, for VPC routers
 * @param maxconn haproxy's global {@code maxconn} (offering or {@code network.loadbalancer.haproxy.max.conn}, default 4096)
 * @param keepAliveEnabled HTTP keep-alive instead of closing after each request
 * @param idleTimeoutMillis client and server inactivity timeout (CloudStack's newest {@code idleTimeout});
 *     haproxy's defaults use 50000 ms when empty
 * @param stats the statistics page
 */
public record LoadBalancerConfigCommand(AccessDetails accessDetails, List<LoadBalancerTO> loadBalancers, Optional<IpAddress> publicIp,
        IpAddress guestIp, IpAddress controlIp, Optional<IpAddress> nicIp, Optional<Integer> nicDeviceId, Optional<Long> vpcId,
        int maxconn, boolean keepAliveEnabled, Optional<Long> idleTimeoutMillis, LbStatsSettings stats) implements NetworkElementCommand {
    public static final int DEFAULT_MAXCONN = 4096;
    private static final int MAX_MAXCONN = 10_000_000;

    public LoadBalancerConfigCommand {
        requireNonNull(accessDetails, "accessDetails is null");
        loadBalancers = List.copyOf(requireNonNull(loadBalancers, "loadBalancers is null"));
        requireNonNull(publicIp, "publicIp is null");
        requireNonNull(guestIp, "guestIp is null");
        requireNonNull(controlIp, "controlIp is null");
        requireNonNull(nicIp, "nicIp is null");
        requireNonNull(nicDeviceId, "nicDeviceId is null");
        requireNonNull(vpcId, "vpcId is null");
        requireNonNull(idleTimeoutMillis, "idleTimeoutMillis is null");
        requireNonNull(stats, "stats is null");
        nicDeviceId.ifPresent(id -> FieldChecks.requireRange("nic_device_id", id, 0, 99));
        vpcId.ifPresent(id -> FieldChecks.requireNonNegative("vpc_id", id));
        FieldChecks.requireRange("maxconn", maxconn, 1, MAX_MAXCONN);
        idleTimeoutMillis.ifPresent(timeout -> FieldChecks.requireRange("idle_timeout", timeout, 1, Integer.MAX_VALUE));
        if (!guestIp.isIpv4() || !controlIp.isIpv4() || publicIp.map(ip -> !ip.isIpv4()).orElse(false)) {
            throw new InvalidParameterException("lb_stats_ip", "the router addresses for the load balancer must be IPv4");
        }
        if ((stats.visibility() == LbStatsVisibility.GLOBAL
                || stats.visibility() == LbStatsVisibility.ALL) && publicIp.isEmpty()) {
            throw new InvalidParameterException("lb_stats_public_ip", "is missing; stats visibility " + stats.visibility().wireName() + " needs it");
        }
        checkRules(loadBalancers, stats);
    }

    public static Builder builder(AccessDetails accessDetails, IpAddress guestIp, IpAddress controlIp) {
        return new Builder(accessDetails, guestIp, controlIp);
    }

    /** The rules that get a haproxy section: those not revoked, in order. */
    public List<LoadBalancerTO> activeLoadBalancers() {
        return loadBalancers.stream().filter(lb -> !lb.revoked()).toList();
    }

    /**
     * The {@code router_ip} of {@code load_balancer.json}: the NIC address for a VPC router, else the
     * {@code router.ip} access detail. Empty when the needed value is absent.
     */
    public Optional<IpAddress> routerIp() {
        if (vpcId.isPresent() && nicIp.isPresent()) {
            return nicIp;
        }
        return accessDetails.routerIp();
    }

    private static void checkRules(List<LoadBalancerTO> loadBalancers, LbStatsSettings stats) {
        Map<String, Integer> active = new HashMap<>();
        for (int i = 0; i < loadBalancers.size(); i++) {
            LoadBalancerTO lb = loadBalancers.get(i);
            String field = "load_balancers[" + i + "].";
            if (lb.protocol() == LbProtocol.UDP || lb.effectiveProtocol() == LbProtocol.UDP) {
                throw new InvalidParameterException(field + "protocol",
                        "haproxy does not support udp; the virtual router can only balance tcp (and tcp-proxy)", "udp");
            }
            if (lb.revoked()) {
                continue;
            }
            if (stats.visibility().hasStatsListener() && lb.sourcePort() == stats.port()) {
                throw new InvalidParameterException(field + "src_port",
                        "haproxy listens for load balancer statistics on this port", lb.sourcePort());
            }
            String key = lb.sourceIp() + ":" + lb.sourcePort();
            Integer previous = active.putIfAbsent(key, i);
            if (previous != null) {
                throw new InvalidParameterException(field + "src_ip",
                        "another active rule (load_balancers[" + previous + "]) already uses this address and port", key);
            }
        }
    }

    /** Collects the command's optional parts; {@link #build()} validates through the record constructor. */
    public static final class Builder {
        private final AccessDetails accessDetails;
        private final IpAddress guestIp;
        private final IpAddress controlIp;
        private final List<LoadBalancerTO> loadBalancers = new ArrayList<>();
        private Optional<IpAddress> publicIp = Optional.empty();
        private Optional<IpAddress> nicIp = Optional.empty();
        private Optional<Integer> nicDeviceId = Optional.empty();
        private Optional<Long> vpcId = Optional.empty();
        private int maxconn = DEFAULT_MAXCONN;
        private boolean keepAliveEnabled;
        private Optional<Long> idleTimeoutMillis = Optional.empty();
        private LbStatsSettings stats = LbStatsSettings.defaults();

        private Builder(AccessDetails accessDetails, IpAddress guestIp, IpAddress controlIp) {
            this.accessDetails = accessDetails;
            this.guestIp = guestIp;
            this.controlIp = controlIp;
        }

        public Builder loadBalancer(LoadBalancerTO value) {
            loadBalancers.add(requireNonNull(value, "loadBalancer is null"));
            return this;
        }

        public Builder loadBalancers(List<LoadBalancerTO> values) {
            values.forEach(this::loadBalancer);
            return this;
        }

        public Builder publicIp(IpAddress value) {
            this.publicIp = Optional.of(value);
            return this;
        }

        /** The NIC CloudStack passes with the command (device number and address). */
        public Builder nic(int deviceId, IpAddress ip) {
            this.nicDeviceId = Optional.of(deviceId);
            this.nicIp = Optional.of(ip);
            return this;
        }

        public Builder vpcId(long value) {
            this.vpcId = Optional.of(value);
            return this;
        }

        /** Default 4096. */
        public Builder maxconn(int value) {
            this.maxconn = value;
            return this;
        }

        public Builder keepAliveEnabled(boolean value) {
            this.keepAliveEnabled = value;
            return this;
        }

        public Builder idleTimeoutMillis(long value) {
            this.idleTimeoutMillis = Optional.of(value);
            return this;
        }

        /** Default {@link LbStatsSettings#defaults()}. */
        public Builder stats(LbStatsSettings value) {
            this.stats = requireNonNull(value, "stats is null");
            return this;
        }

        public LoadBalancerConfigCommand build() {
            return new LoadBalancerConfigCommand(accessDetails, loadBalancers, publicIp, guestIp, controlIp, nicIp, nicDeviceId, vpcId,
                    maxconn, keepAliveEnabled, idleTimeoutMillis, stats);
        }
    }
}
