package org.vrouter.commands.wire.payload;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.IpRange;
import org.vrouter.api.secret.Secret;

/**
 * {@code remote_access_vpn.json} ({@code remoteaccessvpn}): the L2TP/IPsec server of one public IP, from
 * {@code RemoteAccessVpnCfgCommand}. Keyed by {@code vpn_server_ip}; {@code create: false} disables it.
 *
 * @param ipRange the client pool, {@code "<first>-<last>"} (IPv4, first not after last)
 * @param presharedKey the IPsec PSK; a {@link Secret} that lands quoted in {@code ipsec.secrets}
 * @param localIp the router guest/tier address handed to clients as gateway and DNS
 * @param publicInterface {@code eth2} on isolated routers, {@code eth1} on VPC routers
 */
public record RemoteAccessVpnPayload(
        @JsonProperty("create") boolean create,
        @JsonProperty("ip_range") String ipRange,
        @JsonProperty("preshared_key") Secret presharedKey,
        @JsonProperty("vpn_server_ip") IpAddress vpnServerIp,
        @JsonProperty("local_ip") IpAddress localIp,
        @JsonProperty("local_cidr") Cidr localCidr,
        @JsonProperty("public_interface") String publicInterface,
        @JsonProperty("delete_from_processed_cache") boolean deleteFromProcessedCache) implements Payload {

    public RemoteAccessVpnPayload {
        ipRange(ipRange);
        WireChecks.safeSecret("preshared_key", presharedKey);
        WireChecks.required("vpn_server_ip", vpnServerIp);
        WireChecks.required("local_ip", localIp);
        WireChecks.required("local_cidr", localCidr);
        WireChecks.device("public_interface", publicInterface);
    }

    /** The first and last address of {@code ip_range}. */
    public List<IpAddress> ipRangeBounds() {
        return ipRange(ipRange);
    }

    private static List<IpAddress> ipRange(String ipRange) {
        WireChecks.required("ip_range", ipRange);
        IpRange range = IpRange.parse("ip_range", ipRange);
        if (!range.first().isIpv4()) {
            throw new InvalidParameterException("ip_range", "must be an IPv4 range", ipRange);
        }
        return List.of(range.first(), range.last());
    }
}
