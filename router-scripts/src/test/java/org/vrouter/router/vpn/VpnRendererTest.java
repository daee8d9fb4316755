package org.vrouter.router.vpn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.vrouter.router.databag.Databags;
import org.vrouter.router.golden.Golden;

/**
 * The rendered VPN files as whole texts against {@code golden/vpn/<case>/files}: every file with its
 * path, secret ones marked (their content is compared too; the goldens hold test keys only).
 */
class VpnRendererTest {
    /** Router paths as their own real paths: a router's root is {@code /}. */
    private static final UnaryOperator<String> PPP_OPTIONS = path -> path;

    @ParameterizedTest
    @ValueSource(strings = {"one-peer", "ikev1-split-dpd", "remote-access"})
    void rendersTheGoldenFiles(String name) {
        VpnFiles files = VpnRenderer.render(VpnInputs.from(bags(name)).input(), PPP_OPTIONS);

        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> file : files.files().entrySet()) {
            text.append("==> ").append(file.getKey()).append(" (").append(files.mode(file.getKey())).append(") <==\n")
                    .append(file.getValue());
        }
        Golden.assertMatches("vpn", name, "files", text.toString());
    }

    @Test
    void rendersNothingWithoutVpn() {
        assertThat(VpnRenderer.render(VpnInputs.from(Databags.empty()).input(), PPP_OPTIONS).files()).isEmpty();
    }

    @Test
    void theSameBagsRenderTheSameBytes() {
        VpnFiles once = VpnRenderer.render(VpnInputs.from(bags("ikev1-split-dpd")).input(), PPP_OPTIONS);
        VpnFiles again = VpnRenderer.render(VpnInputs.from(bags("ikev1-split-dpd")).input(), PPP_OPTIONS);

        assertThat(again).isEqualTo(once);
    }

    @Test
    void showsNoSecretFile() {
        VpnFiles files = VpnRenderer.render(VpnInputs.from(bags("remote-access")).input(), PPP_OPTIONS);

        assertThat(files.shownFiles()).doesNotContainKeys(L2tpRenderer.CHAP_SECRETS, "/etc/swanctl/conf.d/vrouter-l2tp-secrets.conf");
        assertThat(String.join("", files.shownFiles().values())).doesNotContain("pw-alice", "0x72612d70736b");
        assertThat(files.toString()).doesNotContain("pw-alice");
    }

    static Databags bags(String name) {
        return switch (name) {
            case "one-peer" -> VpnBags.bags(List.of(VpnBags.peer("203.0.113.30", "172.16.0.0/16", "198.51.100.7", "10.0.0.0/24,10.0.1.0/24",
                    "aes128-sha1;modp1536", "aes128-sha1", "s3cret")), List.of(), List.of());
            case "ikev1-split-dpd" -> VpnBags.bags(List.of(
                    VpnBags.peer("203.0.113.30", "172.16.0.0/16", "198.51.100.7", "10.0.0.0/24,10.0.1.0/24", "aes256-sha256,3des-md5;modp2048",
                            "aes256-sha256;modp2048", "s3cret", "ikev1", true, false),
                    VpnBags.passive(VpnBags.peer("203.0.113.30", "172.16.0.0/16", "192.0.2.9", "10.9.0.0/16,10.10.0.0/16",
                            "aes128-sha1;modp1024", "aes128-sha1", "other-key", "ikev2", false, true), true)), List.of(), List.of());
            case "remote-access" -> VpnBags.bags(List.of(), List.of(VpnBags.server("203.0.113.20", "ra-psk")),
                    List.of(VpnBags.user("bob", "pw-bob"), VpnBags.user("alice", "pw-alice")));
            default -> throw new IllegalArgumentException(name);
        };
    }
}
