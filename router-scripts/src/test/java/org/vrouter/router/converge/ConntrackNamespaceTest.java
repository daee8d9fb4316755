package org.vrouter.router.converge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.commands.wire.payload.PayloadCodec;
import org.vrouter.router.address.AddressApplier;
import org.vrouter.router.firewall.FirewallApplier;
import org.vrouter.router.host.NamespaceHost;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.TestNamespace;
import org.vrouter.router.pipeline.PipelineOptions;
import org.vrouter.router.pipeline.PipelineResult;
import org.vrouter.router.pipeline.UpdateConfig;

/**
 * A port forward removed while TCP connections run through the router, for real: three network namespaces
 * (a client on the public side at 203.0.113.1, the isolated router, a VM at 10.1.1.23), veth pairs between
 * them, a listener on the VM ({@code nc -l}) for each of two forwards (203.0.113.20:2222 to port 22,
 * 203.0.113.20:2223 to port 23) and a client connection through each. Removing the first forward with
 * {@code update_config}, in a process of its own as on a router, deletes the conntrack entry of its
 * connection and leaves the other connection's entry alone. Processes and namespaces are always removed.
 */
@Tag("root")
class ConntrackNamespaceTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String IPS = "{\"ip_address\":[{\"public_ip\":\"203.0.113.20\",\"source_nat\":true,\"add\":true,"
            + "\"one_to_one_nat\":false,\"first_i_p\":true,\"gateway\":\"203.0.113.1\",\"netmask\":\"255.255.255.0\","
            + "\"vif_mac_address\":\"1e:00:5d:00:00:14\",\"nic_dev_id\":2,\"new_nic\":false,\"nw_type\":\"Public\","
            + "\"is_private_gateway\":false,\"mtu\":1500}],\"type\":\"ips\",\"delete_from_processed_cache\":false}";
    private static final String FIREWALL = "{\"rules\":[" + ingress(17, 2222) + "," + ingress(18, 2223)
            + "],\"type\":\"firewallrules\",\"delete_from_processed_cache\":false}";
    private static final String FORWARDS = "{\"rules\":[" + forward(false, 2222, 22) + "," + forward(false, 2223, 23)
            + "],\"type\":\"forwardrules\",\"delete_from_processed_cache\":false}";
    private static final String REMOVE_FIRST_FORWARD = "{\"rules\":[" + forward(true, 2222, 22)
            + "],\"type\":\"forwardrules\",\"delete_from_processed_cache\":false}";

    @TempDir
    Path root;

    private final List<TestNamespace> namespaces = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();
    private TestNamespace router;
    private TestNamespace vm;
    private TestNamespace client;
    private NamespaceHost host;
    private int serial;

    private static String ingress(int id, int port) {
        return "{\"id\":" + id + ",\"src_ip\":\"203.0.113.20\",\"protocol\":\"tcp\",\"src_port_range\":[" + port + "," + port + "],"
                + "\"revoked\":false,\"already_added\":false,\"source_cidr_list\":[\"0.0.0.0/0\"],\"dest_cidr_list\":[],"
                + "\"purpose\":\"Firewall\",\"traffic_type\":\"Ingress\",\"guest_cidr\":\"10.1.1.0/24\",\"default_egress_policy\":true}";
    }

    private static String forward(boolean revoke, int publicPort, int vmPort) {
        return "{\"revoke\":" + revoke + ",\"protocol\":\"tcp\",\"source_ip_address\":\"203.0.113.20\",\"source_port_range\":\""
                + publicPort + ":" + publicPort + "\",\"destination_ip_address\":\"10.1.1.23\",\"destination_port_range\":\""
                + vmPort + ":" + vmPort + "\"}";
    }

    @BeforeEach
    void buildTheNetwork() throws IOException {
        router = namespace("iptables-restore", "iptables-save", "iptables", "ipset", "conntrack", "nc");
        vm = namespace();
        client = namespace();
        for (TestNamespace namespace : namespaces) {
            namespace.run("ip", "link", "set", "lo", "up");
        }
        router.run("sysctl", "-q", "-w", "net.ipv4.ip_forward=1");
        link(vm, "eth0", "10.1.1.23/24");
        vm.run("ip", "route", "add", "default", "via", "10.1.1.1");
        router.run("ip", "link", "add", "eth1", "type", "veth", "peer", "name", "host0");
        router.run("ip", "link", "set", "host0", "up");
        link(client, "eth2", "203.0.113.1/24");
        host = router.host(root);
    }

    /** Creates the router's {@code device}, whose peer becomes {@code eth0} of {@code peer} with {@code address}. */
    private void link(TestNamespace peer, String device, String address) throws IOException {
        router.run("ip", "link", "add", device, "type", "veth", "peer", "name", "peer-" + device);
        router.run("ip", "link", "set", "peer-" + device, "netns", peer.name());
        peer.run("ip", "link", "set", "peer-" + device, "name", "eth0");
        peer.run("ip", "address", "add", address, "dev", "eth0");
        peer.run("ip", "link", "set", "eth0", "up");
    }

    private TestNamespace namespace(String... tools) throws IOException {
        TestNamespace namespace = TestNamespace.create(tools);
        namespaces.add(namespace);
        return namespace;
    }

    @AfterEach
    void tearDown() throws Exception {
        for (Process process : processes) {
            process.destroy();
            if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        for (TestNamespace namespace : namespaces) {
            namespace.close();
        }
    }

    @Test
    void removingAPortForwardDeletesTheEntryOfItsConnectionAndNoOther() throws Exception {
        for (String[] file : new String[][] {{"cmd_line.json", IsolatedRouter.read(IsolatedRouter.INPUT.resolve("cmd_line.json"))},
                {"ip_associations.json", IPS}, {"firewall_rules.json", FIREWALL}, {"forwarding_rules.json", FORWARDS}}) {
            PipelineResult result = updateConfig(file[0], file[1]);
            assertThat(result.exitCode()).as(file[0] + ": " + result).isZero();
        }
        start(vm, "nc", "-l", "10.1.1.23", "22");
        start(vm, "nc", "-l", "10.1.1.23", "23");
        awaitListening("22", "23");
        start(client, "nc", "203.0.113.20", "2222");
        start(client, "nc", "203.0.113.20", "2223");
        awaitEstablished("2222");
        awaitEstablished("2223");

        PipelineResult removed = updateConfig("forwarding_rules.json", REMOVE_FIRST_FORWARD);

        assertThat(removed.exitCode()).as(removed.toString()).isZero();
        assertThat(entries("2222")).as("the removed forward's connection").isEmpty();
        assertThat(entries("2223")).as("the other forward's connection").singleElement().asString()
                .contains("ESTABLISHED").contains("src=10.1.1.23").contains("sport=23");
    }

    /** One {@code update_config} run as a fresh process does it: a converger that knows nothing of earlier runs. */
    private PipelineResult updateConfig(String name, String json) throws IOException {
        String file = name.equals("cmd_line.json") ? name : name + ".conntrack-" + ++serial;
        Path cached = root.resolve("var/cache/cloud").resolve(file);
        Files.createDirectories(cached.getParent());
        Files.writeString(cached, json, StandardCharsets.UTF_8);
        OrderedConverger converger = new OrderedConverger(List.of(new AddressService(host, new AddressApplier(host)),
                new FirewallService(host, new FirewallApplier(host, Clock.systemUTC()), Set.of())), Clock.systemUTC());
        return new UpdateConfig(host, converger, new PayloadCodec(), PipelineOptions.defaults()).run(List.of(file));
    }

    private void start(TestNamespace namespace, String... argv) throws IOException {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace.name()));
        command.addAll(List.of(argv));
        // stdin stays an open pipe: a client keeps its connection until it is stopped
        processes.add(new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start());
    }

    private void awaitListening(String... ports) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            String sockets = vm.run("ss", "-Htln").stdout();
            if (List.of(ports).stream().allMatch(port -> sockets.contains("10.1.1.23:" + port + " "))) {
                return;
            }
            assertThat(System.nanoTime()).as("listeners on %s in time; sockets: %s", List.of(ports), sockets).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private void awaitEstablished(String publicPort) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (entries(publicPort).stream().noneMatch(entry -> entry.contains("ESTABLISHED"))) {
            assertThat(System.nanoTime()).as("a connection through port %s in time: %s", publicPort, entries(publicPort))
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** The router's conntrack entries of TCP connections to 203.0.113.20 on {@code publicPort}. */
    private List<String> entries(String publicPort) throws IOException {
        String listed = host.run(ProgramCall.of("conntrack", "-L", "-p", "tcp",
                "--orig-dst", "203.0.113.20", "--orig-port-dst", publicPort)).requireSuccess().stdout();
        return listed.lines().filter(line -> !line.isBlank()).toList();
    }
}
