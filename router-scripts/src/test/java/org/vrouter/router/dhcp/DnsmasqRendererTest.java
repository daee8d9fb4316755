package org.vrouter.router.dhcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.DnsServers;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.bootargs.RouterType;
import org.vrouter.router.golden.Golden;
import org.vrouter.router.host.LocalHost;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.ProgramResult;
import org.vrouter.router.host.SystemTools;

class DnsmasqRendererTest {
    static final String CONCEPT = "dnsmasq";
    static final String[] CASES = {"one-vm", "several-vms", "non-default-nic", "ipv6", "removal", "vpc-tiers", "useextdns",
        "host-options", "redundant"};

    @ParameterizedTest
    @ValueSource(strings = {"one-vm", "several-vms", "non-default-nic", "ipv6", "removal", "vpc-tiers", "useextdns",
        "host-options", "redundant"})
    void rendersTheGoldenFiles(String testCase) {
        DnsmasqFiles files = DnsmasqRenderer.render(input(testCase));

        Golden.assertMatches(CONCEPT, testCase, "cloud.conf", files.cloudConf());
        Golden.assertMatches(CONCEPT, testCase, "dhcphosts.txt", files.dhcpHosts());
        Golden.assertMatches(CONCEPT, testCase, "dhcpopts.txt", files.dhcpOpts());
        Golden.assertMatches(CONCEPT, testCase, "hosts", files.etcHosts());
    }

    @Test
    void releasesTheLeasesOfRemovedHostsOnly() {
        DhcpInput input = input("removal");
        DnsmasqLeases leases = DnsmasqLeases.parse(Golden.read(CONCEPT, "removal", "dnsmasq.leases"));

        StringBuilder releases = new StringBuilder();
        for (DhcpRelease release : leases.stale(input)) {
            releases.append(String.join(" ", release.argv())).append('\n');
        }

        Golden.assertMatches(CONCEPT, "removal", "releases", releases.toString());
    }

    @Test
    void everyRenderedConfigurationPassesDnsmasqTest(@TempDir Path directory) throws IOException {
        SystemTools.require("dnsmasq");
        for (String testCase : CASES) {
            Path conf = directory.resolve(testCase + ".conf");
            Files.writeString(conf, Golden.read(CONCEPT, testCase, "cloud.conf"));

            ProgramResult result = LocalHost.at(directory).run(ProgramCall.of("dnsmasq", "--test", "--conf-file=" + conf));

            assertThat(result.exitStatus()).as("dnsmasq --test on %s: %s", testCase, result.stderr()).isZero();
        }
    }

    @Test
    void rendersTheSameBytesWhateverTheInputOrder() {
        DhcpInput input = input("vpc-tiers");
        List<GuestInterface> interfaces = new ArrayList<>(input.interfaces());
        List<DhcpHost> hosts = new ArrayList<>(input.hosts());
        Collections.reverse(interfaces);
        Collections.shuffle(hosts, new Random(7));

        DhcpInput shuffled = new DhcpInput(input.routerType(), input.routerName(), input.domain(), input.upstreamDns(),
                input.useExternalDns(), interfaces, hosts);

        assertThat(DnsmasqRenderer.render(shuffled)).isEqualTo(DnsmasqRenderer.render(input));
    }

    @Test
    void ordersDevicesByNumber() {
        List<GuestInterface> sorted = DnsmasqRenderer.sortedInterfaces(List.of(
                GuestInterface.of("eth10", Cidr.parse("10.10.0.1/24")),
                GuestInterface.of("eth2", Cidr.parse("10.2.0.1/24")),
                GuestInterface.of("eth1", Cidr.parse("10.1.0.1/24"))));

        assertThat(sorted).extracting(GuestInterface::device).containsExactly("eth1", "eth2", "eth10");
    }

    @Test
    void rendersTenThousandHostsOneLineEach() {
        // how the time grows with the hosts is measured by `vrouter bench router`, not asserted here
        DhcpInput large = manyHosts(10_000);

        List<String> lines = DnsmasqRenderer.render(large).dhcpHosts().lines().toList();

        assertThat(lines).hasSize(10_000).doesNotHaveDuplicates();
        assertThat(lines.get(0)).contains("vm-2");
        assertThat(lines.get(9_999)).contains("vm-10001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"one-vm", "several-vms", "non-default-nic", "ipv6", "removal", "vpc-tiers", "useextdns",
        "host-options", "redundant"})
    void perHostFilesHoldTheLinesOfTheCloudStackFiles(String testCase) {
        DnsmasqFiles files = DnsmasqRenderer.render(input(testCase));

        assertThat(entryLines(files, DnsmasqFiles.DHCP_HOSTS_DIR)).containsExactlyInAnyOrderElementsOf(files.dhcpHosts().lines().toList());
        assertThat(entryLines(files, DnsmasqFiles.DHCP_OPTS_DIR)).containsExactlyInAnyOrderElementsOf(files.dhcpOpts().lines().toList());
        assertThat(entryLines(files, DnsmasqFiles.NAMES_DIR)).containsExactlyInAnyOrderElementsOf(files.etcHosts().lines().toList());
        assertThat(files.entries().keySet()).allMatch(path -> path.matches("/etc/(dhcphosts\\.d|dhcpopts\\.d|dnsmasq-names\\.d)/"
                + "([0-9a-f]{2}-){5}[0-9a-f]{2}|/etc/dnsmasq-names\\.d/router"));
        Map<String, String> compacted = HostDirectories.compacted(files.entries());
        assertThat(compacted.get("/etc/dhcphosts.d/all").lines()).containsExactlyInAnyOrderElementsOf(files.dhcpHosts().lines().toList());
        assertThat(compacted.get("/etc/dhcpopts.d/all").lines()).containsExactlyInAnyOrderElementsOf(files.dhcpOpts().lines().toList());
    }

    private static java.util.List<String> entryLines(DnsmasqFiles files, String directory) {
        return files.entries().entrySet().stream().filter(file -> file.getKey().startsWith(directory + "/"))
                .flatMap(file -> file.getValue().lines()).toList();
    }

    @Test
    void refusesACommaInAPathOfTheConfiguration() {
        assertThatThrownBy(() -> new DnsmasqPaths("/etc/hosts", "/etc/dhcp,hosts.txt", "/etc/dhcpopts.txt", "/var/lib/misc/leases",
                "/etc/dhcphosts.d", "/etc/dhcpopts.d", "/etc/dnsmasq-names.d"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("dhcp-hostsfile: must not contain commas");
        assertThatThrownBy(() -> DnsmasqPaths.ROUTER.map(path -> path.replace("dhcphosts.d", "dhcp,hosts.d")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("dhcp-hostsdir: must not contain commas");
    }

    @Test
    void checksEveryStringOnceMoreBeforeItLandsInAFile() {
        assertThatThrownBy(() -> DnsmasqText.check("host_name", "vm-1,10.0.0.1"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("host_name")
                .hasMessageContaining("'vm-1,10.0.0.1'");
        assertThatThrownBy(() -> DnsmasqText.check("domain", "a\nb")).hasMessageContaining("domain");
        assertThat(DnsmasqText.check("device", "eth0")).isEqualTo("eth0");
    }

    static DhcpInput input(String testCase) {
        return DhcpInputJson.parse(Golden.read(CONCEPT, testCase, "input.json"));
    }

    private static DhcpInput manyHosts(int count) {
        List<DhcpHost> hosts = new ArrayList<>(count);
        for (int i = 2; i < count + 2; i++) {
            IpAddress address = IpAddress.ofBytes(new byte[] {10, (byte) (i >> 16), (byte) (i >> 8), (byte) i});
            hosts.add(DhcpHost.builder(MacAddress.ofLong(0x020000000000L + i), address, "vm-" + i)
                    .defaultEntry(i % 10 != 0).build());
        }
        return new DhcpInput(RouterType.ROUTER, "r-1-VM", "cs2cloud.internal", DnsServers.ipv4(IpAddress.parse("8.8.8.8")),
                false, List.of(GuestInterface.builder("eth0", Cidr.parse("10.0.0.1/8")).gateway(IpAddress.parse("10.0.0.1")).build()),
                hosts);
    }
}
