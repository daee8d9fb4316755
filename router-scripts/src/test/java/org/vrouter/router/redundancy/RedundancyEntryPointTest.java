package org.vrouter.router.redundancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class RedundancyEntryPointTest {
    private final RedundancyEntryPoint router = new RedundancyEntryPoint(List.of(RedundancyEntryPoint.ROUTER_LAUNCHER), List.of());

    @Test
    void takesThePublicLinksDownAtOnceUnlessPrimaryThenRunsTheTransitionDetached() {
        assertThat(router.script("/var/log/vrouter/redundancy-state.log", List.of("eth2"))).isEqualTo("""
                #!/bin/sh
                # keepalived's notify hook (rendered by vrouter): one entry point for every VRRP transition
                PATH=/usr/sbin:/usr/bin:/sbin:/bin
                if [ "$1" != PRIMARY ]; then
                    ip link set dev eth2 down 2>/dev/null
                fi
                setsid -f /opt/vrouter/bin/vrouter redundancy-state "$@" >>/var/log/vrouter/redundancy-state.log 2>&1
                """);
    }

    @Test
    void passesItsOptionsAfterTheState() {
        RedundancyEntryPoint sandbox = new RedundancyEntryPoint(List.of("/usr/bin/java", "-cp", "/a b/x.jar", "Main"), List.of("--root", "/tmp/r"));

        assertThat(sandbox.script("/tmp/r/log", List.of())).contains("setsid -f /usr/bin/java -cp '/a b/x.jar' Main redundancy-state \"$@\" --root /tmp/r")
                .doesNotContain("ip link");
    }

    @Test
    void needsAnAbsoluteLauncher() {
        assertThatThrownBy(() -> new RedundancyEntryPoint(List.of("vrouter"), List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
