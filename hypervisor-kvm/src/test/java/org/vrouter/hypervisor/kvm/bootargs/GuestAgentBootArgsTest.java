package org.vrouter.hypervisor.kvm.bootargs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vrouter.hypervisor.kvm.RouterVms;
import org.vrouter.hypervisor.kvm.libvirt.LibvirtOperationException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class GuestAgentBootArgsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A guest agent as qemu-ga answers, with a file system of its own; silent for its first {@code bootRounds} pings. */
    private static final class FakeAgent implements GuestAgent {
        final Map<String, String> files = new HashMap<>();
        final List<String> commands = new ArrayList<>();
        private final Map<Long, String> open = new HashMap<>();
        private int silentPings;
        private boolean wrongSync;

        FakeAgent(int silentPings) {
            this.silentPings = silentPings;
        }

        @Override
        public String command(String domain, String json, int timeoutSeconds) {
            try {
                JsonNode request = JSON.readTree(json);
                String execute = request.get("execute").asText();
                commands.add(execute);
                JsonNode arguments = request.path("arguments");
                return switch (execute) {
                    case "guest-ping" -> {
                        if (silentPings-- > 0) {
                            throw new LibvirtOperationException("qemuAgentCommand", domain, "VIR_ERR_AGENT_UNRESPONSIVE",
                                    "Guest agent is not responding", null);
                        }
                        yield "{\"return\":{}}";
                    }
                    case "guest-sync" -> "{\"return\":" + (wrongSync ? 1 : arguments.get("id").asLong()) + "}";
                    case "guest-file-open" -> {
                        open.put(1000L, arguments.get("path").asText());
                        yield "{\"return\":1000}";
                    }
                    case "guest-file-write" -> {
                        byte[] bytes = Base64.getDecoder().decode(arguments.get("buf-b64").asText());
                        files.put(open.get(arguments.get("handle").asLong()), new String(bytes, UTF_8));
                        yield "{\"return\":{\"count\":" + bytes.length + ",\"eof\":false}}";
                    }
                    case "guest-file-close" -> "{\"return\":{}}";
                    default -> "{\"error\":{\"class\":\"CommandNotFound\",\"desc\":\"" + execute + "\"}}";
                };
            }
            catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void writesTheBootArgsLineToTheCmdlineFile() throws IOException {
        FakeAgent agent = new FakeAgent(0);

        new GuestAgentBootArgs(agent, 3, Duration.ZERO, 5).deliver(RouterVms.router("r-7-VM"));

        assertThat(agent.files).containsEntry(GuestAgentBootArgs.CMDLINE_PATH, RouterVms.router("r-7-VM").bootArgsLine());
        assertThat(agent.commands).containsExactly("guest-ping", "guest-sync", "guest-file-open", "guest-file-write", "guest-file-close");
    }

    @Test
    void waitsForTheAgentToComeUp() throws IOException {
        FakeAgent agent = new FakeAgent(2);

        new GuestAgentBootArgs(agent, 3, Duration.ZERO, 5).deliver(RouterVms.router("r-7-VM"));

        assertThat(agent.files).containsKey(GuestAgentBootArgs.CMDLINE_PATH);
        assertThat(agent.commands).startsWith("guest-ping", "guest-ping", "guest-ping", "guest-sync");
    }

    @Test
    void givesUpAfterItsRoundsWithTheLastError() {
        FakeAgent agent = new FakeAgent(5);

        assertThatThrownBy(() -> new GuestAgentBootArgs(agent, 3, Duration.ZERO, 5).deliver(RouterVms.router("r-7-VM")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("r-7-VM").hasMessageContaining("after 3 rounds").hasMessageContaining("Guest agent is not responding");
        assertThat(agent.files).isEmpty();
    }

    @Test
    void refusesAnAgentThatDoesNotEchoTheSyncId() {
        FakeAgent agent = new FakeAgent(0);
        agent.wrongSync = true;

        assertThatThrownBy(() -> new GuestAgentBootArgs(agent, 1, Duration.ZERO, 5).deliver(RouterVms.router("r-7-VM")))
                .isInstanceOf(IOException.class).hasMessageContaining("guest-sync did not echo");
        assertThat(agent.files).isEmpty();
    }
}
