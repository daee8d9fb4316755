package org.vrouter.router.dhcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.DnsServers;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.bootargs.RouterType;

class DhcpInputTest {
    private static final MacAddress MAC = MacAddress.parse("02:00:4c:5f:00:01");
    private static final IpAddress VM = IpAddress.parse("10.1.1.23");

    @Test
    void rejectsAHostNameWithACommaNamingTheWireField() {
        assertThatThrownBy(() -> DhcpHost.builder(MAC, VM, "vm-1,10.1.1.99").build())
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("host_name: not a host name");
    }

    @Test
    void rejectsADomainWithANewline() {
        assertThatThrownBy(() -> input("cs2cloud.internal\nserver=6.6.6.6", List.of()))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("domain: not a host name");
    }

    @Test
    void rejectsAnInterfaceNameAShellOrDnsmasqWouldMisread() {
        assertThatThrownBy(() -> GuestInterface.of("eth0,eth1", Cidr.parse("10.1.1.1/24")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("device: not an interface name");
    }

    @Test
    void rejectsAMalformedDuid() {
        assertThatThrownBy(() -> DhcpHost.builder(MAC, VM, "vm-1").ipv6(IpAddress.parse("fd00::23")).duid("00:03,zz").build())
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("ipv6_duid: not a DUID");
    }

    @Test
    void derivesTheDuidFromTheMacWhenNoneIsGiven() {
        DhcpHost host = DhcpHost.builder(MAC, VM, "vm-1").ipv6(IpAddress.parse("fd00::23")).build();

        assertThat(host.effectiveDuid()).isEqualTo("00:03:00:01:02:00:4c:5f:00:01");
        assertThat(DhcpHost.builder(MAC, VM, "vm-1").duid("00:03:00:01:02:00:4C:5F:00:01").build().duid())
                .contains("00:03:00:01:02:00:4c:5f:00:01");
    }

    @Test
    void rejectsANegativeLeaseTime() {
        assertThatThrownBy(() -> DhcpHost.builder(MAC, VM, "vm-1").leaseSeconds(-1).build())
                .hasMessageStartingWith("lease_time: must be between 0 and");
    }

    @Test
    void rejectsTheSameAddressReservedTwice() {
        DhcpHost first = DhcpHost.builder(MAC, VM, "vm-1").build();
        DhcpHost second = DhcpHost.builder(MacAddress.parse("02:00:4c:5f:00:02"), VM, "vm-2").build();

        assertThatThrownBy(() -> input("cs2cloud.internal", List.of(first, second)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("dhcpentry[10.1.1.23].ipv4_address: reserved twice: '10.1.1.23'");
    }

    @Test
    void treatsAnAllZeroGatewayAsNone() {
        GuestInterface guest = GuestInterface.builder("eth0", Cidr.parse("10.1.1.1/24")).gateway(IpAddress.parse("0.0.0.0")).build();

        assertThat(guest.gateway()).isEqualTo(Optional.empty());
    }

    @Test
    void rejectsARangeStartOutsideTheNetwork() {
        assertThatThrownBy(() -> GuestInterface.builder("eth0", Cidr.parse("10.1.1.1/24")).dhcpRangeStart(IpAddress.parse("10.1.2.1"))
                .build())
                .hasMessage("dhcprange: must lie in 10.1.1.0/24: '10.1.2.1'");
    }

    @Test
    void rejectsAnIpv6PrefixDnsmasqCannotServe() {
        assertThatThrownBy(() -> GuestInterface.builder("eth0", Cidr.parse("10.1.1.1/24")).ipv6(Cidr.parse("fd00::1/48")).build())
                .hasMessageStartingWith("router_guest_ip6: must be an IPv6 address with a prefix of 64 to 128 bits");
    }

    @Test
    void rejectsAHostRouteToANetworkWithHostBits() {
        assertThatThrownBy(() -> ClasslessRoute.of("10.9.0.1/16", "10.1.1.254"))
                .hasMessageStartingWith("destination: host bits set in network CIDR");
    }

    @Test
    void rejectsOverlappingGuestNetworks() {
        assertThatThrownBy(() -> new DhcpInput(RouterType.VPC_ROUTER, "r-1-VM", "vpc.internal", DnsServers.none(), false,
                List.of(GuestInterface.of("eth2", Cidr.parse("172.16.0.1/16")), GuestInterface.of("eth3", Cidr.parse("172.16.2.1/24"))),
                List.of()))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("guestnetwork[eth3].router_guest_ip: overlaps the network of eth2 (172.16.0.0/16): '172.16.2.1/24'");
    }

    private static DhcpInput input(String domain, List<DhcpHost> hosts) {
        return new DhcpInput(RouterType.ROUTER, "r-1-VM", domain, DnsServers.none(), false,
                List.of(GuestInterface.of("eth0", Cidr.parse("10.1.1.1/24"))), hosts);
    }
}
