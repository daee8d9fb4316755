package org.vrouter.router.vpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vrouter.api.net.Cidr;
import org.vrouter.router.firewall.ControlNic;
import org.vrouter.router.firewall.Firewall;
import org.vrouter.router.firewall.FirewallApplier;
import org.vrouter.router.firewall.IpsetApplier;
import org.vrouter.router.firewall.IptablesApplier;
import org.vrouter.router.firewall.TableName;
import org.vrouter.router.golden.Golden;
import org.vrouter.router.host.Host;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.ProgramResult;
import org.vrouter.router.host.TestNamespace;

/**
 * Every golden VPC firewall against the real kernel, each in a network namespace of its own (uniquely
 * named, always deleted): iptables-restore accepts it, and once applied, iptables-save gives back
 * exactly the rendered ruleset. Also every IP protocol number an ACL item can name.
 */
@Tag("root")
class VpcFirewallNamespaceTest {
    @TempDir
    Path root;

    private final VpcFirewallRenderer renderer = new VpcFirewallRenderer();
    private TestNamespace namespace;
    private Host host;

    @BeforeEach
    void createNamespace() throws IOException {
        namespace = TestNamespace.create("iptables-restore", "iptables-save", "iptables", "ipset");
        host = namespace.host(root);
    }

    @AfterEach
    void deleteNamespace() throws IOException {
        if (namespace != null) {
            namespace.close();
        }
    }

    static List<String> cases() {
        return VpcFirewallCases.names();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void iptablesRestoreAcceptsTheGoldenRuleset(String name) throws IOException {
        Firewall firewall = renderer.render(VpcFirewallCases.input(name));
        // the rules match sets by name, so they must exist for the kernel to take the rules
        new IpsetApplier(host).update(firewall.sets());

        ProgramResult result = host.run(ProgramCall.of("iptables-restore", "--test")
                .withStdin(Golden.read(VpcFirewallCases.CONCEPT, name, "rules.v4")));

        assertThat(result.succeeded()).as("iptables-restore --test: %s", result.stderr()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theKernelGivesTheAppliedRulesetBackUnchanged(String name) throws IOException {
        Firewall firewall = renderer.render(VpcFirewallCases.input(name));
        FirewallApplier applier = new FirewallApplier(host, Clock.systemUTC());

        applier.apply(firewall);

        assertThat(new IptablesApplier(host, Clock.systemUTC()).kernel().render()).isEqualTo(firewall.ruleset().render());
        assertThat(applier.verify(firewall).isEmpty()).as("drift after apply: %s", applier.verify(firewall)).isTrue();
    }

    @Test
    void replacingAnAclIsOneRestoreAndLeavesNoStaleSet() throws IOException {
        FirewallApplier applier = new FirewallApplier(host, Clock.systemUTC());
        applier.apply(renderer.render(VpcFirewallCases.input("multi-cidr-item")));
        Firewall replaced = renderer.render(VpcFirewallCases.input("deny-before-allow"));

        FirewallApplier.Report report = applier.apply(replaced);

        assertThat(report.rules().diff()).hasToString("filter: ~ACL_INBOUND_eth2; mangle: ~ACL_OUTBOUND_eth2");
        assertThat(report.sets().removed()).singleElement().asString().startsWith("acl-eth2-in-");
        assertThat(new IptablesApplier(host, Clock.systemUTC()).kernel().render()).isEqualTo(replaced.ruleset().render());
        assertThat(namespace.run("ipset", "list", "-n").stdout()).isEmpty();
    }

    @Test
    void everyProtocolNumberReadsBackAsRendered() throws IOException {
        VpcFirewallInput.Builder input = VpcFirewallInput.builder(new ControlNic("eth0", VpcFirewallRendererTest.ip("169.254.1.9")),
                Cidr.parse("172.16.0.0/16")).tier(new Tier("eth2", VpcFirewallRendererTest.ip("172.16.1.1"),
                        VpcFirewallRendererTest.ip("172.16.1.1"), Cidr.parse("172.16.1.0/24")));
        List<AclItem> items = new java.util.ArrayList<>();
        for (int number = 0; number <= 255; number++) {
            items.add(AclItem.number(number, List.of(), number % 2 == 0));
        }
        Firewall firewall = renderer.render(input.acl(new NetworkAcl("eth2", items, List.of())).build());

        new FirewallApplier(host, Clock.systemUTC()).apply(firewall);

        assertThat(new IptablesApplier(host, Clock.systemUTC()).kernel().table(TableName.FILTER).chain("ACL_INBOUND_eth2").orElseThrow()
                .rules()).containsExactlyElementsOf(firewall.ruleset().table(TableName.FILTER).chain("ACL_INBOUND_eth2").orElseThrow().rules());
    }
}
