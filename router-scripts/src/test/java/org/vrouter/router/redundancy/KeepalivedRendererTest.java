package org.vrouter.router.redundancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.vrouter.router.golden.Golden;

class KeepalivedRendererTest {
    private static final String NOTIFY = "/etc/keepalived/vrouter-notify";

    private static RedundancyInput member(int index) {
        return RedundancyInputs.from(RedundantBags.member(index, "1")).input().orElseThrow();
    }

    @Test
    void rendersTheIsolatedPairsInstance() {
        Golden.assertMatches("redundancy", "isolated-pair", "keepalived.conf", KeepalivedRenderer.render(member(1), NOTIFY));
    }

    @Test
    void rendersUnicastPeersAndASubSecondInterval() {
        RedundancyInput input = RedundancyInputs.from(RedundantBags.withBootArgs(RedundantBags.member(2, "0.2"),
                Map.of(RedundancyInputs.UNICAST_PEERS, "10.1.1.2"))).input().orElseThrow();

        Golden.assertMatches("redundancy", "unicast-subsecond", "keepalived.conf", KeepalivedRenderer.render(input, NOTIFY));
    }

    @Test
    void bothMembersRenderTheSameInstanceApartFromTheirName() {
        List<String> first = KeepalivedRenderer.render(member(1), NOTIFY).lines().toList();
        List<String> second = KeepalivedRenderer.render(member(2), NOTIFY).lines().toList();

        assertThat(first).hasSameSizeAs(second);
        for (int i = 0; i < first.size(); i++) {
            if (!first.get(i).contains("router_id")) {
                assertThat(second.get(i)).as("line " + (i + 1)).isEqualTo(first.get(i));
            }
        }
    }

    @Test
    void callsOneEntryPointForEveryTransition() {
        assertThat(KeepalivedRenderer.render(member(1), NOTIFY)).contains("notify_master \"" + NOTIFY + " PRIMARY\"",
                "notify_backup \"" + NOTIFY + " BACKUP\"", "notify_fault \"" + NOTIFY + " FAULT\"");
    }

    @Test
    void rejectsANotifyPathKeepalivedWouldSplit() {
        assertThatThrownBy(() -> KeepalivedRenderer.render(member(1), "/opt/my scripts/notify")).isInstanceOf(IllegalArgumentException.class);
    }
}
