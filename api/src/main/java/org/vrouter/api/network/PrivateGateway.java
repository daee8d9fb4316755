package org.vrouter.api.network;

import static java.util.Objects.requireNonNull;

import java.util.List;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.rule.NetworkAclItem;
import org.vrouter.api.validation.FieldChecks;

/**
 * A VPC private gateway (CloudStack's {@code PrivateGateway}): the VPC router's leg on a private
 * VLAN towards another site or an appliance, with its own ACL. Static routes name its address as
 * {@code ip_address}. The host controller owns gateways; the router's NIC on the VLAN is plugged
 * after boot.
 *
 * <p>Validated at construction: IPv4; {@code subnet} is a network CIDR holding both the router's
 * address and the next hop, which differ.
 *
 * @param networkId the controller's private network behind the gateway (the router NIC's network)
 * @param ipAddress the router's address on the private VLAN ({@code ip_address} of static routes)
 * @param gateway the next hop on the private VLAN
 * @param broadcastUri the private VLAN ({@code vlan://300})
 * @param sourceNat whether the router source-NATs VPC traffic leaving through the gateway
 * @param aclItems the gateway's ACL, in any order (the router applies them by number); may be empty
 */
public record PrivateGateway(long id, long vpcId, long networkId, IpAddress ipAddress, Cidr subnet, IpAddress gateway, BroadcastUri broadcastUri,
        boolean sourceNat, List<NetworkAclItem> aclItems) {

    public PrivateGateway {
        FieldChecks.requirePositive("id", id);
        FieldChecks.requirePositive("vpc_id", vpcId);
        FieldChecks.requirePositive("network_id", networkId);
        requireNonNull(ipAddress, "ipAddress is null");
        requireNonNull(subnet, "subnet is null");
        requireNonNull(gateway, "gateway is null");
        requireNonNull(broadcastUri, "broadcastUri is null");
        ipAddress.requireIpv4("ip_address");
        gateway.requireIpv4("gateway");
        subnet.requireNetworkAddress("netmask");
        if (!subnet.contains(ipAddress)) {
            throw new InvalidParameterException("ip_address", "not inside the private subnet " + subnet, ipAddress);
        }
        if (!subnet.contains(gateway) || gateway.equals(ipAddress)) {
            throw new InvalidParameterException("gateway", "must be another address of the private subnet " + subnet, gateway);
        }
        aclItems = List.copyOf(aclItems);
    }

    /** The same gateway with {@code items} as its ACL. */
    public PrivateGateway withAcl(List<NetworkAclItem> items) {
        return new PrivateGateway(id, vpcId, networkId, ipAddress, subnet, gateway, broadcastUri, sourceNat, items);
    }
}
