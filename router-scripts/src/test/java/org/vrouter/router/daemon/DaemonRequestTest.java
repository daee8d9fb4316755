package org.vrouter.router.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.vrouter.router.pipeline.EntryOutcome;

class DaemonRequestTest {
    @Test
    void readsEveryPartOfARequest() throws MalformedRequestException {
        DaemonRequest request = DaemonRequest.parse("update-config --root /srv/r1 --defer-config -- vm_dhcp_entry.json.1 false");

        assertThat(request).isEqualTo(new DaemonRequest(DaemonRequest.Verb.UPDATE_CONFIG, Optional.of(Path.of("/srv/r1")), true,
                List.of("vm_dhcp_entry.json.1", "false")));
        assertThat(DaemonRequest.parse(request.line())).isEqualTo(request);
    }

    @Test
    void argumentsLookingLikeOptionsStayArguments() throws MalformedRequestException {
        assertThat(DaemonRequest.parse("update-config -- --root x").args()).containsExactly("--root", "x");
        assertThat(DaemonRequest.parse("vr-cfg -- -c /var/cache/cloud/VR-1.cfg").args()).containsExactly("-c", "/var/cache/cloud/VR-1.cfg");
        assertThat(DaemonRequest.parse("update-config --").args()).isEmpty();
    }

    @Test
    void aRedundancyStateRequestCarriesTheStateAndStoppingAsArguments() throws MalformedRequestException {
        DaemonRequest request = DaemonRequest.parse("redundancy-state --root /srv/r1 -- BACKUP --stopping");

        assertThat(request).isEqualTo(new DaemonRequest(DaemonRequest.Verb.REDUNDANCY_STATE, Optional.of(Path.of("/srv/r1")), false,
                List.of("BACKUP", "--stopping")));
        assertThat(request.line()).isEqualTo("redundancy-state --root /srv/r1 -- BACKUP --stopping");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ping x", "vr-cfg --defer-config -- -c x", "update-config --root /a --root /b -- x",
            "update-config --defer-config --defer-config -- x", "update-config --root", "update-config x", "update-config\t-- x",
            "redundancy-state --defer-config -- BACKUP", "redundancy-state BACKUP"})
    void rejectsWhatTheGrammarDoesNotAllow(String line) {
        assertThatThrownBy(() -> DaemonRequest.parse(line)).isInstanceOf(MalformedRequestException.class);
    }

    @Test
    void cannotCarryAnArgumentWithASpace() {
        assertThatThrownBy(() -> new DaemonRequest(DaemonRequest.Verb.UPDATE_CONFIG, Optional.empty(), false, List.of("a b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a b'");
    }

    @Test
    void aReplyIsAStatusLineAndTheStderrLines() throws IOException {
        EntryOutcome outcome = new EntryOutcome(1, List.of("warning: something", "x.json: mac_address: bad"));

        byte[] reply = DaemonProtocol.reply(outcome);

        assertThat(new String(reply, StandardCharsets.UTF_8)).isEqualTo("status 1\nwarning: something\nx.json: mac_address: bad\n");
        assertThat(DaemonProtocol.parseReply(reply)).isEqualTo(outcome);
        assertThat(DaemonProtocol.parseReply("status 0\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(new EntryOutcome(0, List.of()));
        assertThatThrownBy(() -> DaemonProtocol.parseReply(new byte[0])).isInstanceOf(IOException.class);
    }
}
