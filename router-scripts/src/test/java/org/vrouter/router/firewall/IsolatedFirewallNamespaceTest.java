package org.vrouter.router.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vrouter.router.firewall.IsolatedFirewallCases.input;

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
import org.vrouter.router.golden.Golden;
import org.vrouter.router.host.Host;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.ProgramResult;
import org.vrouter.router.host.TestNamespace;

/**
 * Every golden isolated-router firewall against the real kernel, each in a network namespace of its
 * own: iptables-restore accepts it, and once applied, iptables-save gives back exactly the rendered
 * ruleset (no drift on the first verify).
 */
@Tag("root")
class IsolatedFirewallNamespaceTest {
    @TempDir
    Path root;

    private final IsolatedFirewallRenderer renderer = new IsolatedFirewallRenderer();
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
        return IsolatedFirewallCases.names();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void iptablesRestoreAcceptsTheGoldenRuleset(String name) throws IOException {
        Firewall firewall = renderer.render(input(name));
        // the rules match sets by name, so they must exist for the kernel to take the rules
        new IpsetApplier(host).update(firewall.sets());

        ProgramResult result = host.run(ProgramCall.of("iptables-restore", "--test")
                .withStdin(Golden.read("firewall", name, "rules.v4")));

        assertThat(result.succeeded()).as("iptables-restore --test: %s", result.stderr()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theKernelGivesTheAppliedRulesetBackUnchanged(String name) throws IOException {
        Firewall firewall = renderer.render(input(name));
        FirewallApplier applier = new FirewallApplier(host, Clock.systemUTC());

        applier.apply(firewall);

        assertThat(new IptablesApplier(host, Clock.systemUTC()).kernel().render()).isEqualTo(firewall.ruleset().render());
        FirewallApplier.Drift drift = applier.verify(firewall);
        assertThat(drift.isEmpty()).as("drift after apply: %s", drift).isTrue();
    }

    @Test
    void revokingRulesRemovesTheirRulesAndSetsFromTheKernel() throws IOException {
        FirewallApplier applier = new FirewallApplier(host, Clock.systemUTC());
        applier.apply(renderer.render(input("everything")));
        Firewall revoked = renderer.render(input("revoked"));

        FirewallApplier.Report report = applier.apply(revoked);

        assertThat(report.sets().removed()).containsExactly("destCidrIpset-104", "sourceCidrIpset-102");
        assertThat(new IptablesApplier(host, Clock.systemUTC()).kernel().render()).isEqualTo(revoked.ruleset().render());
        assertThat(namespace.run("ipset", "list", "-n").stdout()).isEmpty();
        assertThat(applier.verify(revoked).isEmpty()).isTrue();
    }
}
