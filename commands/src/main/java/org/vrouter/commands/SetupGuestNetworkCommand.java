package org.vrouter.commands;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.validation.FieldChecks;
import org.vrouter.commands.to.NicTO;

/**
 * Plugs a VPC tier (guest network) into the router, or unplugs it: CloudStack's
 * {@code SetupGuestNetworkCommand}, {@code Commands} id {@code setupguestnetwork}. On the wire one
 * {@code guest_network.json} (type {@code guestnetwork}): {@code device} = {@code eth<nic device id>},
 * {@code mac_address}, {@code router_guest_ip} (access detail {@code router.guest.ip}),
 * {@code router_guest_netmask}, {@code router_guest_gateway} (access detail
 * {@code guest.network.gateway}), {@code cidr} (prefix length), {@code dns} ({@code "dns1,dns2"}),
 * {@code domain_name}, the IPv6 fields and {@code vr_guest_gateway}.
 *
 * <p>The access details the resource reads are derived from the NIC here, so they cannot disagree
 * with it: {@code router.guest.ip} = NIC address, {@code guest.network.gateway} = NIC gateway,
 * {@code guest.bridge} = the network's broadcast address (CloudStack's odd use of that key),
 * {@code guest.vlan.tag} = the NIC's VLAN when it has one.
 *
 * @param nic the router's NIC in the tier; must have an IPv4 address and netmask
 * @param dhcpRange first address of the DHCP range, within the NIC's network
 * @param redundant the router is one of a redundant pair
 * @param routerIp6 the router's public IPv6 address (routed IPv6 tiers)
 * @param vrGuestGateway the router is the tier's gateway (it provides SourceNat or Gateway)
 */
public record SetupGuestNetworkCommand(
        AccessDetails accessDetails,
        NicTO nic,
        boolean add,
        Optional<IpAddress> dhcpRange,
        Optional<String> networkDomain,
        boolean redundant,
        Optional<IpAddress> dns1,
        Optional<IpAddress> dns2,
        Optional<IpAddress> ip6Dns1,
        Optional<IpAddress> ip6Dns2,
        Optional<IpAddress> routerIp6,
        Optional<IpAddress> routerIp6Gateway,
        Optional<Cidr> routerIp6Cidr,
        boolean vrGuestGateway) implements NetworkElementCommand {

    public SetupGuestNetworkCommand {
        CommandChecks.requireRouter(accessDetails);
        requireNonNull(nic, "nic is null");
        Cidr cidr = nic.cidr().orElseThrow(() -> new InvalidParameterException("nic.ip", "the guest NIC needs an IPv4 address and netmask"));
        requireNonNull(dhcpRange, "dhcpRange is null").filter(first -> !cidr.contains(first)).ifPresent(first -> {
            throw new InvalidParameterException("dhcp_range", "outside the guest network " + cidr.network(), first);
        });
        requireNonNull(networkDomain, "networkDomain is null").ifPresent(domain -> FieldChecks.requireHostName("domain_name", domain));
        requireFamily("dns1", dns1, true);
        requireFamily("dns2", dns2, true);
        requireFamily("ip6_dns1", ip6Dns1, false);
        requireFamily("ip6_dns2", ip6Dns2, false);
        requireFamily("router_ip6", routerIp6, false);
        requireFamily("router_ip6_gateway", routerIp6Gateway, false);
        requireNonNull(routerIp6Cidr, "routerIp6Cidr is null").filter(Cidr::isIpv4).ifPresent(value -> {
            throw new InvalidParameterException("router_ip6_cidr", "must be an IPv6 CIDR", value);
        });
        accessDetails = deriveDetails(accessDetails, nic, cidr);
    }

    private static AccessDetails deriveDetails(AccessDetails details, NicTO nic, Cidr cidr) {
        AccessDetails derived = details.withDerived(AccessDetails.ROUTER_GUEST_IP, cidr.address().value())
                .withDerived(AccessDetails.GUEST_BRIDGE, cidr.broadcast().value());
        if (nic.gateway().isPresent()) {
            derived = derived.withDerived(AccessDetails.GUEST_NETWORK_GATEWAY, nic.gateway().get().value());
        }
        else {
            IpAddress.parse(AccessDetails.GUEST_NETWORK_GATEWAY, derived.require(AccessDetails.GUEST_NETWORK_GATEWAY));
        }
        if (nic.vlanId().isPresent()) {
            derived = derived.withDerived(AccessDetails.GUEST_VLAN_TAG, Integer.toString(nic.vlanId().getAsInt()));
        }
        return derived;
    }

    private static void requireFamily(String field, Optional<IpAddress> value, boolean ipv4) {
        requireNonNull(value, field + " is null").ifPresent(ip -> {
            if (ipv4) {
                ip.requireIpv4(field);
            }
            else {
                ip.requireIpv6(field);
            }
        });
    }

    /** Starts a command that adds {@code nic}'s tier; {@code accessDetails} needs at least the router's IP and name. */
    public static Builder builder(AccessDetails accessDetails, NicTO nic) {
        return new Builder(accessDetails, nic);
    }

    /** The router's guest gateway as the resource reads it ({@code guest.network.gateway}). */
    public IpAddress routerGuestGateway() {
        return IpAddress.parse(AccessDetails.GUEST_NETWORK_GATEWAY, accessDetails.require(AccessDetails.GUEST_NETWORK_GATEWAY));
    }

    /** Collects the command's fields; {@link #build()} validates them. */
    public static final class Builder {
        private final AccessDetails accessDetails;
        private final NicTO nic;
        private boolean add = true;
        private IpAddress dhcpRange;
        private String networkDomain;
        private boolean redundant;
        private IpAddress dns1;
        private IpAddress dns2;
        private IpAddress ip6Dns1;
        private IpAddress ip6Dns2;
        private IpAddress routerIp6;
        private IpAddress routerIp6Gateway;
        private Cidr routerIp6Cidr;
        private boolean vrGuestGateway;

        private Builder(AccessDetails accessDetails, NicTO nic) {
            this.accessDetails = requireNonNull(accessDetails, "accessDetails is null");
            this.nic = requireNonNull(nic, "nic is null");
        }

        /** {@code false} unplugs the tier. */
        public Builder add(boolean add) {
            this.add = add;
            return this;
        }

        public Builder dhcpRange(IpAddress first) {
            this.dhcpRange = requireNonNull(first, "first is null");
            return this;
        }

        public Builder networkDomain(String domain) {
            this.networkDomain = requireNonNull(domain, "domain is null");
            return this;
        }

        public Builder redundant(boolean redundant) {
            this.redundant = redundant;
            return this;
        }

        public Builder dns(IpAddress first) {
            this.dns1 = requireNonNull(first, "first is null");
            return this;
        }

        public Builder dns(IpAddress first, IpAddress second) {
            this.dns2 = requireNonNull(second, "second is null");
            return dns(first);
        }

        public Builder ip6Dns(IpAddress first) {
            this.ip6Dns1 = requireNonNull(first, "first is null");
            return this;
        }

        public Builder ip6Dns(IpAddress first, IpAddress second) {
            this.ip6Dns2 = requireNonNull(second, "second is null");
            return ip6Dns(first);
        }

        /** The router's own public IPv6 address, gateway and CIDR (routed IPv6). */
        public Builder routerIp6(IpAddress address, IpAddress gateway, Cidr cidr) {
            this.routerIp6 = requireNonNull(address, "address is null");
            this.routerIp6Gateway = requireNonNull(gateway, "gateway is null");
            this.routerIp6Cidr = requireNonNull(cidr, "cidr is null");
            return this;
        }

        public Builder vrGuestGateway(boolean vrGuestGateway) {
            this.vrGuestGateway = vrGuestGateway;
            return this;
        }

        public SetupGuestNetworkCommand build() {
            return new SetupGuestNetworkCommand(accessDetails, nic, add, Optional.ofNullable(dhcpRange),
                    Optional.ofNullable(networkDomain), redundant, Optional.ofNullable(dns1), Optional.ofNullable(dns2),
                    Optional.ofNullable(ip6Dns1), Optional.ofNullable(ip6Dns2), Optional.ofNullable(routerIp6),
                    Optional.ofNullable(routerIp6Gateway), Optional.ofNullable(routerIp6Cidr), vrGuestGateway);
        }
    }
}
