package org.vrouter.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.vm.VirtualMachine;
import org.vrouter.commands.to.DhcpTO;
import org.vrouter.commands.to.IpAliasTO;

class SubnetAndUsageCommandsTest {
    private static final Netmask MASK = Netmask.parse("255.255.255.0");

    @Test
    void rejectsTwoAliasesWithOneNumber() {
        assertThatThrownBy(() -> new CreateIpAliasCommand(Fixtures.router(),
                List.of(new IpAliasTO(ip("10.1.2.1"), MASK, 1), new IpAliasTO(ip("10.1.3.1"), MASK, 1))))
                .isInstanceOf(InvalidParameterException.class)
                .satisfies(e -> assertThat(((InvalidParameterException) e).field()).isEqualTo("aliases[1].count"));
    }

    @Test
    void rejectsAnIpv6Alias() {
        assertThatThrownBy(() -> new IpAliasTO(ip("fd00::1"), MASK, 1))
                .isInstanceOf(InvalidParameterException.class)
                .satisfies(e -> assertThat(((InvalidParameterException) e).field()).isEqualTo("ip_address"));
    }

    @Test
    void rejectsAnAliasBothRemovedAndKept() {
        IpAliasTO alias = new IpAliasTO(ip("10.1.2.1"), MASK, 1);
        assertThatThrownBy(() -> new DeleteIpAliasCommand(Fixtures.router(), List.of(alias), List.of(new IpAliasTO(ip("10.1.2.1"), MASK, 2))))
                .isInstanceOf(InvalidParameterException.class)
                .satisfies(e -> assertThat(((InvalidParameterException) e).field()).isEqualTo("create_aliases"));
    }

    @Test
    void rejectsADhcpSubnetWhoseRouterLiesOutsideIt() {
        assertThatThrownBy(() -> DhcpTO.of(ip("10.1.3.1"), ip("10.1.2.1"), Cidr.parse("10.1.2.0/24")))
                .isInstanceOf(InvalidParameterException.class)
                .satisfies(e -> assertThat(((InvalidParameterException) e).field()).isEqualTo("router_ip_address"));
    }

    @Test
    void rejectsAVpcUsageCommandWithoutPublicAddress() {
        assertThatThrownBy(() -> new NetworkUsageCommand(Fixtures.router(), NetworkUsageCommand.Option.GET, true, Optional.empty(),
                Optional.empty()))
                .isInstanceOf(InvalidParameterException.class)
                .satisfies(e -> assertThat(((InvalidParameterException) e).field()).isEqualTo("public_ip"));
    }

    @Test
    void usageCommandIsAQueryAndOptionsKeepCloudStackNames() {
        assertThat(NetworkUsageCommand.of(Fixtures.router(), NetworkUsageCommand.Option.RESET).isQuery()).isTrue();
        assertThat(NetworkUsageCommand.Option.fromWireName("option", "Get")).isEqualTo(NetworkUsageCommand.Option.GET);
    }

    @Test
    void sumsSentAndReceivedCountersOverInterfaces() {
        NetworkUsageAnswer answer = NetworkUsageAnswer.fromScriptOutput("100:2000:5:7:\n");

        assertThat(answer.success()).isTrue();
        assertThat(answer.bytesSent()).isEqualTo(105);
        assertThat(answer.bytesReceived()).isEqualTo(2007);
    }

    @Test
    void blankOutputIsZeroBytes() {
        assertThat(NetworkUsageAnswer.fromScriptOutput("  ")).isEqualTo(new NetworkUsageAnswer(true, "", 0, 0));
    }

    @Test
    void unreadableOutputIsAFailedAnswerQuotingIt() {
        NetworkUsageAnswer answer = NetworkUsageAnswer.fromScriptOutput("iptables: No chain by that name");

        assertThat(answer.success()).isFalse();
        assertThat(answer.details()).contains("No chain by that name");
        assertThat(NetworkUsageAnswer.fromScriptOutput("1:2:3:").success()).isFalse();
    }

    @Test
    void plugNicSortsDetailsAndRejectsUnsafeValues() {
        PlugNicCommand plug = new PlugNicCommand(Fixtures.tierNic(), "r-12-VM", VirtualMachine.Type.DOMAIN_ROUTER,
                Map.of("nicAdapter", "Vmxnet3", "b", "x"));
        assertThat(plug.details().keySet()).containsExactly("b", "nicAdapter");

        assertThatThrownBy(() -> new PlugNicCommand(Fixtures.tierNic(), "r-12-VM", VirtualMachine.Type.DOMAIN_ROUTER, Map.of("x", "$(reboot)")))
                .isInstanceOf(InvalidParameterException.class)
                .satisfies(e -> assertThat(((InvalidParameterException) e).field()).isEqualTo("details.x"));
        assertThatThrownBy(() -> new UnPlugNicCommand(Fixtures.tierNic(), "bad name"))
                .isInstanceOf(InvalidParameterException.class)
                .satisfies(e -> assertThat(((InvalidParameterException) e).field()).isEqualTo("vm_name"));
    }

    private static IpAddress ip(String text) {
        return IpAddress.parse(text);
    }
}
