package org.vrouter.router.vpn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.commands.CheckS2SVpnConnectionsAnswer;
import org.vrouter.commands.wire.payload.Site2SiteVpnPayload;
import org.vrouter.router.converge.ServiceOutcome;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.firewall.ControlNic;
import org.vrouter.router.firewall.FirewallApplier;
import org.vrouter.router.firewall.PublicAddress;
import org.vrouter.router.firewall.SiteToSiteVpnOpening;
import org.vrouter.router.host.NamespaceHost;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.ProgramResult;
import org.vrouter.router.host.TestNamespace;
import org.vrouter.router.service.DirectServiceManager;
import org.vrouter.router.service.Signal;
import org.vrouter.router.vpc.AclItem;
import org.vrouter.router.vpc.NetworkAcl;
import org.vrouter.router.vpc.Tier;
import org.vrouter.router.vpc.VpcFirewallInput;
import org.vrouter.router.vpc.VpcFirewallRenderer;

/**
 * Two VPC routers, each in a namespace of its own with a tier and a VM (a namespace) behind it, joined by a
 * public link, each behind its rendered VPC firewall (policy DROP, the peer's IKE/NAT-T/ESP opened, tunnel
 * traffic exempt from source NAT, the tier's ACL admitting the peer's networks): the {@code vpn} service of
 * each sets up a site-to-site tunnel to the other (router A initiates, router B is passive), and the VMs
 * reach each other through it. The traffic is really
 * encapsulated: router B sees the guests' packets on the public link only as UDP 4500 (NAT-T/ESP-in-UDP,
 * kernel-libipsec's only encapsulation), never a guest address in clear, and both SAs count bytes. Then the
 * key changes (a mismatch stops the tunnel, the match brings it back), the peer is torn down (the SAs go,
 * the VMs no longer reach each other) and re-created; last charon is killed, which verify reports and the
 * repair (the boot path) undoes.
 */
@Tag("root")
class SiteToSiteVpnNamespaceTest {
    private static final String PSK = "first-Key-1";
    private static final IpAddress B_PUBLIC = IpAddress.parse("peer", "203.0.113.20");
    /** The "in" and "out" lines of a CHILD_SA in {@code swanctl --list-sas}: {@code in  c1a2b3c4,    252 bytes, ...}. */
    private static final Pattern SA_BYTES = Pattern.compile("(?m)^\\s+in\\s+\\S+.*?(\\d+) bytes.*\\n\\s+out\\s+\\S+.*?(\\d+) bytes");

    @TempDir
    Path root;

    private final List<TestNamespace> namespaces = new ArrayList<>();
    private Router a;
    private Router b;
    private TestNamespace vmA;
    private TestNamespace vmB;

    /** One router: its namespace, host, service manager and VPN service. */
    private record Router(TestNamespace namespace, NamespaceHost host, DirectServiceManager services, VpnRuntime runtime,
            VpnService vpn) {
        ServiceOutcome.Status apply(Databags bags) throws IOException {
            return vpn.apply(bags).status();
        }

        String swanctl(String... command) throws IOException {
            return host.run(ProgramCall.of(runtime.swanctl(command))).requireSuccess().stdout();
        }
    }

    @BeforeEach
    void buildTwoSites() throws IOException {
        TestStrongSwan.requireTools();
        TestNamespace routerA = namespace("iptables", "iptables-restore", "iptables-save", "ipset", "busybox");
        TestNamespace routerB = namespace();
        vmA = namespace();
        vmB = namespace();
        for (TestNamespace each : namespaces) {
            each.run("ip", "link", "set", "lo", "up");
        }
        // VPC layout: eth1 public, eth2 the tier (eth0, the control link, is not needed here)
        link(routerA, "eth1", "203.0.113.10/24", routerB, "eth1", "203.0.113.20/24");
        link(routerA, "eth2", "10.1.1.1/24", vmA, "eth0", "10.1.1.10/24");
        link(routerB, "eth2", "10.2.2.1/24", vmB, "eth0", "10.2.2.10/24");
        vmA.run("ip", "route", "add", "default", "via", "10.1.1.1");
        vmB.run("ip", "route", "add", "default", "via", "10.2.2.1");
        routerA.run("sysctl", "-q", "-w", "net.ipv4.ip_forward=1");
        routerB.run("sysctl", "-q", "-w", "net.ipv4.ip_forward=1");
        a = router(routerA, "a");
        b = router(routerB, "b");
        // each router's VPC firewall (INPUT and FORWARD policy DROP) with the site-to-site opening
        firewall(a, "203.0.113.10", "10.1.0.0/16", "10.1.1.1", "10.1.1.0/24", "203.0.113.20", "10.2.0.0/16");
        firewall(b, "203.0.113.20", "10.2.0.0/16", "10.2.2.1", "10.2.2.0/24", "203.0.113.10", "10.1.0.0/16");
        // what crosses the public link towards B: guest addresses in clear, and NAT-T (raw: not the firewall's)
        routerB.run("iptables", "-t", "raw", "-A", "PREROUTING", "-i", "eth1", "-s", "10.1.0.0/16");
        routerB.run("iptables", "-t", "raw", "-A", "PREROUTING", "-i", "eth1", "-p", "udp", "--dport", "4500");
    }

    /**
     * The rendered firewall of a VPC router with one tier on eth2 and its source-NAT address on eth1: the
     * tier's ingress ACL admits the peer's networks only, and the peer's IKE, NAT-T and ESP are opened.
     */
    private static void firewall(Router router, String publicIp, String vpcCidr, String tierIp, String tierCidr, String peer,
            String peerCidr) throws IOException {
        VpcFirewallInput input = VpcFirewallInput.builder(new ControlNic("eth0", IpAddress.parse("ip", "169.254.0.10")),
                        Cidr.parse("vpc", vpcCidr))
                .tier(new Tier("eth2", IpAddress.parse("ip", tierIp), IpAddress.parse("ip", tierIp), Cidr.parse("tier", tierCidr)))
                .publicAddress(new PublicAddress("eth1", Cidr.parse("public", publicIp + "/24"), true))
                .acl(new NetworkAcl("eth2", List.of(AclItem.all(List.of(Cidr.parse("peer", peerCidr)), true)), List.of()))
                .siteToSiteVpn(new SiteToSiteVpnOpening(IpAddress.parse("ip", publicIp), IpAddress.parse("ip", peer),
                        Cidr.parse("vpc", vpcCidr), List.of(Cidr.parse("peer", peerCidr))))
                .build();
        new FirewallApplier(router.host(), Clock.systemUTC()).apply(new VpcFirewallRenderer().render(input));
    }

    @AfterEach
    void tearDown() throws IOException {
        try {
            for (Router router : new Router[] {a, b}) {
                if (router != null) {
                    router.services().stop(router.runtime().charon());
                }
            }
        }
        finally {
            for (TestNamespace namespace : namespaces) {
                namespace.close();
            }
        }
    }

    @Test
    void vmsReachEachOtherThroughAnEncapsulatedTunnelThatSurvivesAKeyChangeARecreationAndACrash() throws Exception {
        assertThat(b.apply(bagsOfB(PSK, true))).isEqualTo(ServiceOutcome.Status.APPLIED);
        assertThat(a.apply(bagsOfA(PSK))).isEqualTo(ServiceOutcome.Status.APPLIED);

        assertThat(reaches(vmA, "10.2.2.10")).as("VM A reaches VM B through the tunnel").isTrue();
        assertThat(reaches(vmB, "10.1.1.10")).as("VM B reaches VM A through the tunnel").isTrue();
        assertThat(a.swanctl("--list-sas")).contains("vpn-203-0-113-20", "ESTABLISHED", "INSTALLED");
        assertThat(status(a)).as("the management side's tunnel check").isEqualTo(SiteToSiteStatus.CONNECTED);
        assertThat(saBytes(a)).as("bytes in and out of A's SA").allSatisfy(bytes -> assertThat(bytes).isPositive());
        assertThat(saBytes(b)).as("bytes in and out of B's SA").allSatisfy(bytes -> assertThat(bytes).isPositive());
        assertThat(packets(b, "filter", "INPUT", "-s 203.0.113.10/32 -d 203.0.113.20/32 -i eth1 -p udp -m udp --dport 4500"))
                .as("NAT-T admitted by B's opening").isPositive();
        assertThat(packets(a, "nat", "POSTROUTING", "-s 10.1.0.0/16 -d 10.2.0.0/16 -j ACCEPT"))
                .as("tunnel traffic exempt from A's source NAT").isPositive();
        long[] counters = publicLinkCounters();
        assertThat(counters[0]).as("guest packets in clear on the public link").isZero();
        assertThat(counters[1]).as("UDP 4500 packets on the public link").isPositive();

        // an unchanged converge touches nothing, SAs included
        String sas = a.swanctl("--list-sas");
        assertThat(a.apply(bagsOfA(PSK))).isEqualTo(ServiceOutcome.Status.UNCHANGED);
        assertThat(ikeSaIds(a.swanctl("--list-sas"))).isEqualTo(ikeSaIds(sas));

        // a new key on one side only: A renegotiates and fails; B, given the key and made active, brings it back
        assertThat(a.apply(bagsOfA("second-Key-2"))).isEqualTo(ServiceOutcome.Status.APPLIED);
        assertThat(reaches(vmA, "10.2.2.10")).as("mismatched keys").isFalse();
        assertThat(b.apply(bagsOfB("second-Key-2", false))).isEqualTo(ServiceOutcome.Status.APPLIED);
        assertThat(reaches(vmA, "10.2.2.10")).as("matching new keys; %s", logs()).isTrue();

        // torn down on A: connection and SAs gone, no way through
        assertThat(a.apply(VpnBags.bags(List.of(), List.of(), List.of()))).isEqualTo(ServiceOutcome.Status.APPLIED);
        assertThat(a.host().list(SwanctlRenderer.CONF_DIR)).isEmpty();
        assertThat(a.services().isRunning(a.runtime().charon())).isFalse();
        assertThat(reaches(vmA, "10.2.2.10")).as("after tear-down").isFalse();

        // re-created
        assertThat(a.apply(bagsOfA("second-Key-2"))).isEqualTo(ServiceOutcome.Status.APPLIED);
        assertThat(reaches(vmA, "10.2.2.10")).as("after re-creation").isTrue();
        assertThat(status(a)).isEqualTo(SiteToSiteStatus.CONNECTED);

        // charon dies behind the router's back (our own process, by its pid file): verify sees it, repair restores the tunnel
        a.services().signal(a.runtime().charon(), Signal.KILL);
        awaitStopped(a);
        assertThat(a.vpn().verify(bagsOfA("second-Key-2")).differences()).containsExactly("charon is not running");
        assertThat(a.vpn().repair(bagsOfA("second-Key-2")).status()).isEqualTo(ServiceOutcome.Status.APPLIED);
        assertThat(reaches(vmA, "10.2.2.10")).as("after the repair").isTrue();
        assertThat(publicLinkCounters()[0]).as("guest packets in clear on the public link").isZero();
        for (Router router : List.of(a, b)) {
            assertThat(router.host().readText(TestStrongSwan.LOG).orElseThrow()).doesNotContain(PSK, "second-Key-2");
            Path secrets = router.host().resolve(SwanctlRenderer.peerSecrets(VpnInputs.peer(peerOf(router))));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rw-------");
        }
    }

    private Site2SiteVpnPayload peerOf(Router router) {
        return (router == a ? bagsOfA("second-Key-2") : bagsOfB("second-Key-2", false)).site2SiteVpn().peers().values().iterator().next();
    }

    /** The end of both charon logs, for a failure message. */
    private String logs() throws IOException {
        StringBuilder out = new StringBuilder();
        for (Router router : List.of(a, b)) {
            List<String> lines = router.host().readText(TestStrongSwan.LOG).orElse("").lines().toList();
            out.append("\n--- ").append(router.host().resolve(TestStrongSwan.LOG)).append('\n')
                    .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
        }
        return out.toString();
    }

    private static void awaitStopped(Router router) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 50 && router.services().isRunning(router.runtime().charon()); attempt++) {
            Thread.sleep(100);
        }
        assertThat(router.services().isRunning(router.runtime().charon())).isFalse();
    }

    /** A's answer to CloudStack's check of the tunnel to B, as the management side reads it. */
    private static int status(Router router) throws IOException {
        String report = SiteToSiteStatus.report(List.of(B_PUBLIC), router.swanctl("--list-sas"));
        return CheckS2SVpnConnectionsAnswer.fromScriptOutput(report).peers().get(B_PUBLIC).code();
    }

    private static Databags bagsOfA(String psk) {
        return VpnBags.bags(List.of(VpnBags.peer("203.0.113.10", "10.1.0.0/16", "203.0.113.20", "10.2.0.0/16", "aes128-sha1;modp2048",
                "aes128-sha256", psk, "ikev2", true, false)), List.of(), List.of());
    }

    private static Databags bagsOfB(String psk, boolean passive) {
        Site2SiteVpnPayload peer = VpnBags.peer("203.0.113.20", "10.2.0.0/16", "203.0.113.10", "10.1.0.0/16", "aes128-sha1;modp2048",
                "aes128-sha256", psk, "ikev2", true, false);
        return VpnBags.bags(List.of(VpnBags.passive(peer, passive)), List.of(), List.of());
    }

    private Router router(TestNamespace namespace, String name) throws IOException {
        NamespaceHost host = namespace.host(root.resolve(name));
        DirectServiceManager services = new DirectServiceManager(host);
        VpnRuntime runtime = TestStrongSwan.runtime(host);
        return new Router(namespace, host, services, runtime, new VpnService(host, services, runtime, Set.of()));
    }

    private TestNamespace namespace(String... tools) throws IOException {
        TestNamespace namespace = TestNamespace.create(tools);
        namespaces.add(namespace);
        return namespace;
    }

    private static void link(TestNamespace left, String leftName, String leftAddress, TestNamespace right, String rightName,
            String rightAddress) throws IOException {
        left.run("ip", "link", "add", leftName, "type", "veth", "peer", "name", rightName, "netns", right.name());
        left.run("ip", "address", "add", leftAddress, "dev", leftName);
        left.run("ip", "link", "set", leftName, "up");
        right.run("ip", "address", "add", rightAddress, "dev", rightName);
        right.run("ip", "link", "set", rightName, "up");
    }

    /** Whether a ping gets through within about ten seconds (the first packets may trigger the SA). */
    private static boolean reaches(TestNamespace from, String address) throws IOException {
        for (int attempt = 0; attempt < 10; attempt++) {
            ProgramResult ping = from.host(Path.of("/nonexistent")).run(ProgramCall.of("busybox", "ping", "-c", "1", "-W", "1", address)
                    .withTimeout(Duration.ofSeconds(5)));
            if (ping.succeeded()) {
                return true;
            }
        }
        return false;
    }

    private static List<Long> saBytes(Router router) throws IOException {
        Matcher matcher = SA_BYTES.matcher(router.swanctl("--list-sas"));
        assertThat(matcher.find()).as("a CHILD_SA with byte counters in %s", router.swanctl("--list-sas")).isTrue();
        return List.of(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)));
    }

    private static List<String> ikeSaIds(String listing) {
        return listing.lines().filter(line -> line.contains("ESTABLISHED")).map(line -> line.replaceAll(",.*", "")).toList();
    }

    /** The packet counter of the rule of {@code table}'s {@code chain} that {@code iptables-save -c} prints with {@code rule}. */
    private static long packets(Router router, String table, String chain, String rule) throws IOException {
        String saved = router.namespace().run("iptables-save", "-c", "-t", table).stdout();
        return saved.lines().filter(line -> line.endsWith("-A " + chain + " " + rule) || line.contains("-A " + chain + " " + rule + " "))
                .map(line -> Long.parseLong(line.substring(1, line.indexOf(':')))).findFirst()
                .orElseThrow(() -> new AssertionError("no rule '" + rule + "' in " + table + " " + chain + ":\n" + saved));
    }

    /** Packets counted on B's public link: guest sources in clear, and UDP 4500. */
    private long[] publicLinkCounters() throws IOException {
        String rules = b.namespace().run("iptables", "-t", "raw", "-L", "PREROUTING", "-v", "-x", "-n").stdout();
        List<Long> packets = rules.lines().skip(2).map(String::trim).map(line -> Long.parseLong(line.split("\\s+")[0])).toList();
        return new long[] {packets.get(0), packets.get(1)};
    }
}
