package org.vrouter.api.network;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;

import org.vrouter.api.dc.Zone;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.DnsServers;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.validation.FieldChecks;
import org.vrouter.api.validation.WireNames;

/**
 * A network as the router code sees it (CloudStack's {@code Network}): what kind of traffic it
 * carries, its addressing, its VLAN and where it lives. The host controller owns networks and
 * hands snapshots of them to the SPI; vrouter never changes one.
 *
 * <p>Validated at construction: the IPv4 CIDR is a network CIDR (no host bits) and the gateway
 * lies inside it; the same for IPv6; a guest network has a guest type. Build one with
 * {@link #builder(long, String, String, Zone, TrafficType)}; the builder has no default for the
 * account id and the offering, so {@code build()} fails until they are set.
 *
 * @param zone the zone the network lives in (its network type goes on every router command)
 * @param accountId the owning account (VPN user commands and IP association carry it)
 * @param guestType Isolated, Shared or L2; present exactly for guest networks
 * @param cidr the IPv4 network, absent for L2 and IPv6-only networks
 * @param gateway the IPv4 gateway, inside {@code cidr}
 * @param broadcastUri the isolation of the network on the wire ({@code vlan://100}), absent until implemented
 * @param networkDomain the DNS domain handed to guests ({@code domain=} boot argument)
 * @param dns the network's own name servers; empty slots fall back to the zone's
 * @param vpcId the VPC this network is a tier of
 * @param privateMtu the MTU of the router's guest interface
 * @param publicMtu the MTU of the router's public interface
 * @param offering the network's offering: which provider implements which service, redundancy,
 *     egress default (carried whole so elements can answer "do I provide service X here" without a lookup)
 * @param details CloudStack network details such as {@code updatingInSequence}; keys sorted
 */
public record Network(
        long id,
        String uuid,
        String name,
        Zone zone,
        long accountId,
        TrafficType trafficType,
        Optional<GuestType> guestType,
        Optional<Cidr> cidr,
        Optional<IpAddress> gateway,
        Optional<Cidr> ip6Cidr,
        Optional<IpAddress> ip6Gateway,
        Optional<BroadcastUri> broadcastUri,
        Optional<String> networkDomain,
        DnsServers dns,
        OptionalLong vpcId,
        OptionalInt privateMtu,
        OptionalInt publicMtu,
        NetworkOffering offering,
        State state,
        Map<String, String> details) {

    /** Network detail set while a redundant network's routers are updated one at a time. */
    public static final String DETAIL_UPDATING_IN_SEQUENCE = "updatingInSequence";

    /** CloudStack's network lifecycle ({@code Allocated -> Implementing -> Implemented -> Shutdown -> Allocated}). */
    public enum State {
        ALLOCATED("Allocated"),
        SETUP("Setup"),
        IMPLEMENTING("Implementing"),
        IMPLEMENTED("Implemented"),
        SHUTDOWN("Shutdown"),
        DESTROY("Destroy");

        private final String wireName;

        State(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        /** Looks up a wire name, ignoring case. */
        public static State fromWireName(String field, String name) {
            return WireNames.fromWireName(field, name, values(), State::wireName);
        }
    }

    public Network {
        FieldChecks.requirePositive("network_id", id);
        FieldChecks.requireIdentifier("network_uuid", uuid);
        FieldChecks.requireSafeText("network_name", FieldChecks.requireNonBlank("network_name", name));
        requireNonNull(zone, "zone is null");
        FieldChecks.requirePositive("account_id", accountId);
        requireNonNull(trafficType, "trafficType is null");
        requireNonNull(guestType, "guestType is null");
        requireNonNull(cidr, "cidr is null");
        requireNonNull(gateway, "gateway is null");
        requireNonNull(ip6Cidr, "ip6Cidr is null");
        requireNonNull(ip6Gateway, "ip6Gateway is null");
        requireNonNull(broadcastUri, "broadcastUri is null");
        requireNonNull(networkDomain, "networkDomain is null");
        requireNonNull(dns, "dns is null");
        requireNonNull(vpcId, "vpcId is null");
        requireNonNull(privateMtu, "privateMtu is null");
        requireNonNull(publicMtu, "publicMtu is null");
        requireNonNull(offering, "offering is null");
        requireNonNull(state, "state is null");
        if (trafficType == TrafficType.GUEST && guestType.isEmpty()) {
            throw new InvalidParameterException("guest_type", "is missing for a Guest network");
        }
        requireSubnet("cidr", cidr, "gateway", gateway, true);
        requireSubnet("ip6_cidr", ip6Cidr, "ip6_gateway", ip6Gateway, false);
        networkDomain.ifPresent(domain -> FieldChecks.requireHostName("network_domain", domain));
        vpcId.ifPresent(vpc -> FieldChecks.requirePositive("vpc_id", vpc));
        privateMtu.ifPresent(mtu -> FieldChecks.requireRange("private_mtu", mtu, 68, 65535));
        publicMtu.ifPresent(mtu -> FieldChecks.requireRange("public_mtu", mtu, 68, 65535));
        details = copyDetails(details);
    }

    /** Checks that the CIDR is a network of the right family and holds the gateway. */
    static void requireSubnet(String cidrField, Optional<Cidr> cidr, String gatewayField, Optional<IpAddress> gateway, boolean ipv4) {
        String family = ipv4 ? "IPv4" : "IPv6";
        if (cidr.isPresent()) {
            Cidr network = cidr.get();
            if (network.isIpv4() != ipv4) {
                throw new InvalidParameterException(cidrField, "must be an " + family + " CIDR", network);
            }
            network.requireNetworkAddress(cidrField);
        }
        if (gateway.isPresent()) {
            if (cidr.isEmpty()) {
                throw new InvalidParameterException(gatewayField, "given without " + cidrField, gateway.get());
            }
            if (!cidr.get().contains(gateway.get())) {
                throw new InvalidParameterException(gatewayField, "not inside " + cidrField + " " + cidr.get(), gateway.get());
            }
        }
    }

    static Map<String, String> copyDetails(Map<String, String> details) {
        requireNonNull(details, "details is null");
        Map<String, String> sorted = new TreeMap<>();
        details.forEach((key, value) -> {
            FieldChecks.requireIdentifier("details", key);
            sorted.put(key, FieldChecks.requireSafeText("details." + key, value));
        });
        return java.util.Collections.unmodifiableMap(sorted);
    }

    public static Builder builder(long id, String uuid, String name, Zone zone, TrafficType trafficType) {
        return new Builder(id, uuid, name, zone, trafficType);
    }

    /** A builder holding every component of this network, to change some of them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Whether {@code provider} implements {@code service} in this network. */
    public boolean isProvidedBy(Service service, Provider provider) {
        return offering.isProvidedBy(service, provider);
    }

    /** Whether this network is a tier of a VPC. */
    public boolean isVpcTier() {
        return vpcId.isPresent();
    }

    /** The value of a network detail. */
    public Optional<String> detail(String key) {
        return Optional.ofNullable(details.get(key));
    }

    /** Whether the network's redundant routers are being updated one at a time (detail {@code updatingInSequence=true}). */
    public boolean isUpdatingInSequence() {
        return detail(DETAIL_UPDATING_IN_SEQUENCE).map("true"::equalsIgnoreCase).orElse(false);
    }

    /** The name servers to hand to guests: the network's where set, else the zone's. */
    public DnsServers effectiveDns() {
        return dns.isEmpty() ? zone.dns() : dns;
    }

    /** Collects the components of a {@link Network}; {@link #build()} validates them. */
    public static final class Builder {
        private final long id;
        private final String uuid;
        private final String name;
        private final Zone zone;
        private final TrafficType trafficType;
        private long accountId;
        private Optional<GuestType> guestType = Optional.empty();
        private Optional<Cidr> cidr = Optional.empty();
        private Optional<IpAddress> gateway = Optional.empty();
        private Optional<Cidr> ip6Cidr = Optional.empty();
        private Optional<IpAddress> ip6Gateway = Optional.empty();
        private Optional<BroadcastUri> broadcastUri = Optional.empty();
        private Optional<String> networkDomain = Optional.empty();
        private DnsServers dns = DnsServers.none();
        private OptionalLong vpcId = OptionalLong.empty();
        private OptionalInt privateMtu = OptionalInt.empty();
        private OptionalInt publicMtu = OptionalInt.empty();
        private NetworkOffering offering;
        private State state = State.ALLOCATED;
        private Map<String, String> details = Map.of();

        private Builder(long id, String uuid, String name, Zone zone, TrafficType trafficType) {
            this.id = id;
            this.uuid = uuid;
            this.name = name;
            this.zone = zone;
            this.trafficType = trafficType;
        }

        private Builder(Network network) {
            this(network.id, network.uuid, network.name, network.zone, network.trafficType);
            accountId = network.accountId;
            guestType = network.guestType;
            cidr = network.cidr;
            gateway = network.gateway;
            ip6Cidr = network.ip6Cidr;
            ip6Gateway = network.ip6Gateway;
            broadcastUri = network.broadcastUri;
            networkDomain = network.networkDomain;
            dns = network.dns;
            vpcId = network.vpcId;
            privateMtu = network.privateMtu;
            publicMtu = network.publicMtu;
            offering = network.offering;
            state = network.state;
            details = network.details;
        }

        public Builder accountId(long accountId) {
            this.accountId = accountId;
            return this;
        }

        public Builder guestType(GuestType guestType) {
            this.guestType = Optional.of(guestType);
            return this;
        }

        /** The IPv4 network and its gateway. */
        public Builder ipv4(Cidr cidr, IpAddress gateway) {
            this.cidr = Optional.of(cidr);
            this.gateway = Optional.of(gateway);
            return this;
        }

        /** The IPv6 network and its gateway. */
        public Builder ipv6(Cidr cidr, IpAddress gateway) {
            this.ip6Cidr = Optional.of(cidr);
            this.ip6Gateway = Optional.of(gateway);
            return this;
        }

        public Builder broadcastUri(BroadcastUri broadcastUri) {
            this.broadcastUri = Optional.of(broadcastUri);
            return this;
        }

        public Builder networkDomain(String networkDomain) {
            this.networkDomain = Optional.of(networkDomain);
            return this;
        }

        public Builder dns(DnsServers dns) {
            this.dns = dns;
            return this;
        }

        public Builder vpcId(long vpcId) {
            this.vpcId = OptionalLong.of(vpcId);
            return this;
        }

        public Builder privateMtu(int mtu) {
            this.privateMtu = OptionalInt.of(mtu);
            return this;
        }

        public Builder publicMtu(int mtu) {
            this.publicMtu = OptionalInt.of(mtu);
            return this;
        }

        public Builder offering(NetworkOffering offering) {
            this.offering = offering;
            return this;
        }

        public Builder state(State state) {
            this.state = state;
            return this;
        }

        public Builder details(Map<String, String> details) {
            this.details = details;
            return this;
        }

        public Network build() {
            return new Network(id, uuid, name, zone, accountId, trafficType, guestType, cidr, gateway, ip6Cidr, ip6Gateway,
                    broadcastUri, networkDomain, dns, vpcId, privateMtu, publicMtu, offering, state, details);
        }
    }
}
