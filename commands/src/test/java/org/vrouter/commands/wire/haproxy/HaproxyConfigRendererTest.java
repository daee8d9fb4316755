package org.vrouter.commands.wire.haproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vrouter.commands.wire.haproxy.HaproxyCases.command;
import static org.vrouter.commands.wire.haproxy.HaproxyCases.ip;
import static org.vrouter.commands.wire.haproxy.HaproxyCases.rule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vrouter.api.golden.GoldenFiles;
import org.vrouter.commands.LoadBalancerConfigCommand;
import org.vrouter.api.golden.GoldenFiles;
import org.vrouter.commands.to.LbStatsSettings;
import org.vrouter.commands.to.LbStatsVisibility;

class HaproxyConfigRendererTest {

    static Stream<String> caseNames() {
        return HaproxyCases.names().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseNames")
    void rendersGoldenConfiguration(String caseName) {
        HaproxyConfiguration rendered = HaproxyConfigRenderer.render(HaproxyCases.all().get(caseName));

        GoldenFiles.assertMatches("haproxy", caseName, "haproxy.cfg", rendered.text());
        GoldenFiles.assertMatches("haproxy", caseName, "firewall-rules.txt", firewallText(rendered));
    }

    @Test
    void everyGoldenDirectoryHasACase() throws IOException {
        try (Stream<Path> directories = Files.list(GoldenFiles.conceptDirectory("haproxy"))) {
            assertThat(directories.map(path -> path.getFileName().toString()).sorted())
                    .containsExactlyInAnyOrderElementsOf(HaproxyCases.names());
        }
    }

    @Test
    void rendersCloudStacksSampleStructure() {
        HaproxyConfiguration rendered = HaproxyConfigRenderer.render(HaproxyCases.all().get("roundrobin"));

        assertThat(rendered.configuration()).containsSubsequence(
                "global", "\tmaxconn 1000", "\tmaxpipes 250",
                "defaults", "\ttimeout connect 5000", "\ttimeout client 50000", "\ttimeout server 50000",
                "listen stats_on_guest", "\tbind 10.1.10.1:8081", "\tstats uri /admin?stats", "\tstats auth admin1:AdMiN123",
                "listen 64_10_1_10-80", "\tbind 64.10.1.10:80", "\tserver 64_10_1_10-80_0 10.1.10.2:80 check");
        assertThat(rendered.addRules()).containsExactly("64.10.1.10:80:");
        assertThat(rendered.removeRules()).isEmpty();
        assertThat(rendered.statRules()).containsExactly("10.1.10.1:8081:0/0:,");
    }

    @Test
    void isDeterministic() {
        LoadBalancerConfigCommand command = HaproxyCases.all().get("several-rules");

        assertThat(HaproxyConfigRenderer.render(command)).isEqualTo(HaproxyConfigRenderer.render(command));
    }

    @Test
    void keepsARevokedRulesOpeningWhenAnActiveRuleUsesTheSameAddressAndPort() {
        LoadBalancerConfigCommand command = command()
                .loadBalancer(rule(80).revoked(true).destination(ip("10.1.10.2"), 80).build())
                .loadBalancer(rule(80).destination(ip("10.1.10.3"), 80).build())
                .build();

        HaproxyConfiguration rendered = HaproxyConfigRenderer.render(command);

        assertThat(rendered.addRules()).containsExactly("64.10.1.10:80:");
        assertThat(rendered.removeRules()).isEmpty();
    }

    @Test
    void omitsStickinessWhenNoDestinationIsActive() {
        LoadBalancerConfigCommand command = command()
                .loadBalancer(rule(8080).stickinessPolicy(org.vrouter.commands.to.LbCookieStickinessTO.defaults()).build())
                .build();

        java.util.List<String> lines = HaproxyConfigRenderer.render(command).configuration();
        java.util.List<String> section = lines.subList(lines.indexOf("listen 64_10_1_10-8080"), lines.size());

        assertThat(section).containsExactly("listen 64_10_1_10-8080", "\tbind 64.10.1.10:8080", "\tbalance roundrobin");
    }

    @Test
    void opensTheStatsListenerOnTheControlAddressForLinkLocalVisibility() {
        LoadBalancerConfigCommand command = command().stats(LbStatsSettings.defaults().withVisibility(LbStatsVisibility.LINK_LOCAL)).build();

        HaproxyConfiguration rendered = HaproxyConfigRenderer.render(command);

        assertThat(rendered.configuration()).containsSubsequence("listen stats_on_private", "\tbind 169.254.3.44:8081");
        assertThat(rendered.statRules()).containsExactly("169.254.3.44:8081:0/0:,");
    }

    private static String firewallText(HaproxyConfiguration rendered) {
        StringBuilder text = new StringBuilder();
        text.append("add_rules\n");
        rendered.addRules().forEach(rule -> text.append('\t').append(rule).append('\n'));
        text.append("remove_rules\n");
        rendered.removeRules().forEach(rule -> text.append('\t').append(rule).append('\n'));
        text.append("stat_rules\n");
        rendered.statRules().forEach(rule -> text.append('\t').append(rule).append('\n'));
        return text.toString();
    }
}
