package org.vrouter.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.vrouter.api.command.Answer;
import org.vrouter.api.command.BasicAnswer;
import org.vrouter.api.net.IpAddress;
import org.vrouter.commands.GroupAnswer;
import org.vrouter.commands.wire.FileConfigItem;
import org.vrouter.commands.wire.ScriptConfigItem;
import org.vrouter.core.channel.ExecutionResult;
import org.vrouter.core.channel.RouterEndpoint;

/** {@link ConfigItemRunner}: answer shapes for zero, one and several items. */
class ConfigItemRunnerTest {
    private static final RouterEndpoint ROUTER = new RouterEndpoint("r-1-VM", IpAddress.parse("169.254.3.4"));
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final RecordingRouterChannels channels = new RecordingRouterChannels();
    private final ConfigItemRunner runner = new ConfigItemRunner(channels);
    private final VirtualRoutingResourceTest.UnmappedCommand command =
            new VirtualRoutingResourceTest.UnmappedCommand(VirtualRoutingResourceTest.router("r-1-VM"));

    @Test
    void answersNothingToDoForNoItemsWithoutOpeningAChannel() {
        assertThat(runner.apply(ROUTER, command, List.of(), TIMEOUT)).isEqualTo(Answer.success("Nothing to do"));
        assertThat(channels.events()).isEmpty();
    }

    @Test
    void answersASingleItemWithAPlainAnswerCarryingItsOutput() {
        channels.respond((router, commandLine) -> new ExecutionResult(2, "removed nothing\n", "no such file\n"));

        Answer answer = runner.apply(ROUTER, command, List.of(ScriptConfigItem.of("cleanup.sh", "x.json")), TIMEOUT);

        assertThat(answer).isEqualTo(new BasicAnswer(false, "exit 2: removed nothing\nno such file"));
    }

    @Test
    void reportsEveryItemWhenAllSucceed() {
        channels.respond((router, commandLine) -> new ExecutionResult(0, commandLine.contains("configure.py") ? "reconfigured\n" : "", ""));

        Answer answer = runner.apply(ROUTER, command, List.of(
                FileConfigItem.inCache("monitor_service.json.1", "{}"),
                ScriptConfigItem.of("update_config.py", "monitor_service.json.1"),
                ScriptConfigItem.of("configure.py", "monitor_service.json")), TIMEOUT);

        assertThat(answer).isEqualTo(GroupAnswer.of(true, List.of(
                "/var/cache/cloud/monitor_service.json.1 - success: wrote 2 bytes",
                "/opt/cloud/bin/update_config.py monitor_service.json.1 - success: ",
                "/opt/cloud/bin/configure.py monitor_service.json - success: reconfigured\n")));
    }

    @Test
    void stopsAtTheFirstFailingScriptAndSkipsTheRest() {
        channels.respond((router, commandLine) -> new ExecutionResult(commandLine.contains("update_config.py") ? 1 : 0, "", "bad bag\n"));

        Answer answer = runner.apply(ROUTER, command, List.of(
                FileConfigItem.inCache("monitor_service.json.1", "{}"),
                ScriptConfigItem.of("update_config.py", "monitor_service.json.1"),
                ScriptConfigItem.of("configure.py", "monitor_service.json")), TIMEOUT);

        assertThat(answer.success()).isFalse();
        assertThat(((GroupAnswer) answer).results()).containsExactly(
                "/var/cache/cloud/monitor_service.json.1 - success: wrote 2 bytes",
                "/opt/cloud/bin/update_config.py monitor_service.json.1 - failed: exit 1: bad bag",
                "/opt/cloud/bin/configure.py monitor_service.json - " + ConfigItemRunner.SKIPPED);
        assertThat(channels.events()).noneMatch(event -> event.contains("configure.py"));
        assertThat(channels.events()).last().isEqualTo("r-1-VM close");
    }
}
