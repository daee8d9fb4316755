package org.vrouter.core.routing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.vrouter.api.command.Answer;
import org.vrouter.api.command.Command;
import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.network.TrafficType;
import org.vrouter.commands.AccessDetails;
import org.vrouter.commands.CheckSshCommand;
import org.vrouter.commands.CheckVirtualMachineCommand;
import org.vrouter.commands.IpAssocCommand;
import org.vrouter.commands.PlugNicCommand;
import org.vrouter.commands.StartCommand;
import org.vrouter.commands.StopCommand;
import org.vrouter.commands.UnPlugNicCommand;
import org.vrouter.commands.to.IpAddressTO;
import org.vrouter.commands.to.NicTO;

/** {@link RouterCommandDispatcher} over a recording VM driver and recording router channels. */
class RouterCommandDispatcherTest {
    private static final UUID FILE_ID = UUID.fromString("0b7a1c2d-0000-4000-8000-000000000001");
    private static final String ROUTER = "r-7-VM";
    private static final MacAddress PUBLIC_MAC = MacAddress.parse("1e:00:00:00:00:07");

    private final RecordingRouterChannels channels = new RecordingRouterChannels();
    private final RecordingDriver vms = new RecordingDriver();
    private final RoutingSettings settings = RoutingSettings.defaults().withIds(() -> FILE_ID)
            .withClock(Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC));
    private final RouterCommandDispatcher dispatcher = new RouterCommandDispatcher("the test resource", vms, channels, settings);

    /** Answers success naming each call, knows the NICs in {@code nics}, may fail NIC lookups. */
    private static class RecordingDriver implements RouterVmDriver {
        final List<String> calls = new ArrayList<>();
        Map<String, List<NicTO>> nics = Map.of();
        Optional<String> lookupFailure = Optional.empty();

        @Override
        public Answer start(StartCommand command) {
            calls.add("start " + command.vm().name());
            return Answer.success("started");
        }

        @Override
        public Answer stop(StopCommand command) {
            calls.add("stop " + command.vmName());
            return Answer.success("stopped");
        }

        @Override
        public Answer check(CheckVirtualMachineCommand command) {
            calls.add("check " + command.vmName());
            return Answer.success("checked");
        }

        @Override
        public Answer checkSsh(CheckSshCommand command) {
            calls.add("checkSsh " + command.vmName());
            return Answer.success("reachable");
        }

        @Override
        public Optional<List<NicTO>> nicsOf(String router) throws RouterVmException {
            calls.add("nicsOf " + router);
            if (lookupFailure.isPresent()) {
                throw new RouterVmException(lookupFailure.get());
            }
            return Optional.ofNullable(nics.get(router));
        }
    }

    private static IpAssocCommand association(AccessDetails details) {
        IpAddressTO address = IpAddressTO.builder(IpAddress.parse("203.0.113.7"), TrafficType.PUBLIC)
                .add(true).vlan(BroadcastUri.vlan(100), IpAddress.parse("203.0.113.1"), Netmask.parse("255.255.255.0"))
                .vifMacAddress(PUBLIC_MAC).build();
        return new IpAssocCommand(details, List.of(address));
    }

    private static AccessDetails router() {
        return AccessDetails.builder().routerName(ROUTER).routerIp(IpAddress.parse("169.254.3.7")).build();
    }

    private String uploadedAssociation() {
        return new String(channels.uploaded("/var/cache/cloud/ip_associations.json." + FILE_ID), UTF_8);
    }

    @Test
    void handsLifecycleCommandsToTheDriverWithoutTouchingTheRouter() {
        dispatcher.execute(StopCommand.forced(ROUTER));
        dispatcher.execute(new CheckVirtualMachineCommand(ROUTER));
        dispatcher.execute(CheckSshCommand.of(ROUTER, IpAddress.parse("169.254.3.7")));

        assertThat(vms.calls).containsExactly("stop " + ROUTER, "check " + ROUTER, "checkSsh " + ROUTER);
        assertThat(channels.events()).isEmpty();
    }

    @Test
    void fillsTheNicDeviceOfAnIpAssociationFromTheDriversNics() {
        vms.nics = Map.of(ROUTER, List.of(NicTO.builder(2, PUBLIC_MAC, TrafficType.PUBLIC).build()));

        Answer answer = dispatcher.execute(association(router()));

        assertThat(answer.success()).as(answer.details()).isTrue();
        assertThat(uploadedAssociation()).containsPattern("\"nic_dev_id\"\\s*:\\s*2\\b");
    }

    @Test
    void sendsTheAssociationOfARouterTheDriverDoesNotKnowAsItCame() {
        Answer answer = dispatcher.execute(association(router()));

        assertThat(vms.calls).containsExactly("nicsOf " + ROUTER);
        assertThat(answer.success()).isFalse();
        assertThat(answer.details()).contains("nic_dev_id", "is missing");
        assertThat(channels.events()).isEmpty();
    }

    @Test
    void answersFailureNamingTheFieldWhenNoNicMatches() {
        vms.nics = Map.of(ROUTER, List.of(NicTO.builder(0, MacAddress.parse("0e:00:a9:fe:00:01"), TrafficType.CONTROL).build()));

        Answer answer = dispatcher.execute(association(router()));

        assertThat(answer.success()).isFalse();
        assertThat(answer.details()).contains("ip_address[0].nic_dev_id", "vlan://100");
        assertThat(channels.events()).isEmpty();
    }

    @Test
    void answersALookupFailureWithItsMessage() {
        vms.lookupFailure = Optional.of("cannot find the NICs of router " + ROUTER + ": no such VM");

        Answer answer = dispatcher.execute(association(router()));

        assertThat(answer.success()).isFalse();
        assertThat(answer.details()).isEqualTo("cannot find the NICs of router " + ROUTER + ": no such VM");
        assertThat(channels.events()).isEmpty();
    }

    @Test
    void offersOtherCommandsToTheDriverBeforeAnsweringUnsupported() {
        Command unknown = new Command() {};

        Answer answer = dispatcher.execute(unknown);

        assertThat(answer.success()).isFalse();
        assertThat(answer.details()).startsWith("the test resource does not handle ");
    }

    @Test
    void letsTheDriverAnswerCommandsItHandlesItself() {
        Command plug = new Command() {};
        RouterVmDriver plugging = new RecordingDriver() {
            @Override
            public Optional<Answer> other(Command command) {
                return command == plug ? Optional.of(Answer.success("plugged")) : Optional.empty();
            }
        };

        Answer answer = new RouterCommandDispatcher("the test resource", plugging, channels, settings).execute(plug);

        assertThat(answer.details()).isEqualTo("plugged");
    }

    @Test
    void answersThatADriverWithoutHotPlugCannotPlugOrUnplugNics() {
        NicTO tier = NicTO.builder(3, MacAddress.parse("02:00:00:00:00:03"), TrafficType.GUEST).build();

        Answer plug = dispatcher.execute(PlugNicCommand.forRouter(tier, ROUTER));
        Answer unplug = dispatcher.execute(new UnPlugNicCommand(tier, ROUTER));

        assertThat(plug.success()).isFalse();
        assertThat(plug.details()).isEqualTo("RecordingDriver does not hot-plug NICs: cannot plug eth3 into r-7-VM");
        assertThat(unplug.success()).isFalse();
        assertThat(unplug.details()).isEqualTo("RecordingDriver does not hot-plug NICs: cannot unplug eth3 from r-7-VM");
        assertThat(channels.events()).isEmpty();
    }

    @Test
    void handsNicHotPlugToADriverThatDoesIt() {
        RouterVmDriver plugging = new RecordingDriver() {
            @Override
            public Answer plugNic(PlugNicCommand command) {
                return Answer.success("plugged " + command.nic().deviceName());
            }
        };
        NicTO tier = NicTO.builder(3, MacAddress.parse("02:00:00:00:00:03"), TrafficType.GUEST).build();

        Answer answer = new RouterCommandDispatcher("the test resource", plugging, channels, settings).execute(PlugNicCommand.forRouter(tier, ROUTER));

        assertThat(answer.details()).isEqualTo("plugged eth3");
    }

    @Test
    void rejectsANullCommand() {
        assertThatThrownBy(() -> dispatcher.execute(null)).isInstanceOf(NullPointerException.class);
    }
}
