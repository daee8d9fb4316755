package org.vrouter.router.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.rule.Protocol;

/** The conntrack deletes a firewall change calls for, from the inputs before and after it. */
class ConntrackCleanupTest {
    private static final IpAddress PUBLIC = IpAddress.parse("ip", "203.0.113.20");
    private static final IpAddress SECOND = IpAddress.parse("ip", "203.0.113.21");
    private static final IpAddress VM = IpAddress.parse("ip", "10.1.1.23");
    private static final IpAddress OTHER_VM = IpAddress.parse("ip", "10.1.1.24");
    private static final PortForward SSH = PortForward.of(PUBLIC, Protocol.TCP, PortRange.of(2222), VM, PortRange.of(22));
    private static final PortForward WEB = PortForward.of(PUBLIC, Protocol.TCP, PortRange.of(8080), VM, PortRange.of(80));
    private static final PortForward GAMES = PortForward.of(PUBLIC, Protocol.UDP, PortRange.of(5000, 5002), VM, PortRange.of(6000, 6002));

    private static IsolatedFirewallInput.Builder router() {
        return IsolatedFirewallCases.router().publicAddress(new PublicAddress("eth2", Cidr.parse("203.0.113.21/24"), false));
    }

    private static List<String> deletes(IsolatedFirewallInput.Builder before, IsolatedFirewallInput.Builder after) {
        return ConntrackCleanup.between(before.build(), after.build()).stream().map(filter -> String.join(" ", filter.argv())).toList();
    }

    @Test
    void deletesNothingWhenNoMappingWasRemoved() {
        assertThat(deletes(router().portForward(SSH).staticNat(new StaticNat(SECOND, OTHER_VM)),
                router().portForward(WEB).portForward(SSH).staticNat(new StaticNat(SECOND, OTHER_VM)))).isEmpty();
    }

    @Test
    void deletesTheEntriesOfARemovedPortForwardOnly() {
        assertThat(deletes(router().portForward(SSH).portForward(WEB), router().portForward(WEB))).containsExactly(
                "conntrack -D -p tcp --orig-dst 203.0.113.20 --orig-port-dst 2222 --reply-src 10.1.1.23 --reply-port-src 22");
    }

    @Test
    void deletesTheOldMappingOfAForwardThatNowGoesElsewhere() {
        PortForward moved = PortForward.of(PUBLIC, Protocol.TCP, PortRange.of(2222), OTHER_VM, PortRange.of(22));

        assertThat(deletes(router().portForward(SSH), router().portForward(moved))).containsExactly(
                "conntrack -D -p tcp --orig-dst 203.0.113.20 --orig-port-dst 2222 --reply-src 10.1.1.23 --reply-port-src 22");
    }

    @Test
    void keepsTheConnectionsOfAForwardWhoseAllowedSourcesAloneChanged() {
        PortForward narrowed = new PortForward(PUBLIC, Protocol.TCP, PortRange.of(2222), VM, PortRange.of(22),
                List.of(Cidr.parse("198.51.100.0/24")));

        assertThat(deletes(router().portForward(SSH), router().portForward(narrowed))).isEmpty();
    }

    @Test
    void deletesARemovedRangeWithOneFilterWhenNoOtherForwardReachesThatVm() {
        assertThat(deletes(router().portForward(GAMES).portForward(SSH), router().portForward(SSH))).containsExactly(
                "conntrack -D -p udp --orig-dst 203.0.113.20 --reply-src 10.1.1.23");
    }

    @Test
    void deletesARemovedRangePortByPortWhenAnotherForwardStillReachesThatVm() {
        PortForward voice = PortForward.of(PUBLIC, Protocol.UDP, PortRange.of(7000), VM, PortRange.of(7000));

        assertThat(deletes(router().portForward(GAMES).portForward(voice), router().portForward(voice))).containsExactly(
                "conntrack -D -p udp --orig-dst 203.0.113.20 --orig-port-dst 5000 --reply-src 10.1.1.23 --reply-port-src 6000",
                "conntrack -D -p udp --orig-dst 203.0.113.20 --orig-port-dst 5001 --reply-src 10.1.1.23 --reply-port-src 6001",
                "conntrack -D -p udp --orig-dst 203.0.113.20 --orig-port-dst 5002 --reply-src 10.1.1.23 --reply-port-src 6002");
    }

    @Test
    void mapsEveryPublicPortOfARangeToTheOneVmPortItForwardsTo() {
        PortForward toOnePort = PortForward.of(PUBLIC, Protocol.TCP, PortRange.of(8000, 8001), VM, PortRange.of(80));

        assertThat(deletes(router().portForward(toOnePort).portForward(WEB), router().portForward(WEB))).containsExactly(
                "conntrack -D -p tcp --orig-dst 203.0.113.20 --orig-port-dst 8000 --reply-src 10.1.1.23 --reply-port-src 80",
                "conntrack -D -p tcp --orig-dst 203.0.113.20 --orig-port-dst 8001 --reply-src 10.1.1.23 --reply-port-src 80");
    }

    @Test
    void deletesBothDirectionsOfARemovedStaticNat() {
        assertThat(deletes(router().staticNat(new StaticNat(SECOND, OTHER_VM)), router())).containsExactly(
                "conntrack -D --orig-dst 203.0.113.21 --reply-src 10.1.1.24",
                "conntrack -D --orig-src 10.1.1.24 --reply-dst 203.0.113.21");
    }

    @Test
    void deletesTheOldVmsEntriesOfAStaticNatMovedToAnotherVm() {
        assertThat(deletes(router().staticNat(new StaticNat(SECOND, OTHER_VM)), router().staticNat(new StaticNat(SECOND, VM))))
                .containsExactly("conntrack -D --orig-dst 203.0.113.21 --reply-src 10.1.1.24",
                        "conntrack -D --orig-src 10.1.1.24 --reply-dst 203.0.113.21");
    }

    @Test
    void deletesTheSourceNatedEntriesOfAnAddressThatIsNoLongerTheSourceNatAddress() {
        IsolatedFirewallInput.Builder before = IsolatedFirewallCases.router()
                .publicAddress(new PublicAddress("eth2", Cidr.parse("203.0.113.21/24"), false));
        IsolatedFirewallInput.Builder after = IsolatedFirewallInput.builder(new ControlNic("eth1", IpAddress.parse("ip", "169.254.3.44")))
                .guest(new GuestNic("eth0", IpAddress.parse("ip", "10.1.1.1"), Cidr.parse("10.1.1.0/24")))
                .publicAddress(new PublicAddress("eth2", Cidr.parse("203.0.113.20/24"), false))
                .publicAddress(new PublicAddress("eth2", Cidr.parse("203.0.113.21/24"), true));

        assertThat(deletes(before, after)).containsExactly("conntrack -D --reply-dst 203.0.113.20 --src-nat");
        assertThat(deletes(before, before)).isEmpty();
    }

    @Test
    void deletesEveryMappingOfAReleasedAddress() {
        IsolatedFirewallInput.Builder before = router().portForward(PortForward.of(SECOND, Protocol.TCP, PortRange.of(22), VM, PortRange.of(22)));

        assertThat(deletes(before, IsolatedFirewallCases.router())).containsExactly(
                "conntrack -D -p tcp --orig-dst 203.0.113.21 --orig-port-dst 22 --reply-src 10.1.1.23 --reply-port-src 22");
    }

    @Test
    void listsTheDeletesInTheSameOrderWhateverTheOrderOfTheRules() {
        PortForward other = PortForward.of(SECOND, Protocol.TCP, PortRange.of(22), OTHER_VM, PortRange.of(22));

        assertThat(deletes(router().portForward(other).portForward(WEB).portForward(SSH), router()))
                .isEqualTo(deletes(router().portForward(SSH).portForward(other).portForward(WEB), router()))
                .hasSize(3);
    }

    @Test
    void refusesAFilterThatNamesNoAddress() {
        assertThatThrownBy(() -> new ConntrackFilter(List.of("-p", "tcp"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deletes every entry");
    }
}
