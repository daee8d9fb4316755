package org.vrouter.router.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.vrouter.api.net.IpAddress;
import org.vrouter.router.converge.ConvergeResult;
import org.vrouter.router.converge.Converger;
import org.vrouter.router.databag.BagKey;
import org.vrouter.router.host.FaultInjectingHost;
import org.vrouter.router.host.ProgramResult;
import org.vrouter.router.host.ScriptedHost;

class UpdateConfigTest {
    private static final String DHCP_FILE = "vm_dhcp_entry.json.6d1f0a62-3a3f-4a0e-9a39-2a0c5b0e9a51";
    private static final String FIREWALL_FILE = "firewall_rules.json.0b7a0a62-3a3f-4a0e-9a39-2a0c5b0e9a51";

    @TempDir
    Path root;

    private PipelineFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new PipelineFixture(root);
    }

    private PipelineResult run(String... args) {
        return fixture.updateConfig().run(List.of(args));
    }

    @Test
    void mergesArchivesAndConverges() {
        fixture.deliver(DHCP_FILE, Payloads.DHCP);

        PipelineResult result = run(DHCP_FILE);

        assertThat(result.exitCode()).isZero();
        assertThat(result.message()).isEmpty();
        assertThat(fixture.bags().dhcpEntry().get(IpAddress.parse("10.1.1.23"))).isPresent();
        assertThat(fixture.archived(DHCP_FILE)).isEqualTo(Payloads.DHCP);
        assertThat(fixture.cache()).isEmpty();
        assertThat(fixture.converger.requests()).singleElement().satisfies(request -> {
            assertThat(request.bags()).containsExactly(BagKey.DHCP_ENTRY);
            assertThat(request.databags()).isEqualTo(fixture.bags());
        });
    }

    @Test
    void redeliveryOfAProcessedInputSucceedsWithoutWork() {
        fixture.deliver(DHCP_FILE, Payloads.DHCP);
        run(DHCP_FILE);
        Map<String, String> before = RouterTree.of(root);

        PipelineResult again = run(DHCP_FILE);

        assertThat(again.exitCode()).isZero();
        assertThat(fixture.converger.requests()).hasSize(1);
        assertThat(RouterTree.of(root)).isEqualTo(before);
    }

    @Test
    void rejectsAnInputNeverSeen() {
        PipelineResult result = run(DHCP_FILE);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.message()).startsWith(DHCP_FILE + ": file: not found");
    }

    @Test
    void rejectsAWrongNumberOfArguments() {
        assertThat(run().exitCode()).isEqualTo(1);
        assertThat(run(DHCP_FILE, "false", "extra").message()).isEqualTo("usage: update_config.py <file> [false]");
        assertThat(run("../etc/passwd").exitCode()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "malformed JSON     | vm_dhcp_entry.json.1 | {\"host_name\":\"vm-1\",                          | vm_dhcp_entry.json.1: json: malformed JSON",
        "unknown file type  | printer.json.1       | {}                                                | printer.json.1: file: not a databag file",
        "type of other file | firewall_rules.json.1 | " + "{\"ip_address\":[],\"type\":\"ips\",\"delete_from_processed_cache\":false} | firewall_rules.json.1: type: ",
        "wrongly typed field | ip_associations.json.1 | IPS_WITH_TEXT_DEVICE                             | ip_associations.json.1: ip_address[0].nic_dev_id: wrong JSON type",
        "bad address        | ip_associations.json.1 | IPS_WITH_BAD_ADDRESS                              | ip_associations.json.1: ip_address[0].public_ip: not an IPv4 or IPv6 address",
        "unknown field      | vm_dhcp_entry.json.1 | DHCP_WITH_EXTRA_FIELD                             | vm_dhcp_entry.json.1: colour: unknown property",
    })
    void rejectsABadInputAndChangesNothing(String description, String name, String json, String message) {
        fixture.deliver(FIREWALL_FILE, Payloads.FIREWALL);
        run(FIREWALL_FILE);
        fixture.deliver(name, switch (json) {
            case "IPS_WITH_TEXT_DEVICE" -> Payloads.IPS.replace("\"nic_dev_id\":2", "\"nic_dev_id\":\"2\"");
            case "IPS_WITH_BAD_ADDRESS" -> Payloads.IPS.replace("203.0.113.21", "203.0.113.321");
            case "DHCP_WITH_EXTRA_FIELD" -> Payloads.DHCP.replace("{", "{\"colour\":\"blue\",");
            default -> json;
        });
        Map<String, String> before = RouterTree.of(root);

        PipelineResult result = run(name);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.message()).startsWith(message).doesNotContain("\n");
        assertThat(RouterTree.of(root)).isEqualTo(before);
        assertThat(fixture.converger.requests()).hasSize(1);
    }

    @Test
    void falseDeletesTheInputInsteadOfArchivingIt() {
        String name = "monitor_service.json.5e2f0a62-3a3f-4a0e-9a39-2a0c5b0e9a51";
        fixture.deliver(name, Payloads.MONITOR);

        assertThat(run(name, "FALSE").exitCode()).isZero();

        assertThat(fixture.cache()).isEmpty();
        assertThat(fixture.processed()).isEmpty();
        assertThat(fixture.bags().monitorService().settings().healthChecksEnabled()).contains(true);
    }

    @Test
    void mergesPendingBootArgumentsFirst() {
        // the aliases need the guest address that only the pending boot arguments provide
        fixture.deliver("cmd_line.json", Payloads.CMD_LINE);
        fixture.deliver("ip_aliases.json.1", Payloads.IP_ALIASES);

        PipelineResult result = run("ip_aliases.json.1");

        assertThat(result.exitCode()).as(result.message()).isZero();
        assertThat(fixture.bags().cmdLine().routerType()).contains("router");
        assertThat(fixture.bags().ips().entries("eth0")).extracting(entry -> entry.publicIp().value()).containsExactly("10.1.1.1", "10.1.5.50");
        assertThat(fixture.processed()).containsExactlyInAnyOrder("cmd_line.json.00000000-0000-0000-0000-000000000001.gz", "ip_aliases.json.1.gz");
        assertThat(fixture.converger.last().everything()).isTrue();
    }

    @Test
    void holdsBackAReAddedGuestNetwork() {
        fixture.deliver("guest_network.json.1", Payloads.GUEST_NETWORK);
        run("guest_network.json.1");
        fixture.deliver("guest_network.json.2", Payloads.GUEST_NETWORK.replace("vpc1.internal", "other.internal"));
        Map<String, String> bags = bagFiles();

        PipelineResult result = run("guest_network.json.2");

        assertThat(result.exitCode()).isZero();
        assertThat(fixture.cache()).containsExactly("guest_network.json.2");
        assertThat(bagFiles()).isEqualTo(bags);
        assertThat(fixture.converger.last().bags()).containsExactlyInAnyOrder(BagKey.GUEST_NETWORK, BagKey.IPS);
    }

    @Test
    void mergesAnIdenticalReAddedGuestNetworkAsANoOp() {
        fixture.deliver("guest_network.json.1", Payloads.GUEST_NETWORK);
        run("guest_network.json.1");
        fixture.deliver("guest_network.json.2", Payloads.GUEST_NETWORK);

        assertThat(run("guest_network.json.2").exitCode()).isZero();

        assertThat(fixture.cache()).isEmpty();
        assertThat(fixture.processed()).containsExactly("guest_network.json.1.gz", "guest_network.json.2.gz");
    }

    @Test
    void theSameInputTwiceWritesNoBagTheSecondTime() {
        fixture.deliver(DHCP_FILE, Payloads.DHCP);
        run(DHCP_FILE);
        fixture.deliver("vm_dhcp_entry.json.2", Payloads.DHCP);
        FaultInjectingHost counting = FaultInjectingHost.counting(fixture.host);

        PipelineResult result = fixture.updateConfig(counting).run(List.of("vm_dhcp_entry.json.2"));

        assertThat(result.exitCode()).isZero();
        assertThat(counting.writes()).as("archive written, input deleted, no bag").isEqualTo(2);
        assertThat(fixture.converger.requests()).hasSize(2);
    }

    @Test
    void aFailedConvergeIsExitTwoNamingTheService() {
        fixture.converger.failing("firewall");
        fixture.deliver(FIREWALL_FILE, Payloads.FIREWALL);

        PipelineResult result = run(FIREWALL_FILE);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.message()).isEqualTo("converge failed: firewall: iptables-restore: line 3 failed");
        assertThat(fixture.bags().firewallRules().rules()).containsOnlyKeys(17L);
        assertThat(fixture.processed()).containsExactly(FIREWALL_FILE + ".gz");
    }

    @Test
    void deferConfigMergesDhcpWithoutConverging() {
        fixture.deliver(DHCP_FILE, Payloads.DHCP);

        PipelineResult result = new UpdateConfig(fixture.host, fixture.converger, fixture.codec, fixture.options().withDeferConfig(true))
                .run(List.of(DHCP_FILE));

        assertThat(result.exitCode()).isZero();
        assertThat(fixture.converger.requests()).isEmpty();
        assertThat(fixture.bags().dhcpEntry().isEmpty()).isFalse();
    }

    @Test
    void placesAddressesOnTheInterfaceThatHasTheirMac() {
        ScriptedHost host = new ScriptedHost(root).answering(call -> new ProgramResult(call.argv(), 0,
                "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\\    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n"
                        + "4: eth3@if12: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000\\    link/ether 1e:00:5d:00:00:14 brd ff:ff:ff:ff:ff:ff link-netnsid 0\n",
                ""));
        fixture.deliver("ip_associations.json.1", Payloads.IPS);

        assertThat(fixture.updateConfig(host).run(List.of("ip_associations.json.1")).exitCode()).isZero();

        assertThat(fixture.bags().ips().devices()).containsOnlyKeys("eth3");
        assertThat(host.commandLines()).containsExactly("ip -o link show");
    }

    @Test
    void reportsAnUnreadableBagAndKeepsACopyBeforeReplacingIt() throws IOException {
        fixture.write(BagKey.DHCP_ENTRY.path(), "{\"id\":\"dhcpentry\"");
        fixture.deliver(DHCP_FILE, Payloads.DHCP);

        PipelineResult result = run(DHCP_FILE);

        assertThat(result.exitCode()).isZero();
        assertThat(result.warnings()).singleElement().asString().startsWith("/etc/cloudstack/dhcpentry.json: malformed JSON");
        assertThat(Files.readString(root.resolve("etc/cloudstack/dhcpentry.json.unreadable"))).isEqualTo("{\"id\":\"dhcpentry\"");
    }

    @Test
    void twoRunsNeverInterleave() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        Converger slow = request -> {
            if (inside.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            sleep(100);
            inside.decrementAndGet();
            return ConvergeResult.of(List.of());
        };
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<PipelineResult>> runs = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            for (int i = 0; i < 4; i++) {
                String name = "vm_dhcp_entry.json." + i;
                fixture.deliver(name, Payloads.DHCP.replace("vm-1", "vm-" + i).replace("00:01", "00:1" + i).replace("10.1.1.23", "10.1.1.3" + i));
                runs.add(pool.submit(() -> {
                    start.await();
                    return new UpdateConfig(fixture.host, slow, fixture.codec, fixture.options()).run(List.of(name));
                }));
            }
            start.countDown();
            for (Future<PipelineResult> run : runs) {
                assertThat(run.get(10, TimeUnit.SECONDS).exitCode()).isZero();
            }
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(overlaps).hasValue(0);
        assertThat(fixture.bags().dhcpEntry().entries()).hasSize(4);
    }

    @Test
    void givesUpWhenTheLockIsHeldTooLong() throws Exception {
        fixture.deliver(DHCP_FILE, Payloads.DHCP);
        ConfigLock held = ConfigLock.acquire(fixture.host, Duration.ZERO);
        try {
            PipelineResult result = new UpdateConfig(fixture.host, fixture.converger, fixture.codec,
                    fixture.options().withLockTimeout(Duration.ofMillis(100))).run(List.of(DHCP_FILE));

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.message()).contains("still holds /run/vrouter/config.lock");
        }
        finally {
            held.close();
        }
        assertThat(run(DHCP_FILE).exitCode()).isZero();
    }

    private Map<String, String> bagFiles() {
        Map<String, String> bags = new java.util.TreeMap<>(RouterTree.of(root));
        bags.keySet().removeIf(path -> !path.startsWith("/etc/cloudstack/"));
        return bags;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
