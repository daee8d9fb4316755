package org.vrouter.router.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.router.host.ProgramResult;
import org.vrouter.router.host.ScriptedHost;

/** The program runs behind the counters, against a scripted machine. */
class UsageCountersTest {
    private static final String ADDRESSES = """
            [{"ifindex":1,"ifname":"lo","addr_info":[{"family":"inet","local":"127.0.0.1","prefixlen":8}]},
             {"ifindex":3,"ifname":"eth1","addr_info":[{"family":"inet","local":"198.51.100.10","prefixlen":24},
                                                       {"family":"inet","local":"198.51.100.11","prefixlen":24}]}]
            """;

    @TempDir
    Path root;

    private final List<List<String>> runs = new ArrayList<>();

    private UsageCounters counters(ProgramResult... results) {
        List<ProgramResult> answers = new ArrayList<>(List.of(results));
        return new UsageCounters(new ScriptedHost(root).answering(call -> {
            runs.add(call.argv());
            return answers.isEmpty() ? ProgramResult.success(call.argv()) : answers.remove(0);
        }));
    }

    @Test
    void zeroesInTheSameIptablesCallThatLists() throws IOException {
        ChainCounters zeroed = counters(new ProgramResult(List.of(), 0, ChainCountersTest.ISOLATED_NFT, "")).readAndZero("NETWORK_STATS");

        assertThat(zeroed.report()).isEqualTo("1008:84000:180:120:");
        assertThat(runs).containsExactly(List.of("iptables", "-w", "-L", "NETWORK_STATS", "-n", "-v", "-x", "-Z"));
    }

    @Test
    void leavesAnExistingChainAlone() throws IOException {
        counters(new ProgramResult(List.of(), 0, ChainCountersTest.ISOLATED_NFT, "")).ensureChain("NETWORK_STATS");

        assertThat(runs).hasSize(1);
    }

    @Test
    void createsAMissingChain() throws IOException {
        counters(new ProgramResult(List.of(), 1, "", "No chain/target/match by that name.")).ensureChain("NETWORK_STATS_eth1");

        assertThat(runs).last().isEqualTo(List.of("iptables", "-w", "-N", "NETWORK_STATS_eth1"));
    }

    @Test
    void findsTheInterfaceOfASecondaryPublicAddress() throws IOException {
        String device = counters(new ProgramResult(List.of(), 0, ADDRESSES, "")).deviceOf(IpAddress.parse("public_ip", "198.51.100.11"));

        assertThat(device).isEqualTo("eth1");
        assertThat(UsageCounters.vpcChain(device)).isEqualTo("NETWORK_STATS_eth1");
    }

    @Test
    void rejectsAPublicAddressNoInterfaceHolds() {
        UsageCounters counters = counters(new ProgramResult(List.of(), 0, ADDRESSES, ""));

        assertThatThrownBy(() -> counters.deviceOf(IpAddress.parse("public_ip", "203.0.113.9")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("public_ip").hasMessageContaining("203.0.113.9");
    }
}
