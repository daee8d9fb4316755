package org.vrouter.router.vpn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.commands.wire.payload.PayloadCodec;
import org.vrouter.router.converge.RouterConvergers;
import org.vrouter.router.host.DryRunHost;
import org.vrouter.router.host.FileMode;
import org.vrouter.router.pipeline.PipelineOptions;
import org.vrouter.router.pipeline.PipelineResult;
import org.vrouter.router.pipeline.UpdateConfig;
import org.vrouter.router.service.SystemdServiceManager;

/**
 * CloudStack's VPN files through the whole router pipeline ({@code update_config.py}) on a dry-run host: the
 * answer (exit status and message), the warnings and the dry-run log name fields, files and connections,
 * never the PSK or a user's password, whether the update succeeds or is refused.
 */
class VpnPipelineSecretsTest {
    private static final String PSK = "Pipeline-Psk-42";
    private static final String PASSWORD = "Pipeline-Pw-42";

    @TempDir
    Path root;

    @Test
    void anAppliedVpnLeavesNoSecretInTheAnswerOrTheDryRunLog() throws IOException {
        DryRunHost host = new DryRunHost(root);

        PipelineResult peer = update(host, "site_2_site_vpn.json", site2Site("aes128-sha1;modp1536"));
        PipelineResult server = update(host, "remote_access_vpn.json", "{\"create\":true,\"ip_range\":\"10.1.2.1-10.1.2.8\",\"preshared_key\":\""
                + PSK + "\",\"vpn_server_ip\":\"203.0.113.20\",\"local_ip\":\"10.1.1.1\",\"local_cidr\":\"10.1.1.0/24\","
                + "\"public_interface\":\"eth2\",\"type\":\"remoteaccessvpn\",\"delete_from_processed_cache\":false}");
        PipelineResult users = update(host, "vpn_user_list.json", "{\"vpn_users\":[{\"user\":\"alice\",\"password\":\"" + PASSWORD
                + "\",\"add\":true}],\"type\":\"vpnuserlist\",\"delete_from_processed_cache\":false}");

        for (PipelineResult result : List.of(peer, server, users)) {
            assertThat(result.exitCode()).as(result.message()).isZero();
            assertThat(result.toString()).doesNotContain(PSK, PASSWORD);
        }
        assertThat(host.readText(DryRunHost.LOG_PATH).orElseThrow()).contains("swanctl --load-all").doesNotContain(PSK, PASSWORD);
        assertThat(host.readText(L2tpRenderer.CHAP_SECRETS).orElseThrow()).contains(PASSWORD);
    }

    @Test
    void aRefusedPolicyIsAnsweredWithTheFieldNotTheKey() throws IOException {
        DryRunHost host = new DryRunHost(root);

        PipelineResult result = update(host, "site_2_site_vpn.json", site2Site("blowfish-sha1;modp1536"));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.message()).contains("site2sitevpn[198.51.100.7].ike_policy", "blowfish").doesNotContain(PSK);
        assertThat(host.readText(DryRunHost.LOG_PATH).orElse("")).doesNotContain(PSK);
    }

    private static String site2Site(String ikePolicy) {
        return "{\"local_public_ip\":\"203.0.113.30\",\"local_guest_cidr\":\"172.16.0.0/16\",\"local_public_gateway\":\"203.0.113.1\","
                + "\"peer_gateway_ip\":\"198.51.100.7\",\"peer_guest_cidr_list\":\"10.0.0.0/24\",\"esp_policy\":\"aes128-sha1\","
                + "\"ike_policy\":\"" + ikePolicy + "\",\"ipsec_psk\":\"" + PSK + "\",\"ike_lifetime\":86400,\"esp_lifetime\":3600,"
                + "\"create\":true,\"dpd\":false,\"passive\":false,\"encap\":false,\"split_connections\":false,\"ike_version\":\"ike\","
                + "\"type\":\"site2sitevpn\",\"delete_from_processed_cache\":false}";
    }

    private static PipelineResult update(DryRunHost host, String name, String json) throws IOException {
        host.writeText("/var/cache/cloud/" + name, json, FileMode.SECRET);
        return new UpdateConfig(host, RouterConvergers.standard(host, new SystemdServiceManager(host), Clock.systemUTC()), new PayloadCodec(),
                PipelineOptions.defaults()).run(List.of(name));
    }
}
