package org.vrouter.core.routing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.api.command.Answer;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.router.RedundantState;
import org.vrouter.api.secret.Secret;
import org.vrouter.commands.AccessDetails;
import org.vrouter.commands.AggregationControlCommand;
import org.vrouter.commands.AggregationControlCommand.Action;
import org.vrouter.commands.CheckRouterAnswer;
import org.vrouter.commands.CheckRouterCommand;
import org.vrouter.commands.GroupAnswer;
import org.vrouter.commands.SavePasswordCommand;
import org.vrouter.commands.wire.CommandCodec;
import org.vrouter.core.channel.HostKeyPolicy;
import org.vrouter.core.channel.SshRouterChannel;
import org.vrouter.core.channel.SshSettings;
import org.vrouter.core.testsupport.ssh.FakeRouterSshServer;
import org.vrouter.core.testsupport.ssh.TestKeys;

/**
 * {@link VirtualRoutingResource} over a real SSH session: {@link SshRouterChannel} against the
 * MINA fake router, whose {@code /opt/cloud/bin/} holds shell stand-ins for the router entry
 * points that record what they received.
 */
class VirtualRoutingResourceOverSshTest {
    private static final TestKeys.ClientKey KEY = TestKeys.clientKey();
    private static final UUID BATCH_ID = UUID.fromString("5e3f0000-0000-4000-8000-0000000000bb");

    @TempDir
    Path root;

    private FakeRouterSshServer router;
    private VirtualRoutingResource resource;

    @BeforeEach
    void startRouter() throws IOException {
        Files.createDirectories(root.resolve("var/cache/cloud"));
        script("update_config.py", """
                f="$ROUTER_ROOT/var/cache/cloud/$1"
                [ -f "$f" ] || { echo "update_config: $1 not found" >&2; exit 1; }
                grep -q '"ip_address":"10.1.1.66"' "$f" && { echo "vmpassword: rejected" >&2; exit 1; }
                echo "$@" >> "$ROUTER_ROOT/update_config.calls"
                echo "merged $1"
                """);
        script("vr_cfg.sh", """
                [ "$1" = "-c" ] || exit 64
                cp "$ROUTER_ROOT$2" "$ROUTER_ROOT/last-batch.cfg"
                """);
        script("checkrouter.sh", "echo 'Status: BACKUP'\n");
        router = FakeRouterSshServer.start(root, KEY.publicKey());
        SshSettings settings = SshSettings.builder(KEY.identity(), HostKeyPolicy.pinned(router.hostKeyLine())).port(router.port()).build();
        resource = new VirtualRoutingResource(CommandCodec.withRandomIds(), SshRouterChannel.factory(settings), RoutingTimeouts.defaults(), () -> BATCH_ID);
    }

    @AfterEach
    void stopRouter() throws IOException {
        router.close();
    }

    private void script(String name, String body) throws IOException {
        Path file = root.resolve("opt/cloud/bin/" + name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static AccessDetails details() {
        return AccessDetails.builder().routerName("r-9-VM").routerIp(IpAddress.parse("127.0.0.1")).build();
    }

    private static SavePasswordCommand password(String vmIp) {
        return new SavePasswordCommand(details(), Secret.of("p4ssw0rd"), IpAddress.parse(vmIp), "vm-1", false);
    }

    @Test
    void appliesACommandThroughTheRoutersEntryPoint() throws IOException {
        Answer answer = resource.execute(password("10.1.1.23"));

        assertThat(answer).isInstanceOf(GroupAnswer.class);
        assertThat(answer.success()).as(answer.details()).isTrue();
        String call = Files.readString(root.resolve("update_config.calls")).strip();
        assertThat(call).startsWith("vm_password.json.");
        assertThat(Files.readString(root.resolve("var/cache/cloud/" + call), UTF_8)).contains("\"ip_address\":\"10.1.1.23\"");
        assertThat(((GroupAnswer) answer).results().get(1)).endsWith(" - success: merged " + call + "\n");
    }

    @Test
    void answersTheRoutersRejectionAsAFailure() {
        Answer answer = resource.execute(password("10.1.1.66"));

        assertThat(answer.success()).isFalse();
        assertThat(answer.details()).contains("failed: exit 1: vmpassword: rejected");
    }

    @Test
    void sendsABatchAsOneFileAndOneVrCfgRun() throws IOException {
        resource.execute(new AggregationControlCommand(details(), Action.START));
        resource.execute(password("10.1.1.23"));
        resource.execute(password("10.1.1.24"));

        Answer finished = resource.execute(new AggregationControlCommand(details(), Action.FINISH));

        assertThat(finished.success()).as(finished.details()).isTrue();
        String batch = Files.readString(root.resolve("last-batch.cfg"), UTF_8);
        assertThat(batch).startsWith("#Apache CloudStack Virtual Router Config File\n<version>\n1.0\n</version>\n<file>\n/var/cache/cloud/vm_password.json.");
        assertThat(batch).contains("\"ip_address\":\"10.1.1.23\"").contains("\"ip_address\":\"10.1.1.24\"");
        assertThat(router.commandLines()).containsExactly(
                "scp -t -d /var/cache/cloud/",
                "/opt/cloud/bin/vr_cfg.sh -c /var/cache/cloud/VR-" + BATCH_ID + ".cfg");
    }

    @Test
    void readsTheRedundantStateFromCheckrouter() {
        Answer answer = resource.execute(new CheckRouterCommand(details()));

        assertThat(answer).isInstanceOfSatisfying(CheckRouterAnswer.class, check -> assertThat(check.state()).isEqualTo(RedundantState.BACKUP));
    }
}
