package org.vrouter.commands.wire;

import java.util.List;
import java.util.Optional;

import org.vrouter.api.net.IpAddress;
import org.vrouter.commands.AccessDetails;
import org.vrouter.commands.IpAssociationCommand;
import org.vrouter.commands.SetStaticRouteCommand;
import org.vrouter.commands.SetupGuestNetworkCommand;
import org.vrouter.commands.to.IpAddressTO;
import org.vrouter.commands.to.NicTO;
import org.vrouter.commands.to.StaticRouteTO;
import org.vrouter.commands.wire.payload.GuestNetworkPayload;
import org.vrouter.commands.wire.payload.IpAddressEntry;
import org.vrouter.commands.wire.payload.IpAssociationsPayload;
import org.vrouter.commands.wire.payload.StaticRoute;
import org.vrouter.commands.wire.payload.StaticRoutesPayload;

/**
 * Payloads of the commands that plumb the router's interfaces: addresses ({@code ips}), guest
 * networks and VPC tiers ({@code guestnetwork}) and VPC static routes ({@code staticroutes}). The
 * field renames are CloudStack's converters' (management-side §13.2).
 */
final class NetworkPayloads {
    private NetworkPayloads() {}

    /**
     * {@code ip_associations.json}: one {@code ip_address} element per address, with {@code vlanGateway}
     * as {@code gateway}, {@code vlanNetmask} as {@code netmask} and the traffic type as {@code nw_type}.
     *
     * @throws org.vrouter.api.error.InvalidParameterException naming {@code ip_address[i].nic_dev_id} when
     *     the hypervisor resource has not filled the device number in, or the VLAN gateway, netmask or NIC
     *     MAC is absent (the router cannot place such an address)
     */
    static IpAssociationsPayload ipAssociation(IpAssociationCommand command) {
        return IpAssociationsPayload.of(PayloadElements.map("ip_address", command.ipAddresses(), NetworkPayloads::ipAddress));
    }

    private static IpAddressEntry ipAddress(IpAddressTO ip) {
        return new IpAddressEntry(ip.publicIp(), ip.sourceNat(), ip.add(), ip.oneToOneNat(), ip.firstIp(),
                PayloadElements.required("gateway", ip.vlanGateway(), "the VLAN gateway of the address"),
                PayloadElements.required("netmask", ip.vlanNetmask(), "the VLAN netmask of the address"),
                PayloadElements.required("vif_mac_address", ip.vifMacAddress(), "the MAC of the router NIC on the VLAN"),
                PayloadElements.required("nic_dev_id", ip.nicDeviceId().isPresent() ? Optional.of(ip.nicDeviceId().getAsInt()) : Optional.empty(),
                        "the hypervisor resource fills in the router NIC's device number before encoding"),
                ip.newNic(), ip.trafficType(), ip.privateGateway(),
                ip.mtu().isPresent() ? Optional.of(ip.mtu().getAsInt()) : Optional.empty());
    }

    /**
     * {@code guest_network.json}: {@code device} is {@code eth<device id>}, {@code router_guest_ip} and
     * {@code router_guest_gateway} come from the access details {@code router.guest.ip} and
     * {@code guest.network.gateway} (which the command derives from its NIC), {@code cidr} and
     * {@code cidr6} are prefix lengths as strings, {@code dns} and {@code dns6} the servers joined by a
     * comma. The DHCP range and the redundancy flag are not on the wire (CloudStack drops them too).
     */
    static GuestNetworkPayload guestNetwork(SetupGuestNetworkCommand command) {
        NicTO nic = command.nic();
        AccessDetails details = command.accessDetails();
        GuestNetworkPayload.Builder payload = GuestNetworkPayload.builder()
                .add(command.add())
                .macAddress(nic.macAddress())
                .deviceId(nic.deviceId())
                .routerGuestIp(IpAddress.parse(AccessDetails.ROUTER_GUEST_IP, details.require(AccessDetails.ROUTER_GUEST_IP)),
                        nic.netmask().orElseThrow())
                .routerGuestGateway(command.routerGuestGateway())
                .vrGuestGateway(command.vrGuestGateway());
        PayloadElements.commaJoined(List.of(command.dns1(), command.dns2())).ifPresent(payload::dns);
        PayloadElements.commaJoined(List.of(command.ip6Dns1(), command.ip6Dns2())).ifPresent(payload::dns6);
        command.networkDomain().ifPresent(payload::domainName);
        nic.ip6Cidr().ifPresent(payload::cidr6);
        if (nic.ip6Address().isPresent() || nic.ip6Gateway().isPresent() || nic.ip6Cidr().isPresent()) {
            payload.routerGuestIp6(nic.ip6Address().orElse(null), nic.ip6Gateway().orElse(null), nic.ip6Cidr().orElse(null));
        }
        if (command.routerIp6().isPresent() || command.routerIp6Gateway().isPresent() || command.routerIp6Cidr().isPresent()) {
            payload.routerIp6(command.routerIp6().orElse(null), command.routerIp6Gateway().orElse(null), command.routerIp6Cidr().orElse(null));
        }
        nic.mtu().ifPresent(payload::mtu);
        return payload.build();
    }

    /** {@code static_routes.json}: {@code ip_address} is the private gateway's address, {@code network} normalised. */
    static StaticRoutesPayload staticRoutes(SetStaticRouteCommand command) {
        return StaticRoutesPayload.of(PayloadElements.map("routes", command.routes(), NetworkPayloads::route));
    }

    private static StaticRoute route(StaticRouteTO route) {
        return new StaticRoute(route.revoke(), route.privateGatewayIp(), route.gateway(), route.network());
    }
}
