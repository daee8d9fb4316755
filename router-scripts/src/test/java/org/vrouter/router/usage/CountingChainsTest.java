package org.vrouter.router.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The chains the counters read are the ones the firewall renderers write, each pair as the outgoing rule
 * then the incoming one (the order {@code NetworkUsageAnswer} sums as sent, received): checked on the
 * renderers' goldens of a whole isolated and a whole VPC router.
 */
class CountingChainsTest {
    private static List<String> rules(String router, String chain) throws IOException {
        String path = "/golden/router/" + router + "/expected/etc/iptables/rules.v4";
        try (InputStream in = CountingChainsTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(line -> line.startsWith("-A " + chain + " ")).toList();
        }
    }

    @Test
    void theIsolatedRendererCountsGuestToPublicThenPublicToGuest() throws IOException {
        assertThat(rules("isolated-router", UsageCounters.ISOLATED_CHAIN)).containsExactly(
                "-A NETWORK_STATS -i eth0 -o eth2",
                "-A NETWORK_STATS -i eth2 -o eth0",
                "-A NETWORK_STATS ! -i eth0 -o eth2 -p tcp",
                "-A NETWORK_STATS -i eth2 ! -o eth0 -p tcp");
    }

    @Test
    void theVpcRendererCountsOutOfThenIntoThePublicInterface() throws IOException {
        assertThat(rules("vpc-router", UsageCounters.vpcChain("eth1"))).containsExactly(
                "-A NETWORK_STATS_eth1 -s 172.16.0.0/16 -o eth1",
                "-A NETWORK_STATS_eth1 -d 172.16.0.0/16 -i eth1");
    }
}
