package org.vrouter.commands.wire.payload;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.validation.FieldChecks;

/**
 * One element of {@code ip_address} in an {@link IpAssociationsPayload} (CloudStack's {@code IpAddress}
 * model): an IPv4 address on a router NIC.
 *
 * @param publicIp the address (public, guest, or private-gateway address)
 * @param sourceNat the source-NAT address of its interface
 * @param add false: remove the address
 * @param oneToOneNat used for static NAT
 * @param firstIP first address of its VLAN group ({@code first_i_p}, Gson's split of {@code firstIP})
 * @param gateway the VLAN gateway
 * @param netmask the VLAN netmask, dotted
 * @param vifMacAddress MAC of the router NIC on that VLAN
 * @param nicDevId N of {@code ethN}, filled in by the hypervisor resource
 * @param newNic the resource hot-plugged a NIC for this VLAN
 * @param nwType traffic type ({@code Public}, {@code Guest}, {@code Control}...; any case on input)
 * @param isPrivateGateway a VPC private-gateway address
 * @param mtu NIC MTU, newer releases only
 */
public record IpAddressEntry(
        @JsonProperty("public_ip") IpAddress publicIp,
        @JsonProperty("source_nat") boolean sourceNat,
        @JsonProperty("add") boolean add,
        @JsonProperty("one_to_one_nat") boolean oneToOneNat,
        @JsonProperty("first_i_p") boolean firstIP,
        @JsonProperty("gateway") IpAddress gateway,
        @JsonProperty("netmask") Netmask netmask,
        @JsonProperty("vif_mac_address") MacAddress vifMacAddress,
        @JsonProperty("nic_dev_id") int nicDevId,
        @JsonProperty("new_nic") boolean newNic,
        @JsonProperty("nw_type") TrafficType nwType,
        @JsonProperty("is_private_gateway") boolean isPrivateGateway,
        @JsonProperty("mtu") Optional<Integer> mtu) {

    public IpAddressEntry {
        WireChecks.required("public_ip", publicIp);
        WireChecks.required("gateway", gateway);
        WireChecks.required("netmask", netmask);
        WireChecks.required("vif_mac_address", vifMacAddress);
        WireChecks.required("nw_type", nwType);
        requireNonNull(mtu, "mtu is null");
        if (!publicIp.isIpv4()) {
            throw new InvalidParameterException("public_ip", "must be an IPv4 address (the netmask is dotted)", publicIp);
        }
        gateway.requireIpv4("gateway");
        WireChecks.deviceNumber("nic_dev_id", nicDevId);
        mtu.ifPresent(value -> FieldChecks.requireRange("mtu", value, 68, 65535));
    }

    /** The router device name, {@code eth<nic_dev_id>}. */
    public String device() {
        return "eth" + nicDevId;
    }
}
