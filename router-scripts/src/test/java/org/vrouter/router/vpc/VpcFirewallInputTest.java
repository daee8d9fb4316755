package org.vrouter.router.vpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vrouter.router.vpc.VpcFirewallRendererTest.cidrs;
import static org.vrouter.router.vpc.VpcFirewallRendererTest.ip;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.rule.Icmp;
import org.vrouter.api.rule.Protocol;
import org.vrouter.router.firewall.ControlNic;
import org.vrouter.router.firewall.PublicAddress;
import org.vrouter.router.firewall.StaticNat;

class VpcFirewallInputTest {
    private static VpcFirewallInput.Builder vpc() {
        return VpcFirewallInput.builder(new ControlNic("eth0", ip("169.254.1.9")), Cidr.parse("172.16.0.0/16"))
                .tier(new Tier("eth2", ip("172.16.1.1"), ip("172.16.1.1"), Cidr.parse("172.16.1.0/24")));
    }

    @Test
    void rejectsATierOutsideTheVpc() {
        assertThatThrownBy(() -> vpc().tier(new Tier("eth3", ip("10.9.0.1"), ip("10.9.0.1"), Cidr.parse("10.9.0.0/24"))).build())
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("tiers[1].cidr").hasMessageContaining("172.16.0.0/16");
    }

    @Test
    void rejectsOverlappingTiers() {
        assertThatThrownBy(() -> vpc().tier(new Tier("eth3", ip("172.16.0.1"), ip("172.16.0.1"), Cidr.parse("172.16.0.0/23"))).build())
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("overlaps the tier on eth2");
    }

    @Test
    void rejectsAnInterfaceWithTwoRoles() {
        assertThatThrownBy(() -> vpc().publicAddress(new PublicAddress("eth2", Cidr.parse("203.0.113.30/24"), true)).build())
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("is already the router's tier interface");
        assertThatThrownBy(() -> vpc().privateGateway(new PrivateGateway("eth0", Cidr.parse("10.200.0.2/24"), false)).build())
                .hasMessageContaining("control");
    }

    @Test
    void rejectsAnAclForAnInterfaceThatIsNoTierOrGatewayAndASecondAcl() {
        assertThatThrownBy(() -> vpc().acl(NetworkAcl.empty("eth5")).build()).hasMessageContaining("acls[0].device")
                .hasMessageContaining("no tier or private gateway");
        assertThatThrownBy(() -> vpc().acl(NetworkAcl.empty("eth2")).acl(NetworkAcl.empty("eth2")).build())
                .hasMessageContaining("second ACL");
    }

    @Test
    void rejectsTwoSourceNatAddressesOnOneInterfaceAndStaticNatOnTheSourceNatAddress() {
        assertThatThrownBy(() -> vpc().publicAddress(new PublicAddress("eth1", Cidr.parse("203.0.113.30/24"), true))
                .publicAddress(new PublicAddress("eth1", Cidr.parse("203.0.113.31/24"), true)).build())
                .hasMessageContaining("second source-NAT address");
        assertThatThrownBy(() -> vpc().publicAddress(new PublicAddress("eth1", Cidr.parse("203.0.113.30/24"), true))
                .staticNat(new StaticNat(ip("203.0.113.30"), ip("172.16.1.5"))).build())
                .hasMessageContaining("static NAT on the source-NAT address");
    }

    @Test
    void rejectsNatIntoNoTier() {
        assertThatThrownBy(() -> vpc().publicAddress(new PublicAddress("eth1", Cidr.parse("203.0.113.31/24"), false))
                .staticNat(new StaticNat(ip("203.0.113.31"), ip("172.16.9.5"))).build())
                .hasMessageContaining("static_nats[0].internal_ip");
    }

    @Test
    void anAclItemTakesPortsOnlyForTcpAndUdpAndAnIcmpTypeOnlyForIcmp() {
        assertThatThrownBy(() -> new AclItem(Protocol.number(47), Optional.of(PortRange.of(22)), Icmp.any(), List.of(), true))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("first_port");
        assertThatThrownBy(() -> new AclItem(Protocol.ALL, Optional.empty(), new Icmp(8, 0), List.of(), true))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("icmp_type");
        assertThatThrownBy(() -> AclItem.all(cidrs("2001:db8::/32"), true)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("IPv4");
    }

    @Test
    void anAclItemsNetworksAreKeptAsTheKernelKeepsThemAndAnyAddressIsNoMatch() {
        assertThat(AclItem.all(cidrs("10.1.2.3/16", "10.1.0.0/16"), true).cidrs()).containsExactly(Cidr.parse("10.1.0.0/16"));
        assertThat(AclItem.all(cidrs("10.0.0.0/8", "0.0.0.0/0"), true).cidrs()).isEmpty();
    }

    @Test
    void protocolNumbersPrintAsIptablesSavePrintsThem() {
        assertThat(IpProtocolNames.of(41)).isEqualTo("ipv6");
        assertThat(IpProtocolNames.of(47)).isEqualTo("gre");
        assertThat(IpProtocolNames.of(253)).isEqualTo("253");
        assertThatThrownBy(() -> IpProtocolNames.of(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
