package org.vrouter.hypervisor.netns.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class UdhcpcScriptTest {
    @Test
    void recordsTheLeaseInOurFileAndNeverWritesResolvConf() {
        String script = UdhcpcScript.text(Path.of("/tmp/vrouter-guest-1/lease"));

        assertThat(script).startsWith("#!/bin/sh\n")
                .contains("lease_file='/tmp/vrouter-guest-1/lease'")
                .contains("ip address add \"$ip/${mask:-32}\" dev \"$interface\"")
                .contains("echo \"dns=$dns\"");
        assertThat(script.lines().filter(line -> !line.startsWith("#"))).noneMatch(line -> line.contains("resolv"));
    }

    @Test
    void rejectsAPathItCouldNotQuotePlainly() {
        assertThatThrownBy(() -> UdhcpcScript.text(Path.of("/tmp/it's/lease"))).hasMessageContaining("lease file path");
    }
}
