package org.vrouter.router.redundancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.vrouter.router.databag.Databags;

class RedundancyEntryPointTest {
    private final RedundancyEntryPoint router = new RedundancyEntryPoint(List.of(RedundancyEntryPoint.ROUTER_LAUNCHER), Optional.empty());

    @Test
    void movesThePublicSideInTheShellThenAsksTheDaemonDetachedAndFallsBackToTheLauncher() {
        Databags bags = RedundantBags.member(1, "1");
        RedundancyEntryPoint.FastPath fast = RedundancyService.fastPath(bags, RedundancyInputs.from(bags).input().orElseThrow());

        assertThat(router.script("/var/log/vrouter/redundancy-state.log", fast)).isEqualTo("""
                #!/bin/sh
                # keepalived's notify hook (rendered by vrouter): one entry point for every VRRP transition
                PATH=/usr/sbin:/usr/bin:/sbin:/bin
                if [ "$VROUTER_NOTIFY" != detached ]; then
                    if [ "$2" = --stopping ]; then
                        setsid -f sh -c "i=0; while [ \\$i -lt 200 ] && ip -4 -o address show dev eth0 | grep -qF ' 10.1.1.1/'; do sleep 0.02; i=\\$((i+1)); done; ip link set dev eth2 down 2>/dev/null"
                    elif [ "$1" != PRIMARY ]; then
                        ip link set dev eth2 down 2>/dev/null
                    elif ip -4 -o address show dev eth0 | grep -qF ' 10.1.1.1/'; then
                        ip link set dev eth2 up 2>/dev/null
                        ip route replace 0.0.0.0/0 via 203.0.113.1 table 254 proto 118 2>/dev/null
                        ip route replace 0.0.0.0/0 via 203.0.113.1 dev eth2 table 102 proto 118 2>/dev/null
                    fi
                    VROUTER_NOTIFY=detached exec setsid -f "$0" "$@" >>/var/log/vrouter/redundancy-state.log 2>&1
                fi
                socket=/run/vrouter/vrouterd.sock
                if [ -S "$socket" ] && reply=$(nc -U "$socket" 2>/dev/null <<EOF
                redundancy-state -- $*
                EOF
                ); then
                    status=${reply%%
                *}
                    case $status in "status "[0-9]|"status "[0-9][0-9]|"status "[0-9][0-9][0-9])
                        [ "$reply" = "$status" ] || printf '%s\\n' "${reply#*
                }" >&2
                        echo "$(date '+%F %T.%N') redundancy-state $*: vrouterd exit ${status#status }"
                        exit "${status#status }" ;;
                    esac
                fi
                exec /opt/vrouter/bin/vrouter redundancy-state "$@"
                """);
    }

    @Test
    void underAnotherRootNamesItInTheRequestAndTheLauncherAndHasNoFastPathWithoutPublicLinks() {
        RedundancyEntryPoint sandbox = new RedundancyEntryPoint(List.of("/usr/bin/java", "-cp", "/a b/x.jar", "Main"), Optional.of(Path.of("/tmp/r")));

        assertThat(sandbox.script("/tmp/r/log", new RedundancyEntryPoint.FastPath(List.of(), "eth0", "10.1.1.1", List.of())))
                .contains("socket=/tmp/r/run/vrouter/vrouterd.sock\n", "redundancy-state --root /tmp/r -- $*\n",
                        "exec /usr/bin/java -cp '/a b/x.jar' Main redundancy-state \"$@\" --root /tmp/r\n")
                .doesNotContain("ip link");
    }

    @Test
    void aRootARequestLineCannotCarryGoesOneShotOnly() {
        RedundancyEntryPoint odd = new RedundancyEntryPoint(List.of("/usr/bin/vrouter"), Optional.of(Path.of("/tmp/a b")));

        assertThat(odd.script("/tmp/log", new RedundancyEntryPoint.FastPath(List.of(), "eth0", "10.1.1.1", List.of())))
                .doesNotContain("nc -U").endsWith("exec /usr/bin/vrouter redundancy-state \"$@\" --root '/tmp/a b'\n");
    }

    @Test
    void aPrimaryFastPathOnlyAddsTheRoutesABackupLacks() {
        Databags bags = RedundantBags.withBootArgs(RedundantBags.member(1, "1"), Map.of());

        assertThat(RedundancyService.fastPath(bags, RedundancyInputs.from(bags).input().orElseThrow()).routes())
                .allMatch(route -> route.contains("via 203.0.113.1"));
    }

    @Test
    void needsAnAbsoluteLauncher() {
        assertThatThrownBy(() -> new RedundancyEntryPoint(List.of("vrouter"), Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }
}
