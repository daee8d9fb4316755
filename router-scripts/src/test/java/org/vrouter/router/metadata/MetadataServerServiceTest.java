package org.vrouter.router.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.api.net.IpAddress;
import org.vrouter.router.converge.IsolatedRouter;
import org.vrouter.router.converge.ServiceDrift;
import org.vrouter.router.converge.ServiceOutcome;
import org.vrouter.router.converge.ServiceResult;
import org.vrouter.router.databag.CmdLineBag;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.host.ProgramResult;
import org.vrouter.router.host.ScriptedHost;
import org.vrouter.router.service.DirectServiceManager;

/** The daemon's listeners from the bags, and when the converge writes them and starts or stops it. */
class MetadataServerServiceTest {
    @TempDir
    Path root;

    private ScriptedHost host;
    private MetadataServerService service;

    @BeforeEach
    void newMachine() {
        host = new ScriptedHost(root);
        service = new MetadataServerService(host, new DirectServiceManager(host), MetadataServerService.daemon(host), Set.of("addresses"));
    }

    private static Databags withBootArgs(Map<String, String> changes) {
        Map<String, String> config = new TreeMap<>(IsolatedRouter.bags().cmdLine().config());
        config.putAll(changes);
        return IsolatedRouter.bags().with(new CmdLineBag(config));
    }

    @Test
    void listensOnEveryGuestAddressOfTheRouter() {
        assertThat(MetadataServerInputs.from(IsolatedRouter.bags()).text()).isEqualTo("""
                # vrouter metadata and password server: <metadata|password> <address> <port>
                metadata 10.1.1.1 80
                password 10.1.1.1 8080
                """);
    }

    @Test
    void alsoListensOnTheGatewayOfARedundantPair() {
        Databags redundant = withBootArgs(Map.of("redundant_router", "true", "guestgw", "10.1.1.254"));

        assertThat(MetadataServerInputs.from(redundant).listeners()).extracting(Listener::address).containsExactly(
                IpAddress.parse("10.1.1.1"), IpAddress.parse("10.1.1.254"), IpAddress.parse("10.1.1.1"), IpAddress.parse("10.1.1.254"));
    }

    @Test
    void writesTheListenersAndStartsTheDaemonOnceThenRunsNothing() throws IOException {
        ServiceResult first = service.apply(IsolatedRouter.bags());

        assertThat(first.status()).isEqualTo(ServiceOutcome.Status.APPLIED);
        assertThat(root.resolve("etc/vrouter/metadata-server.conf")).content().contains("metadata 10.1.1.1 80");
        assertThat(host.commandLines()).singleElement().asString().contains("start-stop-daemon --start")
                .contains(MetadataServerMain.class.getName()).contains("--root " + root);

        host.clearCalls();
        assertThat(service.apply(IsolatedRouter.bags()).status()).isEqualTo(ServiceOutcome.Status.UNCHANGED);
        assertThat(host.commandLines()).isEmpty();
    }

    @Test
    void aDaemonThatWouldNotStartLeavesTheOldListenersForTheNextTry() throws IOException {
        host.answering(call -> new ProgramResult(call.argv(), 2, "", "start-stop-daemon: unable to start"));

        assertThatThrownBy(() -> service.apply(IsolatedRouter.bags()))
                .hasMessageContaining("vrouter-metadata");

        assertThat(root.resolve("etc/vrouter/metadata-server.conf")).doesNotExist();
    }

    @Test
    void repairStartsADaemonThatIsNotRunning() throws IOException {
        service.apply(IsolatedRouter.bags());
        host.clearCalls();
        host.answering(call -> call.argv().contains("--status") ? new ProgramResult(call.argv(), 3, "", "") : ProgramResult.success(call.argv()));

        assertThat(service.verify(IsolatedRouter.bags()).differences()).containsExactly("vrouter-metadata is not running");
        ServiceResult repair = service.repair(IsolatedRouter.bags());

        assertThat(repair.detail()).isEqualTo("vrouter-metadata was not running: started");
        assertThat(host.commandLines()).anyMatch(line -> line.startsWith("start-stop-daemon --start"));
    }

    @Test
    void isSkippedBeforeTheBootArgumentsAndOnAnInternalLoadBalancer() throws IOException {
        assertThat(service.apply(Databags.empty()).detail()).contains("no boot arguments yet");
        assertThat(service.apply(withBootArgs(Map.of("type", "ilbvm"))).status()).isEqualTo(ServiceOutcome.Status.SKIPPED);
        assertThat(service.verify(Databags.empty()).state()).isEqualTo(ServiceDrift.State.SKIPPED);
        assertThat(host.commandLines()).isEmpty();
    }

    @Test
    void readsBackTheFileItWrites() {
        MetadataServerConfig config = MetadataServerInputs.from(IsolatedRouter.bags());

        assertThat(MetadataServerConfig.parse(config.text())).isEqualTo(config);
        assertThat(MetadataServerConfig.parse("\n  metadata   10.1.1.1   80  \n").listeners()).containsExactly(Listener.of(Listener.Kind.METADATA,
                IpAddress.parse("10.1.1.1")));
        assertThatThrownBy(() -> MetadataServerConfig.parse("metadata 10.1.1.1\n")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> MetadataServerConfig.parse("dns 10.1.1.1 53\n"))
                .hasMessageContaining("unknown listener kind");
        assertThat(MetadataServerConfig.on(List.of()).listeners()).isEmpty();
    }
}
