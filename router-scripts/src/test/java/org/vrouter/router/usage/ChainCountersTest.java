package org.vrouter.router.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.vrouter.commands.NetworkUsageAnswer;

/** Parsing {@code iptables -L <chain> -n -v -x} as iptables 1.8 (nf_tables and legacy) prints it. */
class ChainCountersTest {
    /** An isolated router's NETWORK_STATS under iptables-nft: count-only rules leave the target column empty. */
    static final String ISOLATED_NFT = """
            Chain NETWORK_STATS (3 references)
                pkts      bytes target     prot opt in     out     source               destination        \s
                  12     1008            0    --  eth0   eth2    0.0.0.0/0            0.0.0.0/0          \s
                  10    84000            0    --  eth2   eth0    0.0.0.0/0            0.0.0.0/0          \s
                   3      180            6    --  !eth0  eth2    0.0.0.0/0            0.0.0.0/0          \s
                   2      120            6    --  eth2   !eth0   0.0.0.0/0            0.0.0.0/0          \s
            """;

    /** A VPC public interface's chain under iptables-legacy, listed with -Z. */
    static final String VPC_LEGACY_ZEROED = """
            Chain NETWORK_STATS_eth1 (1 references)
                pkts      bytes target     prot opt in     out     source               destination
            9876543210 123456789012            all  --  *      eth1    10.1.0.0/16          0.0.0.0/0
                   7      588            all  --  eth1   *       0.0.0.0/0            10.1.0.0/16
            Zeroing chain `NETWORK_STATS_eth1'
            """;

    @Test
    void readsTheByteCountOfEveryRuleInRuleOrder() {
        ChainCounters counters = ChainCounters.parse("NETWORK_STATS", ISOLATED_NFT);

        assertThat(counters.bytes()).containsExactly(1008L, 84000L, 180L, 120L);
        assertThat(counters.report()).isEqualTo("1008:84000:180:120:");
    }

    @Test
    void reportsWhatNetworkUsageAnswerSumsAsSentAndReceived() {
        NetworkUsageAnswer answer = NetworkUsageAnswer.fromScriptOutput(ChainCounters.parse("NETWORK_STATS", ISOLATED_NFT).report() + "\n");

        assertThat(answer.success()).isTrue();
        assertThat(answer.bytesSent()).isEqualTo(1008 + 180);
        assertThat(answer.bytesReceived()).isEqualTo(84000 + 120);
    }

    @Test
    void skipsTheZeroingLineOfAListingWithZ() {
        ChainCounters counters = ChainCounters.parse("NETWORK_STATS_eth1", VPC_LEGACY_ZEROED);

        assertThat(counters.bytes()).containsExactly(123456789012L, 588L);
        assertThat(counters.totalBytes()).isEqualTo(123456789600L);
    }

    @Test
    void reportsNothingForAChainWithoutRules() {
        ChainCounters counters = ChainCounters.parse("NETWORK_STATS", """
                Chain NETWORK_STATS (3 references)
                    pkts      bytes target     prot opt in     out     source               destination
                """);

        assertThat(counters.report()).isEmpty();
        assertThat(NetworkUsageAnswer.fromScriptOutput(counters.report()).bytesSent()).isZero();
    }

    @Test
    void rejectsTheListingOfAnotherChain() {
        assertThatThrownBy(() -> ChainCounters.parse("NETWORK_STATS", VPC_LEGACY_ZEROED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NETWORK_STATS_eth1");
    }

    @Test
    void rejectsARuleLineWithoutCounts() {
        String listing = """
                Chain NETWORK_STATS (3 references)
                    pkts      bytes target     prot opt in     out     source               destination
                       0        0            0    --  eth0   eth2    0.0.0.0/0            0.0.0.0/0
                     all  --  eth2   eth0    0.0.0.0/0            0.0.0.0/0
                """;

        assertThatThrownBy(() -> ChainCounters.parse("NETWORK_STATS", listing)).hasMessageContaining("without packet and byte counts");
    }

    @Test
    void rejectsAnEmptyListing() {
        assertThatThrownBy(() -> ChainCounters.parse("NETWORK_STATS", "")).hasMessageContaining("(empty)");
    }

    @Test
    void rejectsNegativeCounters() {
        assertThatThrownBy(() -> new ChainCounters("NETWORK_STATS", List.of(1L, -1L))).hasMessageContaining("bytes");
    }
}
