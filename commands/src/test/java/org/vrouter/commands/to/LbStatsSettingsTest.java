package org.vrouter.commands.to;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.secret.Secret;

class LbStatsSettingsTest {

    @Test
    void holdsCloudStacksDefaults() {
        LbStatsSettings stats = LbStatsSettings.defaults();

        assertThat(stats.visibility()).isEqualTo(LbStatsVisibility.GUEST_NETWORK);
        assertThat(stats.port()).isEqualTo(8081);
        assertThat(stats.sourceCidrs()).isEqualTo("0/0");
        assertThat(stats.auth().reveal()).isEqualTo("admin1:AdMiN123");
        assertThat(stats.uri()).isEqualTo("/admin?stats");
    }

    @Test
    void neverShowsTheCredentials() {
        assertThat(LbStatsSettings.defaults().toString()).doesNotContain("AdMiN123");
        assertThatThrownBy(() -> new LbStatsSettings(LbStatsVisibility.ALL, 8081, "0/0", Secret.of("admin secret"), "/s"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("lb_stats_auth:")
                .message().doesNotContain("secret");
    }

    @Test
    void rejectsAuthWithoutPasswordAndUnsafeUri() {
        assertThatThrownBy(() -> new LbStatsSettings(LbStatsVisibility.ALL, 8081, "0/0", Secret.of("admin"), "/s"))
                .hasMessageStartingWith("lb_stats_auth:");
        assertThatThrownBy(() -> new LbStatsSettings(LbStatsVisibility.ALL, 8081, "0/0", Secret.of("a:b"), "/s #x"))
                .hasMessageStartingWith("lb_stats_uri:");
    }

    @Test
    void acceptsACommaListOfIpv4CidrsAsSourceCidrs() {
        assertThat(new LbStatsSettings(LbStatsVisibility.ALL, 8081, "10.0.0.0/8,192.168.1.0/24", Secret.of("a:b"), "/s").sourceCidrs())
                .isEqualTo("10.0.0.0/8,192.168.1.0/24");
        assertThatThrownBy(() -> new LbStatsSettings(LbStatsVisibility.ALL, 8081, "10.0.0.0/8 1.2.3.0/24", Secret.of("a:b"), "/s"))
                .hasMessageStartingWith("lb_stats_src_cidrs:");
    }

    @Test
    void readsVisibilityWireNames() {
        assertThat(LbStatsVisibility.fromWireName("v", "Link-Local")).isEqualTo(LbStatsVisibility.LINK_LOCAL);
        assertThatThrownBy(() -> LbStatsVisibility.fromWireName("v", "public")).hasMessageStartingWith("v: unknown stats visibility");
    }
}
