package org.vrouter.hypervisor.netns;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.api.net.IpAddress;
import org.vrouter.commands.wire.payload.CmdLinePayload;
import org.vrouter.commands.wire.payload.PayloadCodec;
import org.vrouter.core.channel.ExecutionResult;
import org.vrouter.core.channel.RouterChannel;
import org.vrouter.core.channel.RouterChannelException;
import org.vrouter.core.channel.RouterEndpoint;
import org.vrouter.router.converge.Converger;
import org.vrouter.router.pipeline.PipelineOptions;

/**
 * The channel's file and script half, without a namespace: the router's converger applies nothing,
 * so the pipeline only merges databags under the root (no program runs).
 */
class NamespaceRouterChannelTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path root;

    private final GuruLayoutRouter layout = GuruLayoutRouter.of(3);
    private final NamespaceRouterScripts scripts = new NamespaceRouterScripts(PipelineOptions.defaults(), "template 1&scripts 2");
    private final RouterEndpoint endpoint = new RouterEndpoint(layout.name(), layout.controlIp());
    private NetnsRouter router;

    @BeforeEach
    void startRouter() {
        router = new NetnsRouter(layout.name(), 1, "vt0-" + layout.name(), root);
        router.starting(layout.startCommand().vm(), Converger.none());
    }

    @Test
    void uploadWritesUnderTheRootForRootOnly() throws IOException {
        try (RouterChannel channel = channel()) {
            channel.upload("/var/cache/cloud/", "vm_data.json.1", "{}".getBytes(UTF_8), TIMEOUT);
        }

        Path file = root.resolve("var/cache/cloud/vm_data.json.1");
        assertThat(file).hasContent("{}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void updateConfigMergesTheDeliveredFileThroughThePipeline() throws IOException {
        String json = new PayloadCodec().toJson(CmdLinePayload.of(layout.startCommand().vm().bootArgs().toCmdLineMap()));

        ExecutionResult result;
        try (RouterChannel channel = channel()) {
            channel.upload("/var/cache/cloud/", NetnsHypervisor.CMD_LINE_FILE, json.getBytes(UTF_8), TIMEOUT);
            result = channel.execute("/opt/cloud/bin/update_config.py cmd_line.json", TIMEOUT);
        }

        assertThat(result.exitStatus()).as(result.stderr()).isZero();
        assertThat(root.resolve("etc/cloudstack/cmdline.json")).content().contains("\"name\": \"r-3-VM\"");
        assertThat(router.lastRun()).isEqualTo("/opt/cloud/bin/update_config.py cmd_line.json exited 0");
    }

    @Test
    void answersTheQueriesAndNotFoundForAnythingElse() throws IOException {
        try (RouterChannel channel = channel()) {
            assertThat(channel.execute("/opt/cloud/bin/checkrouter.sh", TIMEOUT).stdout()).isEqualTo("Status: UNKNOWN\n");
            assertThat(channel.execute("/opt/cloud/bin/get_template_version.sh", TIMEOUT).stdout()).isEqualTo("template 1&scripts 2\n");
            assertThat(channel.execute("/opt/cloud/bin/vr_cfg.sh", TIMEOUT).exitStatus()).isEqualTo(1);
            ExecutionResult unknown = channel.execute("/opt/cloud/bin/ipassoc.sh -A", TIMEOUT);
            assertThat(unknown.exitStatus()).isEqualTo(NamespaceRouterScripts.NOT_FOUND);
            assertThat(unknown.stderr()).contains("ipassoc.sh: not available on a namespace router");
            assertThat(channel.execute("rm -rf /", TIMEOUT).exitStatus()).isEqualTo(NamespaceRouterScripts.NOT_FOUND);
        }
    }

    @Test
    void anUnreachableRouterOrAClosedChannelFailsEveryCall() {
        RouterChannelException down = new RouterChannelException(RouterChannelException.Failure.CONNECT, "no router answers at 169.254.3.3");
        RouterChannel unreachable = new NamespaceRouterChannel(endpoint, ignored -> {
            throw down;
        }, scripts);
        assertThatThrownBy(() -> unreachable.execute("/opt/cloud/bin/checkrouter.sh", TIMEOUT)).isSameAs(down);

        RouterChannel closed = channel();
        closed.close();
        assertThatThrownBy(() -> closed.upload("/var/cache/cloud/", "x.json", new byte[0], TIMEOUT))
                .isInstanceOfSatisfying(RouterChannelException.class,
                        e -> assertThat(e.failure()).isEqualTo(RouterChannelException.Failure.PROTOCOL));
    }

    @Test
    void aRunWaitsForAStopInProgressAndThenFindsTheRouterGone() throws Exception {
        RouterChannelException down = new RouterChannelException(RouterChannelException.Failure.CONNECT, "r-3-VM is not running");
        RouterChannel channel = new NamespaceRouterChannel(endpoint, ignored -> {
            if (!router.isStarted()) {
                throw down;
            }
            return router;
        }, scripts);
        CompletableFuture<ExecutionResult> run;
        // a stop in progress holds the router's lifecycle lock until the namespace is gone
        router.lifecycle.lock();
        try {
            run = CompletableFuture.supplyAsync(() -> {
                try {
                    return channel.execute("/opt/cloud/bin/checkrouter.sh", TIMEOUT);
                }
                catch (IOException e) {
                    throw new CompletionException(e);
                }
            });
            Thread.sleep(200);
            assertThat(run).as("the run waits for the stop").isNotDone();
            router.stopped();
        }
        finally {
            router.lifecycle.unlock();
        }

        assertThatThrownBy(() -> run.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(e.getCause()).isSameAs(down));
    }

    @Test
    void theRouterKnowsItsControlAddressFromItsStart() {
        assertThat(router.controlIp()).contains(IpAddress.parse("169.254.3.3"));
        assertThat(router.isStarted()).isTrue();
    }

    private RouterChannel channel() {
        return new NamespaceRouterChannel(endpoint, ignored -> router, scripts);
    }
}
