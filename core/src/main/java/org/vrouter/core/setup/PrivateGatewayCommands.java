package org.vrouter.core.setup;

import java.util.List;
import java.util.Optional;

import org.vrouter.api.net.MacAddress;
import org.vrouter.api.network.PrivateGateway;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.network.Vpc;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.vm.Nic;
import org.vrouter.commands.AccessDetails;
import org.vrouter.commands.IpAssocVpcCommand;
import org.vrouter.commands.SetNetworkACLCommand;
import org.vrouter.commands.to.IpAddressTO;

/**
 * A VPC private gateway's commands (CloudStack's {@code createVpcAssociatePrivateIPCommands} and
 * {@code createNetworkACLsCommands} with {@code privateGateway}): its NIC, the private address as
 * an {@code IpAssocVpcCommand} with {@code is_private_gateway} (traffic type Public, first IP, the
 * SYSTEM account), and its ACL on that NIC. Envelope IP, NAME, ZONE. Stateless.
 */
final class PrivateGatewayCommands {
    /** CloudStack's SYSTEM account, owner of private gateway addresses. */
    static final long SYSTEM_ACCOUNT = 1;

    private PrivateGatewayCommands() {}

    /** The router's NIC on the gateway's VLAN: a guest NIC with the private address and a MAC derived from it ({@code 0a:00:<address>}). */
    static Nic nic(PrivateGateway gateway, int deviceId) {
        long address = 0;
        for (byte b : gateway.ipAddress().bytes()) {
            address = address << 8 | (b & 0xff);
        }
        return Nic.builder(gateway.networkId(), deviceId, TrafficType.GUEST, MacAddress.ofLong(0x0a_00_00_00_00_00L | address))
                .ipv4(gateway.ipAddress(), gateway.subnet().netmask(), gateway.gateway())
                .broadcastUri(gateway.broadcastUri())
                .build();
    }

    static IpAssocVpcCommand address(DomainRouter router, Vpc vpc, PrivateGateway gateway, Nic nic, boolean add) {
        RuleCommands.requireRouterOf(router, vpc);
        IpAddressTO address = IpAddressTO.builder(gateway.ipAddress(), TrafficType.PUBLIC)
                .accountId(SYSTEM_ACCOUNT)
                .vlan(gateway.broadcastUri(), gateway.gateway(), gateway.subnet().netmask())
                .vifMacAddress(nic.macAddress())
                .firstIp(true)
                .sourceNat(gateway.sourceNat())
                .privateGateway(true)
                .add(add)
                .build();
        AccessDetails details = Envelope.inZone(router, vpc.zone()).put(AccessDetails.NETWORK_PUB_LAST_IP, Boolean.toString(!add)).build();
        return new IpAssocVpcCommand(details, List.of(address));
    }

    static SetNetworkACLCommand acl(DomainRouter router, Vpc vpc, PrivateGateway gateway, Nic nic) {
        RuleCommands.requireRouterOf(router, vpc);
        return new SetNetworkACLCommand(Envelope.inZone(router, vpc.zone()).build(),
                gateway.aclItems().stream().map(TransferObjects::networkAcl).toList(), TransferObjects.nic(nic, Optional.empty()), true);
    }

    /** Whether {@code nic} is the router's NIC of {@code gateway}. */
    static boolean isNicOf(Nic nic, PrivateGateway gateway) {
        return nic.networkId() == gateway.networkId() && nic.ipAddress().filter(gateway.ipAddress()::equals).isPresent();
    }
}
