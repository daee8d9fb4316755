package org.vrouter.router.redundancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.api.metrics.Metrics;
import org.vrouter.api.router.RedundantState;
import org.vrouter.commands.wire.payload.PayloadCodec;
import org.vrouter.router.converge.Converger;
import org.vrouter.router.daemon.DaemonRouter;
import org.vrouter.router.daemon.Vrouterd;
import org.vrouter.router.databag.BagKey;
import org.vrouter.router.databag.DatabagStore;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.host.DryRunHost;
import org.vrouter.router.host.SystemTools;
import org.vrouter.router.pipeline.EntryPoints;
import org.vrouter.router.pipeline.PipelineOptions;

class RedundancyEntryPointTest {
    @TempDir
    Path root;

    @TempDir
    Path bin;

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
    void theHookRunByAShellHasTheDaemonRunTheTransitionAndWithoutOneRunsTheLauncher() throws Exception {
        SystemTools.require("dash", "nc", "setsid");
        DryRunHost host = new DryRunHost(root);
        DatabagStore store = new DatabagStore(host, new PayloadCodec());
        Databags member = RedundantBags.member(2, "1");
        for (BagKey key : List.of(BagKey.CMD_LINE, BagKey.IPS, BagKey.GUEST_NETWORK)) {
            store.write(member.get(key));
        }
        Path launcher = bin.resolve("vrouter");
        Files.writeString(launcher, "#!/bin/sh\nfor a in \"$@\"; do printf '%s|' \"$a\"; done > '" + bin.resolve("launched") + "'\n");
        Path hook = bin.resolve("vrouter-notify");
        Path log = bin.resolve("notify.log");
        // no public link: the fast path would touch this machine's interfaces
        Files.writeString(hook, new RedundancyEntryPoint(List.of(launcher.toString()), Optional.of(root))
                .script(log.toString(), new RedundancyEntryPoint.FastPath(List.of(), "eth0", RedundantBags.GATEWAY, List.of())));
        for (Path script : List.of(launcher, hook)) {
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        PayloadCodec codec = new PayloadCodec();
        EntryPoints entryPoints = new EntryPoints(host, Converger.none(), codec, new DatabagStore(host, codec), PipelineOptions.defaults());

        Vrouterd daemon = Vrouterd.serve(host.resolve(Vrouterd.SOCKET_PATH), List.of(DaemonRouter.of(entryPoints)), Duration.ofSeconds(20),
                Metrics.NOOP);
        try {
            notify(hook, "FAULT");
            awaitContent(log, "redundancy-state FAULT: vrouterd exit 0");
        }
        finally {
            daemon.close();
        }
        assertThat(RedundancyTransition.recorded(host)).isEqualTo(RedundantState.FAULT);
        assertThat(bin.resolve("launched")).doesNotExist();

        notify(hook, "BACKUP", "--stopping");
        awaitContent(bin.resolve("launched"), "redundancy-state|BACKUP|--stopping|--root|" + root + "|");
    }

    /** Runs the hook as keepalived does (its first part returns at once, the rest detached). */
    private static void notify(Path hook, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("dash", hook.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().remove("VROUTER_NOTIFY");
        Process process = builder.start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("the hook returns at once").isTrue();
        assertThat(process.exitValue()).isZero();
    }

    /** Waits (at most ten seconds) until {@code file} holds {@code text}. */
    private static void awaitContent(Path file, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(file) && Files.readString(file).contains(text)) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(Files.exists(file) ? Files.readString(file) : "(no " + file + ")").contains(text);
    }

    @Test
    void needsAnAbsoluteLauncher() {
        assertThatThrownBy(() -> new RedundancyEntryPoint(List.of("vrouter"), Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }
}
