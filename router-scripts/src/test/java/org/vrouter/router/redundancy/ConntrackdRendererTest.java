package org.vrouter.router.redundancy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import org.vrouter.router.golden.Golden;

class ConntrackdRendererTest {
    private static RedundancyInput member(int index) {
        return RedundancyInputs.from(RedundantBags.member(index, "1")).input().orElseThrow();
    }

    @Test
    void rendersFtfwSyncOverTheGuestLink() {
        Golden.assertMatches("redundancy", "isolated-pair", "conntrackd.conf",
                ConntrackdRenderer.render(member(1), "/run/vrouter/conntrackd.lock", "/run/vrouter/conntrackd.ctl"));
    }

    @Test
    void rejectsASocketPathTooLongForAUnixSocket() {
        assertThatThrownBy(() -> ConntrackdRenderer.render(member(1), "/run/lock", "/" + "x".repeat(120)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("107");
    }
}
