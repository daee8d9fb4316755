package org.vrouter.commands;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.validation.FieldChecks;

/**
 * Creates or removes one site-to-site IPsec connection of a VPC router: CloudStack's
 * {@code Site2SiteVpnCfgCommand}, {@code Commands} id {@code applyS2SVpn}. On the wire one
 * {@code site_2_site_vpn.json} (type {@code site2sitevpn}): {@code local_public_ip},
 * {@code local_guest_cidr}, {@code local_public_gateway}, {@code peer_gateway_ip},
 * {@code peer_guest_cidr_list} (comma-joined), {@code esp_policy}, {@code ike_policy},
 * {@code ipsec_psk}, {@code ike_lifetime}, {@code esp_lifetime} (seconds), {@code create},
 * {@code dpd}, {@code passive}, {@code encap}, {@code split_connections}, {@code ike_version}.
 *
 * <p>Invariants: policies have the shape {@code cipher-hash[,cipher-hash...][;dhgroup]} in letters
 * and digits ({@code aes128-sha1;modp1536}); lifetimes are 1 to 86400 seconds; the peer CIDRs are
 * network addresses, at least one, none overlapping the local guest CIDR; the PSK is a non-empty
 * {@link Secret} without quotes or control characters (it lands in {@code ipsec.secrets}). Runs in
 * sequence.
 *
 * @param create {@code false} removes the connection
 * @param localGuestCidr the VPC CIDR
 * @param passive wait for the peer to initiate
 * @param encap force UDP encapsulation
 * @param splitConnections one IPsec connection per peer CIDR
 */
public record Site2SiteVpnCfgCommand(
        AccessDetails accessDetails,
        boolean create,
        IpAddress localPublicIp,
        IpAddress localPublicGateway,
        Cidr localGuestCidr,
        IpAddress peerGatewayIp,
        List<Cidr> peerGuestCidrs,
        Secret ipsecPsk,
        String ikePolicy,
        String espPolicy,
        long ikeLifetimeSeconds,
        long espLifetimeSeconds,
        boolean dpd,
        boolean passive,
        boolean encap,
        boolean splitConnections,
        IkeVersion ikeVersion) implements NetworkElementCommand {

    private static final Pattern POLICY = Pattern.compile("[A-Za-z0-9]+-[A-Za-z0-9]+(,[A-Za-z0-9]+-[A-Za-z0-9]+)*(;[A-Za-z0-9]+)?");

    /** The IKE protocol version ({@code ike_version}): {@code ike} lets strongSwan negotiate. */
    public enum IkeVersion {
        IKE("ike"),
        IKEV1("ikev1"),
        IKEV2("ikev2");

        private final String wireName;

        IkeVersion(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public Site2SiteVpnCfgCommand {
        CommandChecks.requireRouter(accessDetails);
        requireNonNull(localPublicIp, "localPublicIp is null");
        requireNonNull(localPublicGateway, "localPublicGateway is null");
        if (localPublicGateway.isIpv4() != localPublicIp.isIpv4()) {
            throw new InvalidParameterException("local_public_gateway", "address family differs from local_public_ip", localPublicGateway);
        }
        requireNonNull(localGuestCidr, "localGuestCidr is null").requireNetworkAddress("local_guest_cidr");
        requireNonNull(peerGatewayIp, "peerGatewayIp is null");
        peerGuestCidrs = CommandChecks.nonEmpty(peerGuestCidrs, "peer_guest_cidr_list");
        for (Cidr peer : peerGuestCidrs) {
            peer.requireNetworkAddress("peer_guest_cidr_list");
            if (peer.contains(localGuestCidr) || localGuestCidr.contains(peer)) {
                throw new InvalidParameterException("peer_guest_cidr_list", "overlaps local_guest_cidr " + localGuestCidr, peer);
            }
        }
        requireNonNull(ipsecPsk, "ipsecPsk is null");
        if (ipsecPsk.isEmpty()) {
            throw new InvalidParameterException("ipsec_psk", "is empty");
        }
        FieldChecks.requireSafeSecret("ipsec_psk", ipsecPsk.reveal());
        requirePolicy("ike_policy", ikePolicy);
        requirePolicy("esp_policy", espPolicy);
        FieldChecks.requireRange("ike_lifetime", ikeLifetimeSeconds, 1, 86_400);
        FieldChecks.requireRange("esp_lifetime", espLifetimeSeconds, 1, 86_400);
        requireNonNull(ikeVersion, "ikeVersion is null");
    }

    private static void requirePolicy(String field, String policy) {
        FieldChecks.requireNonBlank(field, policy);
        if (!POLICY.matcher(policy).matches()) {
            throw new InvalidParameterException(field, "must look like cipher-hash[;dhgroup] (e.g. aes128-sha1;modp1536)", policy);
        }
    }

    /**
     * Starts a connection to create. Defaults: IKE lifetime 86400 s, ESP lifetime 3600 s, IKE
     * version {@code ike}, DPD, passive, encap and split connections off. Policies are required.
     */
    public static Builder builder(AccessDetails accessDetails, IpAddress localPublicIp, IpAddress localPublicGateway,
            Cidr localGuestCidr, IpAddress peerGatewayIp) {
        return new Builder(accessDetails, localPublicIp, localPublicGateway, localGuestCidr, peerGatewayIp);
    }

    /** True, as CloudStack's command. */
    @Override
    public boolean executeInSequence() {
        return true;
    }

    /** Collects a connection's settings; {@link #build()} validates them. */
    public static final class Builder {
        private final AccessDetails accessDetails;
        private final IpAddress localPublicIp;
        private final IpAddress localPublicGateway;
        private final Cidr localGuestCidr;
        private final IpAddress peerGatewayIp;
        private boolean create = true;
        private final List<Cidr> peerGuestCidrs = new ArrayList<>();
        private Secret ipsecPsk;
        private String ikePolicy;
        private String espPolicy;
        private long ikeLifetimeSeconds = 86_400;
        private long espLifetimeSeconds = 3_600;
        private boolean dpd;
        private boolean passive;
        private boolean encap;
        private boolean splitConnections;
        private IkeVersion ikeVersion = IkeVersion.IKE;

        private Builder(AccessDetails accessDetails, IpAddress localPublicIp, IpAddress localPublicGateway, Cidr localGuestCidr,
                IpAddress peerGatewayIp) {
            this.accessDetails = requireNonNull(accessDetails, "accessDetails is null");
            this.localPublicIp = requireNonNull(localPublicIp, "localPublicIp is null");
            this.localPublicGateway = requireNonNull(localPublicGateway, "localPublicGateway is null");
            this.localGuestCidr = requireNonNull(localGuestCidr, "localGuestCidr is null");
            this.peerGatewayIp = requireNonNull(peerGatewayIp, "peerGatewayIp is null");
        }

        /** {@code false} removes the connection. */
        public Builder create(boolean create) {
            this.create = create;
            return this;
        }

        public Builder peerGuestCidrs(List<Cidr> cidrs) {
            peerGuestCidrs.addAll(cidrs);
            return this;
        }

        public Builder psk(Secret psk) {
            this.ipsecPsk = requireNonNull(psk, "psk is null");
            return this;
        }

        public Builder policies(String ike, String esp) {
            this.ikePolicy = requireNonNull(ike, "ike is null");
            this.espPolicy = requireNonNull(esp, "esp is null");
            return this;
        }

        public Builder lifetimesSeconds(long ike, long esp) {
            this.ikeLifetimeSeconds = ike;
            this.espLifetimeSeconds = esp;
            return this;
        }

        public Builder dpd(boolean dpd) {
            this.dpd = dpd;
            return this;
        }

        public Builder passive(boolean passive) {
            this.passive = passive;
            return this;
        }

        public Builder encap(boolean encap) {
            this.encap = encap;
            return this;
        }

        public Builder splitConnections(boolean split) {
            this.splitConnections = split;
            return this;
        }

        public Builder ikeVersion(IkeVersion version) {
            this.ikeVersion = requireNonNull(version, "version is null");
            return this;
        }

        public Site2SiteVpnCfgCommand build() {
            if (ipsecPsk == null) {
                throw new InvalidParameterException("ipsec_psk", "is missing");
            }
            return new Site2SiteVpnCfgCommand(accessDetails, create, localPublicIp, localPublicGateway, localGuestCidr,
                    peerGatewayIp, peerGuestCidrs, ipsecPsk, ikePolicy, espPolicy, ikeLifetimeSeconds, espLifetimeSeconds,
                    dpd, passive, encap, splitConnections, ikeVersion);
        }
    }
}
