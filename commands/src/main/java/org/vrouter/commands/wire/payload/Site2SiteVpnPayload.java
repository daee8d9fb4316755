package org.vrouter.commands.wire.payload;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.validation.FieldChecks;

/**
 * {@code site_2_site_vpn.json} ({@code site2sitevpn}): one IPsec peer of a VPC, from
 * {@code Site2SiteVpnCfgCommand}. Keyed by {@code peer_gateway_ip}; {@code create: false} removes it.
 * Field order is CloudStack's declaration order, which puts {@code ike_version} right after the PSK.
 *
 * @param localGuestCidr the VPC CIDR
 * @param peerGuestCidrList the peer's networks, comma-separated
 * @param espPolicy e.g. {@code aes128-sha1}
 * @param ikePolicy e.g. {@code aes128-sha1;modp1536} ({@code ;} separates the DH group)
 * @param ipsecPsk the pre-shared key; a {@link Secret} that lands quoted in the secrets file
 * @param ikeLifetime seconds
 * @param espLifetime seconds
 * @param splitConnections one connection per peer CIDR; newer releases only
 * @param ikeVersion {@code ike}, {@code ikev1} or {@code ikev2}; newer releases only
 */
public record Site2SiteVpnPayload(
        @JsonProperty("local_public_ip") IpAddress localPublicIp,
        @JsonProperty("local_guest_cidr") Cidr localGuestCidr,
        @JsonProperty("local_public_gateway") IpAddress localPublicGateway,
        @JsonProperty("peer_gateway_ip") IpAddress peerGatewayIp,
        @JsonProperty("peer_guest_cidr_list") CidrList peerGuestCidrList,
        @JsonProperty("esp_policy") String espPolicy,
        @JsonProperty("ike_policy") String ikePolicy,
        @JsonProperty("ipsec_psk") Secret ipsecPsk,
        @JsonProperty("ike_version") Optional<String> ikeVersion,
        @JsonProperty("ike_lifetime") long ikeLifetime,
        @JsonProperty("esp_lifetime") long espLifetime,
        @JsonProperty("create") boolean create,
        @JsonProperty("dpd") boolean dpd,
        @JsonProperty("passive") boolean passive,
        @JsonProperty("encap") boolean encap,
        @JsonProperty("split_connections") Optional<Boolean> splitConnections,
        @JsonProperty("delete_from_processed_cache") boolean deleteFromProcessedCache) implements Payload {

    private static final Pattern POLICY = Pattern.compile("[A-Za-z0-9_-]+([;,][A-Za-z0-9_-]+)*");
    private static final Set<String> IKE_VERSIONS = Set.of("ike", "ikev1", "ikev2");

    public Site2SiteVpnPayload {
        WireChecks.required("local_public_ip", localPublicIp);
        WireChecks.required("local_guest_cidr", localGuestCidr);
        WireChecks.required("local_public_gateway", localPublicGateway);
        WireChecks.required("peer_gateway_ip", peerGatewayIp);
        WireChecks.nonEmpty("peer_guest_cidr_list", peerGuestCidrList);
        policy("esp_policy", espPolicy);
        policy("ike_policy", ikePolicy);
        WireChecks.safeSecret("ipsec_psk", ipsecPsk);
        FieldChecks.requireNonNegative("ike_lifetime", ikeLifetime);
        FieldChecks.requireNonNegative("esp_lifetime", espLifetime);
        requireNonNull(splitConnections, "splitConnections is null");
        requireNonNull(ikeVersion, "ikeVersion is null");
        ikeVersion.ifPresent(value -> WireChecks.oneOf("ike_version", value, IKE_VERSIONS));
    }

    private static void policy(String field, String value) {
        WireChecks.required(field, value);
        if (!POLICY.matcher(value).matches()) {
            throw new InvalidParameterException(field, "not a cipher policy (like aes128-sha1;modp1536)", value);
        }
    }
}
