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
 * NAT mappings removed while TCP connections run through the router, for real: three network namespaces
 * (a client on the public side at 203.0.113.1, the isolated router with public addresses 203.0.113.20 and
 * .21, a VM at 10.1.1.23), veth pairs between them, listeners ({@code nc -l}) on the VM and on the client,
 * and client connections through the router: in through port forwards and a static NAT, out through the
 * source NAT. Removing a mapping with {@code update_config}, in a process of its own as on a router,
 * deletes the conntrack entries of its connections and leaves every other entry alone. Processes and
 * namespaces are always removed.
 */
@Tag("root")
class ConntrackNamespaceTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String CLIENT = "203.0.113.1";
    private static final String PUBLIC = "203.0.113.20";
    private static final String SECOND = "203.0.113.21";
    private static final String VM = "10.1.1.23";

    @TempDir
    Path root;

    private final List<TestNamespace> namespaces = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();
    private TestNamespace router;
    private TestNamespace vm;
    private TestNamespace client;
    private NamespaceHost host;
    private int serial;

    private static String ips(boolean firstIsSourceNat) {
        return "{\"ip_address\":[" + address(PUBLIC, firstIsSourceNat) + "," + address(SECOND, !firstIsSourceNat)
                + "],\"type\":\"ips\",\"delete_from_processed_cache\":false}";
    }

    private static String address(String ip, boolean sourceNat) {
        return "{\"public_ip\":\"" + ip + "\",\"source_nat\":" + sourceNat + ",\"add\":true,\"one_to_one_nat\":false,"
                + "\"first_i_p\":" + sourceNat + ",\"gateway\":\"" + CLIENT + "\",\"netmask\":\"255.255.255.0\","
                + "\"vif_mac_address\":\"1e:00:5d:00:00:14\",\"nic_dev_id\":2,\"new_nic\":false,\"nw_type\":\"Public\","
                + "\"is_private_gateway\":false,\"mtu\":1500}";
    }

    /** Ingress to {@code ip:port} from anywhere, and every egress allowed. */
    private static String firewall(String... ingress) {
        StringBuilder rules = new StringBuilder();
        for (int i = 0; i < ingress.length; i++) {
            String[] target = ingress[i].split(":");
            rules.append("{\"id\":").append(17 + i).append(",\"src_ip\":\"").append(target[0]).append("\",\"protocol\":\"tcp\",")
                    .append("\"src_port_range\":[").append(target[1]).append(',').append(target[1]).append("],\"revoked\":false,")
                    .append("\"already_added\":false,\"source_cidr_list\":[\"0.0.0.0/0\"],\"dest_cidr_list\":[],\"purpose\":\"Firewall\",")
                    .append("\"traffic_type\":\"Ingress\",\"guest_cidr\":\"10.1.1.0/24\",\"default_egress_policy\":true},");
        }
        rules.append("{\"id\":90,\"src_ip\":\"\",\"protocol\":\"all\",\"revoked\":false,\"already_added\":false,")
                .append("\"source_cidr_list\":[\"10.1.1.0/24\"],\"dest_cidr_list\":[],\"purpose\":\"Firewall\",\"traffic_type\":\"Egress\",")
                .append("\"guest_cidr\":\"10.1.1.0/24\",\"default_egress_policy\":true,\"type\":\"System\"}");
        return "{\"rules\":[" + rules + "],\"type\":\"firewallrules\",\"delete_from_processed_cache\":false}";
    }

    private static String forwards(String... forwards) {
        return "{\"rules\":[" + String.join(",", forwards) + "],\"type\":\"forwardrules\",\"delete_from_processed_cache\":false}";
    }

    private static String forward(boolean revoke, int publicPort, int vmPort) {
        return "{\"revoke\":" + revoke + ",\"protocol\":\"tcp\",\"source_ip_address\":\"" + PUBLIC + "\",\"source_port_range\":\""
                + publicPort + ":" + publicPort + "\",\"destination_ip_address\":\"" + VM + "\",\"destination_port_range\":\""
                + vmPort + ":" + vmPort + "\"}";
    }

    private static String staticNat(boolean revoke) {
        return "{\"rules\":[{\"revoke\":" + revoke + ",\"source_ip_address\":\"" + SECOND + "\",\"source_port_range\":\"0:0\","
                + "\"destination_ip_address\":\"" + VM + "\",\"should_apply_cross_network_snat\":false}],\"type\":\"staticnatrules\","
                + "\"delete_from_processed_cache\":false}";
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
        boot(ips(true), firewall(PUBLIC + ":2222", PUBLIC + ":2223"), forwards(forward(false, 2222, 22), forward(false, 2223, 23)));
        String[] removed = connectThrough(PUBLIC, 2222, 22);
        String[] kept = connectThrough(PUBLIC, 2223, 23);

        update("forwarding_rules.json", forwards(forward(true, 2222, 22)));

        assertThat(entries(removed)).as("the removed forward's connection").isEmpty();
        assertThat(entries(kept)).as("the other forward's connection").singleElement().asString()
                .contains("ESTABLISHED").contains("src=" + VM).contains("sport=23");
    }

    @Test
    void removingAStaticNatDeletesTheConnectionsItCarriedBothWays() throws Exception {
        boot(ips(true), firewall(PUBLIC + ":2223", SECOND + ":24"), forwards(forward(false, 2223, 23)));
        update("staticnat_rules.json", staticNat(false));
        String[] inbound = connectThrough(SECOND, 24, 24);
        String[] outbound = connectOut();
        assertThat(entries(outbound)).singleElement().asString().as("leaves from the static NAT address").contains("dst=" + SECOND);
        String[] kept = connectThrough(PUBLIC, 2223, 23);

        update("staticnat_rules.json", staticNat(true));

        assertThat(entries(inbound)).as("the connection in through the static NAT").isEmpty();
        assertThat(entries(outbound)).as("the VM's connection out from the static NAT address").isEmpty();
        assertThat(entries(kept)).as("the forward's connection").singleElement().asString().contains("ESTABLISHED");
    }

    @Test
    void aNewSourceNatAddressDeletesTheConnectionsNatedToTheOldOne() throws Exception {
        boot(ips(true), firewall(PUBLIC + ":2223"), forwards(forward(false, 2223, 23)));
        String[] outbound = connectOut();
        assertThat(entries(outbound)).singleElement().asString().as("leaves from the source-NAT address").contains("dst=" + PUBLIC);
        String[] kept = connectThrough(PUBLIC, 2223, 23);

        update("ip_associations.json", ips(false));

        assertThat(entries(outbound)).as("the connection source-NATed to the old address").isEmpty();
        assertThat(entries(kept)).as("the forward's connection").singleElement().asString().contains("ESTABLISHED");
    }

    /** Boots the router ({@code cmd_line.json}) and delivers its public addresses, firewall rules and port forwards. */
    private void boot(String ips, String firewall, String forwards) throws IOException {
        update("cmd_line.json", IsolatedRouter.read(IsolatedRouter.INPUT.resolve("cmd_line.json")));
        update("ip_associations.json", ips);
        update("firewall_rules.json", firewall);
        update("forwarding_rules.json", forwards);
    }

    private void update(String name, String json) throws IOException {
        PipelineResult result = updateConfig(name, json);
        assertThat(result.exitCode()).as(name + ": " + result).isZero();
    }

    /**
     * A connection from the client to {@code publicIp:publicPort}, reaching a listener on the VM's
     * {@code vmPort}, established; the conntrack filter that lists it.
     */
    private String[] connectThrough(String publicIp, int publicPort, int vmPort) throws Exception {
        start(vm, "nc", "-l", VM, Integer.toString(vmPort));
        awaitListening(vm, VM + ":" + vmPort);
        start(client, "nc", publicIp, Integer.toString(publicPort));
        String[] filter = {"--orig-src", CLIENT, "--orig-dst", publicIp, "--orig-port-dst", Integer.toString(publicPort)};
        awaitEstablished(filter);
        return filter;
    }

    /** A connection from the VM to a listener on the client's port 80, established; the filter that lists it. */
    private String[] connectOut() throws Exception {
        start(client, "nc", "-l", CLIENT, "80");
        awaitListening(client, CLIENT + ":80");
        start(vm, "nc", CLIENT, "80");
        String[] filter = {"--orig-src", VM, "--orig-dst", CLIENT, "--orig-port-dst", "80"};
        awaitEstablished(filter);
        return filter;
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

    private void awaitListening(TestNamespace namespace, String socket) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            String sockets = namespace.run("ss", "-Htln").stdout();
            if (sockets.contains(socket + " ")) {
                return;
            }
            assertThat(System.nanoTime()).as("a listener on %s in time; sockets: %s", socket, sockets).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private void awaitEstablished(String... filter) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (entries(filter).stream().noneMatch(entry -> entry.contains("ESTABLISHED"))) {
            assertThat(System.nanoTime()).as("a connection %s in time: %s", List.of(filter), entries(filter)).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** The router's conntrack entries of TCP connections the filter selects. */
    private List<String> entries(String... filter) throws IOException {
        List<String> argv = new ArrayList<>(List.of("conntrack", "-L", "-p", "tcp"));
        argv.addAll(List.of(filter));
        return host.run(ProgramCall.of(argv)).requireSuccess().stdout().lines().filter(line -> !line.isBlank()).toList();
    }
}
