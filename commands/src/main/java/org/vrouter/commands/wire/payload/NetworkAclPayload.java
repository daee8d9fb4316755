package org.vrouter.commands.wire.payload;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;

/**
 * {@code network_acl.json} ({@code networkacl}): the complete, ordered ACL of one VPC tier or private
 * gateway, from {@code SetNetworkACLCommand}. List order is ACL order (CloudStack sorts by rule number);
 * the router replaces the whole ACL of {@code device}.
 *
 * @param nicNetmask the NIC prefix length <em>as a string</em> ({@code "24"}), as CloudStack sends it
 * @param nicIp6Cidr the NIC's IPv6 prefix, newer releases only
 */
public record NetworkAclPayload(
        @JsonProperty("device") String device,
        @JsonProperty("mac_address") MacAddress macAddress,
        @JsonProperty("private_gateway_acl") boolean privateGatewayAcl,
        @JsonProperty("nic_ip") IpAddress nicIp,
        @JsonProperty("nic_netmask") String nicNetmask,
        @JsonProperty("nic_ip6_cidr") Optional<Cidr> nicIp6Cidr,
        @JsonProperty("ingress_rules") List<AclRule> ingressRules,
        @JsonProperty("egress_rules") List<AclRule> egressRules,
        @JsonProperty("delete_from_processed_cache") boolean deleteFromProcessedCache) implements Payload {

    public NetworkAclPayload {
        WireChecks.device("device", device);
        WireChecks.required("mac_address", macAddress);
        WireChecks.required("nic_ip", nicIp);
        WireChecks.prefixLengthText("nic_netmask", nicNetmask, 32);
        requireNonNull(nicIp6Cidr, "nicIp6Cidr is null");
        ingressRules = WireChecks.list("ingress_rules", ingressRules);
        egressRules = WireChecks.list("egress_rules", egressRules);
    }

    /** The NIC prefix length as a number. */
    public int nicPrefixLength() {
        return Integer.parseInt(nicNetmask);
    }
}
