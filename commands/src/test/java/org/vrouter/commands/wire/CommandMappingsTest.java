package org.vrouter.commands.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vrouter.commands.wire.CommandCases.ip;
import static org.vrouter.commands.wire.CommandCases.publicIp;
import static org.vrouter.commands.wire.CommandCases.router;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.network.TrafficType;
import org.vrouter.commands.AggregationControlCommand;
import org.vrouter.commands.IpAssocCommand;
import org.vrouter.commands.NetworkElementCommand;
import org.vrouter.commands.SetSourceNatCommand;
import org.vrouter.commands.to.IpAddressTO;
import org.vrouter.commands.wire.payload.LoadBalancerPayload;

class CommandMappingsTest {
    private static final String COMMANDS_PACKAGE = NetworkElementCommand.class.getPackageName();

    @Test
    void everyNetworkElementCommandClassOfTheCommandsPackageHasAMapping() throws IOException, ClassNotFoundException, URISyntaxException {
        List<Class<?>> commands = commandClasses();
        assertThat(commands).as("command classes found in the compiled package").hasSizeGreaterThan(20);

        List<String> unmapped = commands.stream().filter(type -> CommandMappings.find(type).isEmpty()).map(Class::getSimpleName).toList();
        assertThat(unmapped).as("NetworkElementCommand classes without a CommandMapping").isEmpty();
        List<Class<?>> mapped = CommandCodec.mappings().stream().<Class<?>>map(CommandMapping::commandClass).toList();
        assertThat(mapped).as("mapped classes are exactly the package's commands").containsExactlyInAnyOrderElementsOf(commands);
    }

    @Test
    void aggregationControlIsRefusedWithTheReason() {
        AggregationControlCommand start = AggregationControlCommand.of(AggregationControlCommand.Action.START, "r-12-VM", CommandCases.CONTROL_IP);

        assertThatThrownBy(() -> CommandCodecGoldenTest.codec().configItems(start))
                .isInstanceOf(UnsupportedCommandException.class)
                .hasMessageStartingWith("Unable to process the configuration for " + AggregationControlCommand.class.getName())
                .hasMessageContaining("handled by the hypervisor resource");
        assertThatThrownBy(() -> CommandCodecGoldenTest.codec().batch(List.of(start))).isInstanceOf(UnsupportedCommandException.class);
    }

    @Test
    void sourceNatNeedsNothingOnTheRouter() {
        SetSourceNatCommand command = new SetSourceNatCommand(router().build(), publicIp("203.0.113.30").sourceNat(true).build(), true);

        assertThat(CommandCodecGoldenTest.codec().configItems(command)).isEmpty();
        assertThat(CommandMappings.find(SetSourceNatCommand.class).orElseThrow().kind()).isEqualTo(CommandMapping.Kind.NOTHING);
    }

    @Test
    void anAddressWithoutItsNicDeviceNumberIsRejectedNamingTheElement() {
        IpAddressTO unplaced = IpAddressTO.builder(ip("203.0.113.40"), TrafficType.PUBLIC)
                .vlan(BroadcastUri.vlan(100), ip("203.0.113.1"), Netmask.parse("255.255.255.0"))
                .vifMacAddress(CommandCases.PUBLIC_MAC).build();
        IpAssocCommand command = new IpAssocCommand(router().build(), List.of(publicIp("203.0.113.20").build(), unplaced));

        assertThatThrownBy(() -> CommandCodecGoldenTest.codec().configItems(command))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("ip_address[1].nic_dev_id"));
    }

    @Test
    void theHaproxyCandidateFileIsStampedWithTheCodecsClock() {
        LoadBalancerPayload payload = (LoadBalancerPayload) CommandCodecGoldenTest.codec()
                .payloads(ServiceCommandCases.all().get("load-balancer")).get(0);

        assertThat(payload.rules().get(0).tmpCfgFileName()).isEqualTo("haproxy.cfg.new." + CommandCodecGoldenTest.NOW.toEpochMilli());
    }

    @Test
    void mappingsDeclareFileTypesExactlyWhenTheyProducePayloads() {
        assertThatThrownBy(() -> new CommandMapping<>(SetSourceNatCommand.class, CommandMapping.Kind.NOTHING,
                List.of(org.vrouter.commands.wire.payload.DatabagType.VM_PASSWORD), List.of(), (command, clock) -> List.of(),
                command -> List.of(), "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommandMapping.query(SetSourceNatCommand.class, List.of(), command -> List.of(), ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The concrete NetworkElementCommand classes compiled into the commands package (not its sub-packages). */
    private static List<Class<?>> commandClasses() throws IOException, ClassNotFoundException, URISyntaxException {
        URL location = NetworkElementCommand.class.getResource(NetworkElementCommand.class.getSimpleName() + ".class");
        assertThat(location).isNotNull();
        assertThat(location.getProtocol()).as("commands are scanned from the compiled classes directory").isEqualTo("file");
        Path directory = Path.of(location.toURI()).getParent();
        List<Class<?>> commands = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".class")).sorted().toList()) {
                String simpleName = file.getFileName().toString().replace(".class", "");
                if (simpleName.contains("$") || simpleName.equals("package-info")) {
                    continue;
                }
                Class<?> type = Class.forName(COMMANDS_PACKAGE + "." + simpleName);
                if (NetworkElementCommand.class.isAssignableFrom(type) && !type.isInterface()
                        && !Modifier.isAbstract(type.getModifiers())) {
                    commands.add(type);
                }
            }
        }
        return commands;
    }
}
