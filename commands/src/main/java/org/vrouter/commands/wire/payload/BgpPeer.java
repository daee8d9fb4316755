package org.vrouter.commands.wire.payload;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.validation.FieldChecks;

/**
 * One peer of a {@link BgpPeersPayload} (CloudStack's {@code BgpPeerTO}). An earlier CloudStack iteration
 * named four fields differently; those names are accepted on input: {@code as_number} for
 * {@code peer_as_number}, {@code password} for {@code peer_password}, {@code ip4_cidr} for
 * {@code guest_ip4_cidr} and {@code ip6_cidr} for {@code guest_ip6_cidr}. Both names at once must carry
 * the same value. Output uses the current names.
 *
 * @param peerPassword the TCP-MD5 password; a {@link Secret} that lands in {@code frr.conf}, so no whitespace
 * @param networkAsNumber the local AS; absent from the earlier iteration
 * @param details keyed by CloudStack's detail enum name ({@code EBGP_MultiHop}); not written when empty
 */
public record BgpPeer(
        @JsonProperty("peer_id") long peerId,
        @JsonProperty("peer_as_number") long peerAsNumber,
        @JsonProperty("ip4_address") Optional<IpAddress> ip4Address,
        @JsonProperty("ip6_address") Optional<IpAddress> ip6Address,
        @JsonProperty("peer_password") Optional<Secret> peerPassword,
        @JsonProperty("network_id") long networkId,
        @JsonProperty("network_as_number") Optional<Long> networkAsNumber,
        @JsonProperty("guest_ip4_cidr") Optional<Cidr> guestIp4Cidr,
        @JsonProperty("guest_ip6_cidr") Optional<Cidr> guestIp6Cidr,
        @JsonProperty("details") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> details) {

    /** Largest 4-byte AS number. */
    private static final long MAX_AS_NUMBER = 4_294_967_295L;

    public BgpPeer {
        FieldChecks.requireNonNegative("peer_id", peerId);
        FieldChecks.requireRange("peer_as_number", peerAsNumber, 1, MAX_AS_NUMBER);
        requireNonNull(ip4Address, "ip4Address is null");
        requireNonNull(ip6Address, "ip6Address is null");
        if (ip4Address.isEmpty() && ip6Address.isEmpty()) {
            throw new InvalidParameterException("ip4_address", "is missing (a peer needs ip4_address or ip6_address)");
        }
        ip4Address.filter(address -> !address.isIpv4()).ifPresent(address -> {
            throw new InvalidParameterException("ip4_address", "not an IPv4 address", address);
        });
        ip6Address.filter(IpAddress::isIpv4).ifPresent(address -> {
            throw new InvalidParameterException("ip6_address", "not an IPv6 address", address);
        });
        requireNonNull(peerPassword, "peerPassword is null");
        peerPassword.ifPresent(value -> WireChecks.secretToken("peer_password", value));
        FieldChecks.requireNonNegative("network_id", networkId);
        requireNonNull(networkAsNumber, "networkAsNumber is null");
        networkAsNumber.ifPresent(value -> FieldChecks.requireRange("network_as_number", value, 1, MAX_AS_NUMBER));
        requireNonNull(guestIp4Cidr, "guestIp4Cidr is null");
        requireNonNull(guestIp6Cidr, "guestIp6Cidr is null");
        details = WireChecks.textMap("details", details);
    }

    /** Reads the current and the earlier field names. */
    @JsonCreator
    static BgpPeer fromJson(
            @JsonProperty("peer_id") Long peerId,
            @JsonProperty("peer_as_number") Optional<Long> peerAsNumber,
            @JsonProperty("as_number") Optional<Long> asNumber,
            @JsonProperty("ip4_address") Optional<IpAddress> ip4Address,
            @JsonProperty("ip6_address") Optional<IpAddress> ip6Address,
            @JsonProperty("peer_password") Optional<Secret> peerPassword,
            @JsonProperty("password") Optional<Secret> password,
            @JsonProperty("network_id") Long networkId,
            @JsonProperty("network_as_number") Optional<Long> networkAsNumber,
            @JsonProperty("guest_ip4_cidr") Optional<Cidr> guestIp4Cidr,
            @JsonProperty("ip4_cidr") Optional<Cidr> ip4Cidr,
            @JsonProperty("guest_ip6_cidr") Optional<Cidr> guestIp6Cidr,
            @JsonProperty("ip6_cidr") Optional<Cidr> ip6Cidr,
            @JsonProperty("details") Map<String, String> details) {
        long asn = WireChecks.eitherName("peer_as_number", peerAsNumber, "as_number", asNumber)
                .orElseThrow(() -> new InvalidParameterException("peer_as_number", "is missing"));
        return new BgpPeer(WireChecks.required("peer_id", peerId), asn, ip4Address, ip6Address,
                WireChecks.eitherName("peer_password", peerPassword, "password", password),
                WireChecks.required("network_id", networkId), networkAsNumber,
                WireChecks.eitherName("guest_ip4_cidr", guestIp4Cidr, "ip4_cidr", ip4Cidr),
                WireChecks.eitherName("guest_ip6_cidr", guestIp6Cidr, "ip6_cidr", ip6Cidr), details);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link BgpPeer}; {@link #build()} runs the record's validation. */
    public static final class Builder {
        private long peerId;
        private long peerAsNumber;
        private IpAddress ip4Address;
        private IpAddress ip6Address;
        private Secret peerPassword;
        private long networkId;
        private Long networkAsNumber;
        private Cidr guestIp4Cidr;
        private Cidr guestIp6Cidr;
        private Map<String, String> details = Map.of();

        private Builder() {}

        /** The peer's id and AS number. */
        public Builder peer(long peerId, long peerAsNumber) {
            this.peerId = peerId;
            this.peerAsNumber = peerAsNumber;
            return this;
        }

        public Builder ip4Address(IpAddress ip4Address) {
            this.ip4Address = ip4Address;
            return this;
        }

        public Builder ip6Address(IpAddress ip6Address) {
            this.ip6Address = ip6Address;
            return this;
        }

        public Builder peerPassword(Secret peerPassword) {
            this.peerPassword = peerPassword;
            return this;
        }

        /** The local network's id and AS number. */
        public Builder network(long networkId, long networkAsNumber) {
            this.networkId = networkId;
            this.networkAsNumber = networkAsNumber;
            return this;
        }

        public Builder guestIp4Cidr(Cidr guestIp4Cidr) {
            this.guestIp4Cidr = guestIp4Cidr;
            return this;
        }

        public Builder guestIp6Cidr(Cidr guestIp6Cidr) {
            this.guestIp6Cidr = guestIp6Cidr;
            return this;
        }

        public Builder details(Map<String, String> details) {
            this.details = details;
            return this;
        }

        public BgpPeer build() {
            return new BgpPeer(peerId, peerAsNumber, Optional.ofNullable(ip4Address), Optional.ofNullable(ip6Address),
                    Optional.ofNullable(peerPassword), networkId, Optional.ofNullable(networkAsNumber),
                    Optional.ofNullable(guestIp4Cidr), Optional.ofNullable(guestIp6Cidr), details);
        }
    }
}
