package org.vrouter.core.setup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.vrouter.api.address.PublicIpAddress;
import org.vrouter.api.dc.Zone;
import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.commands.AccessDetails;
import org.vrouter.commands.IpAssocCommand;
import org.vrouter.commands.IpAssocVpcCommand;
import org.vrouter.commands.SetSourceNatCommand;
import org.vrouter.commands.to.IpAddressTO;

/**
 * IP association as management-side §11.4 describes it: addresses grouped by VLAN (in order of
 * first appearance), source NAT first within a VLAN, {@code first_i_p} true up to and including
 * the first address that is added, one command per VLAN with its own
 * {@code network.public.last.ip}.
 */
final class IpAssociations {
    private IpAssociations() {}

    /**
     * Isolated and shared networks ({@code IpAssocCommand}). As CloudStack's non-VPC path, every
     * address flagged {@code first_i_p} is also sent with {@code source_nat = true}: the router puts
     * a source-NAT address first on its interface, so each public VLAN gets a primary address.
     *
     * @param routerMacs the MAC of the router's public NIC per VLAN, when known (it wins over an
     *     address's own MAC, as the NIC the address goes on)
     */
    static List<IpAssocCommand> forNetwork(DomainRouter router, Network network, List<PublicIpAddress> ips,
            Map<BroadcastUri, MacAddress> routerMacs) {
        List<IpAssocCommand> commands = new ArrayList<>();
        byVlan(ips).forEach((vlan, group) -> {
            AccessDetails details = Envelope.inNetwork(router, network)
                    .put(AccessDetails.NETWORK_PUB_LAST_IP, Boolean.toString(isLastUse(group)))
                    .build();
            commands.add(new IpAssocCommand(details, addresses(group, network.accountId(), network.publicMtu(),
                    Optional.ofNullable(routerMacs.get(vlan)), true)));
        });
        return List.copyOf(commands);
    }

    /**
     * VPC routers ({@code IpAssocVpcCommand} per VLAN, then {@code SetSourceNatCommand}). No
     * address is promoted to source NAT here; {@code router.guest.ip} is the router's address in
     * the guest network the VLAN's first address is associated with, when it has one.
     */
    static VpcIpAssociation forVpc(DomainRouter router, Zone zone, long accountId, OptionalInt publicMtu, List<PublicIpAddress> ips,
            Map<BroadcastUri, MacAddress> routerMacs) {
        List<IpAssocVpcCommand> commands = new ArrayList<>();
        Optional<IpAddressTO> sourceNat = Optional.empty();
        for (Map.Entry<BroadcastUri, List<PublicIpAddress>> entry : byVlan(ips).entrySet()) {
            List<PublicIpAddress> group = entry.getValue();
            AccessDetails.Builder details = Envelope.inZone(router, zone)
                    .put(AccessDetails.NETWORK_PUB_LAST_IP, Boolean.toString(isLastUse(group)));
            OptionalLong associated = group.get(0).networkId();
            if (associated.isPresent()) {
                router.guestIp(associated.getAsLong()).ifPresent(details::routerGuestIp);
            }
            List<IpAddressTO> addresses = addresses(group, accountId, publicMtu, Optional.ofNullable(routerMacs.get(entry.getKey())), false);
            commands.add(new IpAssocVpcCommand(details.build(), addresses));
            if (sourceNat.isEmpty()) {
                sourceNat = addresses.stream().filter(IpAddressTO::sourceNat).findFirst();
            }
        }
        Optional<SetSourceNatCommand> setSourceNat = sourceNat.map(address ->
                new SetSourceNatCommand(Envelope.inZone(router, zone).build(), address, address.add()));
        return new VpcIpAssociation(commands, setSourceNat);
    }

    /**
     * Addresses by VLAN in order of first appearance, source NAT first within each (stable). A
     * source NAT address being released is kept (Allocated): a router cannot give up source NAT.
     */
    static Map<BroadcastUri, List<PublicIpAddress>> byVlan(List<PublicIpAddress> ips) {
        Map<BroadcastUri, List<PublicIpAddress>> groups = new LinkedHashMap<>();
        for (PublicIpAddress ip : ips) {
            PublicIpAddress kept = ip.sourceNat() && ip.state() == PublicIpAddress.State.RELEASING
                    ? ip.withState(PublicIpAddress.State.ALLOCATED) : ip;
            groups.computeIfAbsent(ip.broadcastUri(), vlan -> new ArrayList<>()).add(kept);
        }
        groups.values().forEach(group -> group.sort(Comparator.comparing(ip -> !ip.sourceNat())));
        return groups;
    }

    /**
     * Whether the VLAN is left without addresses, so the resource may unplug its NIC. CloudStack
     * decides this from rule state in its database ("no address with active rules, static NAT or
     * source NAT remains"); here every address the caller lists and does not remove counts as in
     * use, which never unplugs a NIC that still carries an address.
     */
    private static boolean isLastUse(List<PublicIpAddress> group) {
        return group.stream().noneMatch(PublicIpAddress::isToBeAdded);
    }

    private static List<IpAddressTO> addresses(List<PublicIpAddress> group, long accountId, OptionalInt mtu,
            Optional<MacAddress> routerMac, boolean promoteFirst) {
        // all addresses of a VLAN sit on one router NIC: a MAC known for one is the MAC for all
        Optional<MacAddress> vlanMac = routerMac.or(() -> group.stream().map(PublicIpAddress::macAddress).flatMap(Optional::stream).findFirst());
        List<IpAddressTO> addresses = new ArrayList<>(group.size());
        boolean firstIp = true;
        for (PublicIpAddress ip : group) {
            boolean add = ip.isToBeAdded();
            IpAddressTO.Builder builder = IpAddressTO.builder(ip.address(), TrafficType.PUBLIC)
                    .accountId(accountId)
                    .add(add)
                    .firstIp(firstIp)
                    .sourceNat(ip.sourceNat() || promoteFirst && firstIp)
                    .oneToOneNat(ip.oneToOneNat())
                    .vlan(ip.broadcastUri(), ip.gateway(), ip.netmask());
            routerMac.or(ip::macAddress).or(() -> vlanMac).ifPresent(builder::vifMacAddress);
            mtu.ifPresent(builder::mtu);
            addresses.add(builder.build());
            if (add) {
                // CloudStack: "send firstIP = true for the first Add", removals before it keep it
                firstIp = false;
            }
        }
        return addresses;
    }
}
