package org.vrouter.commands.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.secret.Secret;
import org.vrouter.commands.AccessDetails;
import org.vrouter.commands.CheckRouterCommand;
import org.vrouter.commands.NetworkElementCommand;
import org.vrouter.commands.SavePasswordCommand;

class CommandCodecTest {
    private static final AccessDetails ROUTER = AccessDetails.builder()
            .routerIp(IpAddress.parse("169.254.3.44")).routerName("r-12-VM").build();

    private static CommandCodec codec() {
        AtomicLong next = new AtomicLong();
        return new CommandCodec(() -> new UUID(0, next.incrementAndGet()),
                Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC));
    }

    private static SavePasswordCommand password() {
        return new SavePasswordCommand(ROUTER, Secret.of("p4ssw0rd"), IpAddress.parse("10.1.1.23"), "vm-1", false);
    }

    @Test
    void aJsonCommandIsOneFileThenOneUpdateConfigCall() {
        assertThat(codec().configItems(password())).containsExactly(
                FileConfigItem.inCache("vm_password.json.00000000-0000-0000-0000-000000000001",
                        "{\"ip_address\":\"10.1.1.23\",\"password\":\"p4ssw0rd\",\"type\":\"vmpassword\",\"delete_from_processed_cache\":false}"),
                ScriptConfigItem.of("update_config.py", "vm_password.json.00000000-0000-0000-0000-000000000001"));
    }

    @Test
    void aQueryIsOneScriptCall() {
        assertThat(codec().configItems(new CheckRouterCommand(ROUTER)))
                .containsExactly(ScriptConfigItem.of("checkrouter.sh"));
    }

    @Test
    void aBatchHoldsEveryCommandsItemsInOrder() {
        ConfigBatch batch = codec().batch(List.of(password(), password()));

        assertThat(batch.items()).hasSize(4);
        assertThat(((ScriptConfigItem) batch.items().get(3)).args()).containsExactly("vm_password.json.00000000-0000-0000-0000-000000000002");
    }

    @Test
    void aQueryCannotBeBatched() {
        assertThatThrownBy(() -> codec().batch(List.of(new CheckRouterCommand(ROUTER))))
                .hasMessageContaining("CheckRouterCommand");
    }

    @Test
    void anUnknownCommandClassIsRejectedByName() {
        NetworkElementCommand unknown = () -> ROUTER;
        assertThatThrownBy(() -> codec().configItems(unknown))
                .isInstanceOf(UnsupportedCommandException.class)
                .hasMessageStartingWith("Unable to process the configuration for " + unknown.getClass().getName());
    }
}
