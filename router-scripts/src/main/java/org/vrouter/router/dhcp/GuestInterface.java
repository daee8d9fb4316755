package org.vrouter.router.dhcp;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.validation.FieldChecks;

/**
 * A router interface on which dnsmasq serves DHCP and DNS: a guest network, or a VPC tier. The
 * converger builds one from a {@code guestnetwork} entry (VPC) or from the boot arguments
 * (isolated and shared networks). Field names in errors are the wire's.
 *
 * @param device the router's interface ({@code eth0})
 * @param address the router's IPv4 address on it with the prefix length ({@code router_guest_ip}
 *     and {@code router_guest_netmask}, or {@code eth0ip}/{@code eth0mask})
 * @param gateway the default gateway VMs get (option 3, {@code router_guest_gateway}); empty (or
 *     {@code 0.0.0.0}, which is normalised to empty) means VMs get no default route from it
 * @param dns the guest network's name servers ({@code dns}, {@code dns6}), IPv4 and IPv6
 * @param domain the domain of this network ({@code domain_name}); empty: the router's domain
 * @param dhcpRangeStart the address of the static DHCP range ({@code dhcprange}): the router's own
 *     address, or the VRRP gateway on a redundant pair; empty means {@code address}'s address. It
 *     is also the name server VMs get when the router serves DNS.
 * @param ipv6 the router's IPv6 address and prefix (64 to 128) on this network, when DHCPv6 is served
 */
public record GuestInterface(String device, Cidr address, Optional<IpAddress> gateway, List<IpAddress> dns,
        Optional<String> domain, Optional<IpAddress> dhcpRangeStart, Optional<Cidr> ipv6) {
    /** Linux interface names: at most 15 characters, none a shell or dnsmasq would misread. */
    private static final Pattern DEVICE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,14}");
    private static final IpAddress ANY = IpAddress.parse("0.0.0.0");

    public GuestInterface {
        requireNonNull(device, "device is null");
        requireNonNull(address, "address is null");
        requireNonNull(gateway, "gateway is null");
        dns = List.copyOf(requireNonNull(dns, "dns is null"));
        requireNonNull(domain, "domain is null");
        requireNonNull(dhcpRangeStart, "dhcpRangeStart is null");
        requireNonNull(ipv6, "ipv6 is null");
        if (!DEVICE.matcher(device).matches()) {
            throw new InvalidParameterException("device", "not an interface name (at most 15 letters, digits, '_', '.', '-')",
                    device);
        }
        if (!address.isIpv4()) {
            throw new InvalidParameterException("router_guest_ip", "must be an IPv4 address with a prefix length", address);
        }
        gateway = gateway.filter(value -> !value.equals(ANY));
        gateway.ifPresent(value -> requireIpv4("router_guest_gateway", value));
        domain.ifPresent(value -> FieldChecks.requireHostName("domain_name", value));
        dhcpRangeStart.ifPresent(value -> {
            requireIpv4("dhcprange", value);
            if (!address.contains(value)) {
                throw new InvalidParameterException("dhcprange", "must lie in " + address.network(), value);
            }
        });
        ipv6.ifPresent(value -> {
            if (value.isIpv4() || value.prefixLength() < 64) {
                throw new InvalidParameterException("router_guest_ip6", "must be an IPv6 address with a prefix of 64 to 128 bits "
                        + "(dnsmasq's smallest DHCPv6 range)", value);
            }
        });
    }

    /** An interface with only its address: no gateway, name servers, own domain or IPv6. */
    public static GuestInterface of(String device, Cidr address) {
        return builder(device, address).build();
    }

    public static Builder builder(String device, Cidr address) {
        return new Builder(device, address);
    }

    /** Where the static DHCP range starts, and the name server address VMs get from the router. */
    public IpAddress rangeStart() {
        return dhcpRangeStart.orElse(address.address());
    }

    /** Whether {@code ip} lies in this interface's IPv4 network or its IPv6 prefix. */
    public boolean serves(IpAddress ip) {
        return ip.isIpv4() ? address.contains(ip) : ipv6.map(prefix -> prefix.contains(ip)).orElse(false);
    }

    private static void requireIpv4(String field, IpAddress value) {
        if (!value.isIpv4()) {
            throw new InvalidParameterException(field, "must be an IPv4 address", value);
        }
    }

    /** Builds a {@link GuestInterface}; {@link #build()} validates. */
    public static final class Builder {
        private final String device;
        private final Cidr address;
        private Optional<IpAddress> gateway = Optional.empty();
        private final List<IpAddress> dns = new ArrayList<>();
        private Optional<String> domain = Optional.empty();
        private Optional<IpAddress> dhcpRangeStart = Optional.empty();
        private Optional<Cidr> ipv6 = Optional.empty();

        private Builder(String device, Cidr address) {
            this.device = device;
            this.address = address;
        }

        public Builder gateway(IpAddress value) {
            this.gateway = Optional.of(value);
            return this;
        }

        /** Appends name servers, in order. */
        public Builder dns(IpAddress... servers) {
            dns.addAll(List.of(servers));
            return this;
        }

        public Builder domain(String value) {
            this.domain = Optional.of(value);
            return this;
        }

        public Builder dhcpRangeStart(IpAddress value) {
            this.dhcpRangeStart = Optional.of(value);
            return this;
        }

        public Builder ipv6(Cidr value) {
            this.ipv6 = Optional.of(value);
            return this;
        }

        public GuestInterface build() {
            return new GuestInterface(device, address, gateway, dns, domain, dhcpRangeStart, ipv6);
        }
    }
}
