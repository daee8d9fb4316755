package org.vrouter.router.databag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.network.TrafficType;
import org.vrouter.commands.wire.payload.CmdLinePayload;
import org.vrouter.commands.wire.payload.GuestNetworkPayload;
import org.vrouter.commands.wire.payload.IpAlias;
import org.vrouter.commands.wire.payload.IpAliasesPayload;

/**
 * The merges that also place addresses in the {@code ips} bag: boot arguments ({@code cmdline}), guest
 * networks and IP aliases.
 */
final class InjectingMerges {
    /** CloudStack's default when a guest network has no domain. */
    static final String DEFAULT_DOMAIN = "cloudnine.internal";

    /** Interfaces the boot arguments describe, per router type: eth0, eth1, eth2 in order. */
    private static final Map<String, List<TrafficType>> BOOT_INTERFACES = Map.of(
            CmdLineBag.ROUTER, List.of(TrafficType.GUEST, TrafficType.CONTROL, TrafficType.PUBLIC),
            CmdLineBag.VPC_ROUTER, List.of(TrafficType.CONTROL),
            CmdLineBag.DHCP_SERVER, List.of(TrafficType.GUEST, TrafficType.CONTROL),
            CmdLineBag.INTERNAL_LB_VM, List.of(TrafficType.GUEST, TrafficType.CONTROL));

    private InjectingMerges() {}

    /**
     * {@code cmd_line.json}: the addresses of the router type's boot interfaces go into {@code ips}, then the
     * arguments replace {@code config}, {@code redundant_router} normalised to {@code "true"} (present with
     * any value) or {@code "false"}.
     *
     * <p>On a redundant router {@code redundant_state} is what the router observed, not what the arguments
     * say: boot arguments arrive when the router (re)boots, when keepalived has not spoken yet, so the state
     * becomes BACKUP (public links down) until a VRRP transition records PRIMARY. The argument is the
     * management server's guess at deploy time; trusting it would let a rebooted former PRIMARY bring up the
     * public address its peer holds. (A running PRIMARY that gets its boot arguments again is put right by
     * the redundancy service in the same converge: it compares the state with the gateway keepalived holds.)
     *
     * <p>Unlike CloudStack, a boot address the bag already holds on the same device, with the same role and
     * netmask, is kept as it is: CloudStack re-injects it with {@code source_nat: false} at every boot, so a
     * rebooted router drops its source NAT until the management server pushes the addresses again.
     */
    static Databags cmdLine(Databags bags, CmdLinePayload payload) {
        Map<String, String> config = new LinkedHashMap<>(payload.cmdLine());
        config.put("redundant_router", config.containsKey("redundant_router") ? "true" : "false");
        if (config.containsKey("redundant_state") && "true".equals(config.get("redundant_router"))) {
            config.put("redundant_state", "BACKUP");
        }
        IpsBag ips = bags.ips();
        List<TrafficType> interfaces = payload.get("type").map(BOOT_INTERFACES::get).orElse(List.of());
        for (int n = 0; n < interfaces.size(); n++) {
            Optional<String> address = payload.get("eth" + n + "ip");
            if (address.isPresent()) {
                IpEntry boot = bootAddress(payload, n, address.get(), interfaces.get(n));
                if (!alreadyHeld(ips, boot)) {
                    ips = IpsMerge.add(ips, boot);
                }
            }
        }
        return bags.with(ips).with(new CmdLineBag(config));
    }

    /** Whether the bag holds the boot address already, on its device, with its role and netmask (flags may differ). */
    private static boolean alreadyHeld(IpsBag ips, IpEntry boot) {
        return ips.find(boot.publicIp()).filter(held -> held.device().equals(boot.device()) && held.nwType() == boot.nwType()
                && held.netmask().equals(boot.netmask())).isPresent();
    }

    private static IpEntry bootAddress(CmdLinePayload payload, int n, String address, TrafficType type) {
        String prefix = "cmd_line.eth" + n;
        IpAddress ip = IpAddress.parse(prefix + "ip", address);
        if (!ip.isIpv4()) {
            throw new InvalidParameterException(prefix + "ip", "must be an IPv4 address", address);
        }
        Netmask netmask = Netmask.parse(prefix + "mask", payload.get("eth" + n + "mask")
                .orElseThrow(() -> new InvalidParameterException(prefix + "mask", "is missing (eth" + n + "ip is set)")));
        String gatewayKey = type == TrafficType.PUBLIC ? "gateway" : "localgw";
        Optional<IpAddress> gateway = payload.get(gatewayKey).map(value -> IpAddress.parse("cmd_line." + gatewayKey, value));
        return IpEntry.injected(ip, netmask, gateway, n, type);
    }

    /**
     * {@code guest_network.json}: the router's guest address goes into (or out of) {@code ips}; the network
     * replaces whatever its device held, or is removed with {@code add: false}.
     */
    static Databags guestNetwork(Databags bags, GuestNetworkPayload payload) {
        int deviceNumber = BagMaps.deviceNumber(payload.device());
        IpsBag ips = payload.add()
                ? IpsMerge.add(bags.ips(), IpEntry.injected(payload.routerGuestIp(), payload.routerGuestNetmask(),
                        Optional.of(payload.routerGuestGateway()), deviceNumber, TrafficType.GUEST))
                : IpsMerge.remove(bags.ips(), payload.routerGuestIp());
        Optional<GuestNetworkPayload> network = payload.add() ? Optional.of(withDefaultDomain(payload)) : Optional.empty();
        return bags.with(ips).with(bags.guestNetwork().with(payload.device(), network));
    }

    private static GuestNetworkPayload withDefaultDomain(GuestNetworkPayload p) {
        if (p.domainName().isPresent()) {
            return p;
        }
        return new GuestNetworkPayload(p.add(), p.macAddress(), p.device(), p.routerGuestIp(), p.routerGuestNetmask(),
                p.routerGuestGateway(), p.cidr(), p.cidr6(), p.dns(), p.dns6(), Optional.of(DEFAULT_DOMAIN), p.routerGuestIp6(),
                p.routerGuestIp6Gateway(), p.routerGuestIp6Cidr(), p.routerIp6(), p.routerIp6Gateway(), p.routerIp6Cidr(), p.mtu(),
                p.vrGuestGateway(), p.deleteFromProcessedCache());
    }

    /**
     * {@code ip_aliases.json}: each alias is added to (or, revoked, removed from) the first device that
     * carries a guest address.
     *
     * @throws InvalidParameterException when there are aliases but no device carries a guest address
     */
    static Databags ipAliases(Databags bags, IpAliasesPayload payload) {
        if (payload.aliases().isEmpty()) {
            return bags;
        }
        List<String> guestDevices = bags.ips().devicesOf(TrafficType.GUEST);
        if (guestDevices.isEmpty()) {
            throw new InvalidParameterException("aliases", "no device of the router carries a guest address to add the aliases to");
        }
        int deviceNumber = BagMaps.deviceNumber(guestDevices.get(0));
        IpsBag ips = bags.ips();
        for (IpAlias alias : payload.aliases()) {
            ips = alias.revoke()
                    ? IpsMerge.remove(ips, alias.ipAddress())
                    : IpsMerge.add(ips, IpEntry.injected(alias.ipAddress(), alias.netmask(), Optional.empty(), deviceNumber,
                            TrafficType.GUEST));
        }
        return bags.with(ips);
    }
}
