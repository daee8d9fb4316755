package org.vrouter.core.routing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.vrouter.api.command.Answer;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.router.RedundantState;
import org.vrouter.api.secret.Secret;
import org.vrouter.commands.AccessDetails;
import org.vrouter.commands.AggregationControlCommand;
import org.vrouter.commands.AggregationControlCommand.Action;
import org.vrouter.commands.CheckRouterAnswer;
import org.vrouter.commands.CheckRouterCommand;
import org.vrouter.commands.GetDomRVersionAnswer;
import org.vrouter.commands.GetDomRVersionCommand;
import org.vrouter.commands.GroupAnswer;
import org.vrouter.commands.NetworkElementCommand;
import org.vrouter.commands.SavePasswordCommand;
import org.vrouter.commands.wire.CommandCodec;
import org.vrouter.core.channel.ExecutionResult;
import org.vrouter.core.channel.RouterChannelException;
import org.vrouter.core.channel.RouterChannelException.Failure;

/** {@link VirtualRoutingResource} over a recording fake channel: what reaches the router, and the answers. */
class VirtualRoutingResourceTest {
    static final UUID FILE_ID = UUID.fromString("0b7a1c2d-0000-4000-8000-000000000001");
    static final UUID BATCH_ID = UUID.fromString("5e3f0000-0000-4000-8000-0000000000aa");
    static final String PASSWORD_FILE = "vm_password.json." + FILE_ID;
    static final String BATCH_FILE = "/var/cache/cloud/VR-" + BATCH_ID + ".cfg";

    private final RecordingRouterChannels channels = new RecordingRouterChannels();
    private final CommandCodec codec = new CommandCodec(() -> FILE_ID, Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC));
    private final VirtualRoutingResource resource = new VirtualRoutingResource(codec, channels, RoutingTimeouts.defaults(), () -> BATCH_ID);

    static AccessDetails router(String name) {
        return AccessDetails.builder().routerName(name).routerIp(IpAddress.parse("169.254.3.4")).build();
    }

    static SavePasswordCommand password(String routerName) {
        return new SavePasswordCommand(router(routerName), Secret.of("p4ssw0rd"), IpAddress.parse("10.1.1.23"), "vm-1", false);
    }

    static AggregationControlCommand aggregation(Action action) {
        return new AggregationControlCommand(router("r-1-VM"), action);
    }

    /** A command nobody mapped to the wire. */
    record UnmappedCommand(AccessDetails accessDetails) implements NetworkElementCommand {
    }

    @Test
    void writesTheFileThenRunsUpdateConfigAndAnswersOneResultPerItem() {
        Answer answer = resource.execute(password("r-1-VM"));

        assertThat(channels.events()).containsExactly(
                "r-1-VM open",
                "r-1-VM upload /var/cache/cloud/" + PASSWORD_FILE + " (" + channels.uploaded("/var/cache/cloud/" + PASSWORD_FILE).length + " bytes, 600 s)",
                "r-1-VM exec /opt/cloud/bin/update_config.py " + PASSWORD_FILE + " (600 s)",
                "r-1-VM close");
        assertThat(new String(channels.uploaded("/var/cache/cloud/" + PASSWORD_FILE), UTF_8)).contains("\"password\":\"p4ssw0rd\"");
        assertThat(answer).isInstanceOfSatisfying(GroupAnswer.class, group -> {
            assertThat(group.success()).isTrue();
            assertThat(group.count()).isEqualTo(2);
            assertThat(group.results().get(0)).startsWith("/var/cache/cloud/" + PASSWORD_FILE + " - success: wrote ");
            assertThat(group.results().get(1)).isEqualTo("/opt/cloud/bin/update_config.py " + PASSWORD_FILE + " - success: ");
        });
    }

    @Test
    void stopsAtAFailedUploadAndNeverRunsTheScript() {
        channels.checkUploads((router, path) -> {
            throw new RouterChannelException(Failure.PROTOCOL, "router r-1-VM: " + path + ": scp refused: disk full");
        });

        Answer answer = resource.execute(password("r-1-VM"));

        assertThat(channels.events()).noneMatch(event -> event.contains(" exec "));
        assertThat(answer.success()).isFalse();
        assertThat(answer).isInstanceOfSatisfying(GroupAnswer.class, group -> assertThat(group.results()).containsExactly(
                "/var/cache/cloud/" + PASSWORD_FILE + " - failed: router r-1-VM: /var/cache/cloud/" + PASSWORD_FILE + ": scp refused: disk full",
                "/opt/cloud/bin/update_config.py " + PASSWORD_FILE + " - " + ConfigItemRunner.SKIPPED));
    }

    @Test
    void answersFailureWithTheScriptsOutputWhenItExitsNonZero() {
        channels.respond((router, commandLine) -> new ExecutionResult(1, "", "vmpassword: ip_address: not an address\n"));

        Answer answer = resource.execute(password("r-1-VM"));

        assertThat(answer.success()).isFalse();
        assertThat(answer.details()).contains("update_config.py " + PASSWORD_FILE + " - failed: exit 1: vmpassword: ip_address: not an address");
    }

    @Test
    void parsesAQueryIntoItsTypedAnswer() {
        channels.respond((router, commandLine) -> new ExecutionResult(0,
                commandLine.endsWith("checkrouter.sh") ? "Status: BACKUP\n" : "Cloudstack Release 4.19.1 Mon May 1&4.19.1.0\n", ""));

        Answer state = resource.execute(new CheckRouterCommand(router("r-1-VM")));
        Answer version = resource.execute(new GetDomRVersionCommand(router("r-1-VM")));

        assertThat(state).isInstanceOfSatisfying(CheckRouterAnswer.class, check -> {
            assertThat(check.success()).isTrue();
            assertThat(check.state()).isEqualTo(RedundantState.BACKUP);
        });
        assertThat(version).isInstanceOfSatisfying(GetDomRVersionAnswer.class, domr -> {
            assertThat(domr.templateVersion()).contains("Cloudstack Release 4.19.1 Mon May 1");
            assertThat(domr.scriptsVersion()).contains("4.19.1.0");
        });
        assertThat(channels.events()).contains("r-1-VM exec /opt/cloud/bin/checkrouter.sh (30 s)", "r-1-VM exec /opt/cloud/bin/get_template_version.sh (600 s)");
    }

    @Test
    void answersAFailedQueryWithItsTypedFailure() {
        channels.respond((router, commandLine) -> {
            throw new RouterChannelException(Failure.TIMEOUT, "router r-1-VM: '/opt/cloud/bin/checkrouter.sh' did not finish within 30 s");
        });

        Answer answer = resource.execute(new CheckRouterCommand(router("r-1-VM")));

        assertThat(answer).isInstanceOfSatisfying(CheckRouterAnswer.class, check -> {
            assertThat(check.success()).isFalse();
            assertThat(check.state()).isEqualTo(RedundantState.UNKNOWN);
            assertThat(check.details()).contains("did not finish within 30 s");
        });
    }

    @Test
    void answersFailureNamingAnUnsupportedCommandsClassWithoutReachingTheRouter() {
        Answer answer = resource.execute(new UnmappedCommand(router("r-1-VM")));

        assertThat(answer.success()).isFalse();
        assertThat(answer.details()).contains(UnmappedCommand.class.getName());
        assertThat(channels.events()).isEmpty();
    }

    @Test
    void answersFailureWhenTheRouterAddressIsMissing() {
        AccessDetails noAddress = AccessDetails.builder().routerName("r-1-VM").build();

        Answer answer = resource.execute(new UnmappedCommand(noAddress));

        assertThat(answer.success()).isFalse();
        assertThat(answer.details()).isEqualTo("router.ip: access detail is missing");
        assertThat(channels.events()).isEmpty();
    }

    @Test
    void queuesCommandsBetweenStartAndFinishAndSendsThemAsOneBatch() throws IOException {
        assertThat(resource.execute(aggregation(Action.START))).isEqualTo(Answer.success(VirtualRoutingResource.BATCH_STARTED));
        Answer queued = resource.execute(password("r-1-VM"));
        assertThat(queued.success()).isTrue();
        assertThat(channels.events()).isEmpty();

        Answer finished = resource.execute(aggregation(Action.FINISH));

        assertThat(finished).isEqualTo(Answer.success(VirtualRoutingResource.BATCH_FINISHED));
        String expected = codec.batch(List.of(password("r-1-VM"))).render();
        assertThat(new String(channels.uploaded(BATCH_FILE), UTF_8)).isEqualTo(expected);
        assertThat(channels.events()).containsExactly(
                "r-1-VM open",
                "r-1-VM upload " + BATCH_FILE + " (" + expected.getBytes(UTF_8).length + " bytes, 602 s)",
                "r-1-VM exec /opt/cloud/bin/vr_cfg.sh -c " + BATCH_FILE + " (602 s)",
                "r-1-VM close");
    }

    @Test
    void runsQueriesAtOnceWhileABatchIsOpen() {
        resource.execute(aggregation(Action.START));
        channels.respond((router, commandLine) -> new ExecutionResult(0, "Status: PRIMARY\n", ""));

        Answer answer = resource.execute(new CheckRouterCommand(router("r-1-VM")));

        assertThat(((CheckRouterAnswer) answer).state()).isEqualTo(RedundantState.PRIMARY);
        assertThat(channels.events()).contains("r-1-VM exec /opt/cloud/bin/checkrouter.sh (30 s)");
    }

    @Test
    void removesTheBatchEvenWhenItFails() {
        resource.execute(aggregation(Action.START));
        resource.execute(password("r-1-VM"));
        channels.respond((router, commandLine) -> new ExecutionResult(1, "",
                "VR config: execution failed: \"/opt/cloud/bin/update_config.py x\", check /var/log/cloud.log in VR for details\n"));

        Answer finished = resource.execute(aggregation(Action.FINISH));

        assertThat(finished.success()).isFalse();
        assertThat(finished.details()).startsWith("exit 1: VR config: execution failed");
        assertThat(resource.execute(aggregation(Action.FINISH)).details()).isEqualTo("no batch is open for router r-1-VM");
        assertThat(resource.execute(aggregation(Action.START)).success()).isTrue();
    }

    @Test
    void refusesASecondStartAndKeepsTheOpenBatch() {
        resource.execute(aggregation(Action.START));
        resource.execute(password("r-1-VM"));

        Answer again = resource.execute(aggregation(Action.START));
        resource.execute(aggregation(Action.FINISH));

        assertThat(again.success()).isFalse();
        assertThat(again.details()).contains("already open for router r-1-VM");
        assertThat(channels.events()).anyMatch(event -> event.contains("vr_cfg.sh -c " + BATCH_FILE));
        assertThat(new String(channels.uploaded(BATCH_FILE), UTF_8)).contains("update_config.py " + PASSWORD_FILE);
    }

    @Test
    void cleanupDropsTheBatchWithoutReachingTheRouter() {
        resource.execute(aggregation(Action.START));
        resource.execute(password("r-1-VM"));

        Answer cleaned = resource.execute(aggregation(Action.CLEANUP));
        Answer direct = resource.execute(password("r-1-VM"));

        assertThat(cleaned.details()).isEqualTo(VirtualRoutingResource.BATCH_CLEANED_UP + " (1 commands dropped)");
        assertThat(direct).isInstanceOf(GroupAnswer.class);
        assertThat(channels.events()).noneMatch(event -> event.contains("vr_cfg.sh"));
        assertThat(channels.events()).anyMatch(event -> event.contains("exec /opt/cloud/bin/update_config.py"));
    }

    @Test
    void rejectsAnUnsupportedCommandInsteadOfQueueingIt() {
        resource.execute(aggregation(Action.START));

        Answer rejected = resource.execute(new UnmappedCommand(router("r-1-VM")));
        resource.execute(password("r-1-VM"));
        resource.execute(aggregation(Action.FINISH));

        assertThat(rejected.success()).isFalse();
        assertThat(new String(channels.uploaded(BATCH_FILE), UTF_8)).contains(PASSWORD_FILE);
    }

    @Test
    void finishesAnEmptyBatchWithoutReachingTheRouter() {
        resource.execute(aggregation(Action.START));

        Answer finished = resource.execute(aggregation(Action.FINISH));

        assertThat(finished.success()).isTrue();
        assertThat(channels.events()).isEmpty();
    }

    @Test
    void keepsBatchesOfDifferentRoutersApart() {
        resource.execute(aggregation(Action.START));

        Answer other = resource.execute(password("r-2-VM"));

        assertThat(other).isInstanceOf(GroupAnswer.class);
        assertThat(channels.events()).first().isEqualTo("r-2-VM open");
    }
}
