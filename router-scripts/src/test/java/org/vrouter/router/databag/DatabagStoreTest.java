package org.vrouter.router.databag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.secret.Secret;
import org.vrouter.commands.wire.payload.DhcpEntryPayload;
import org.vrouter.commands.wire.payload.PayloadCodec;
import org.vrouter.router.host.DryRunHost;
import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.FileVersion;
import org.vrouter.router.host.ForwardingHost;
import org.vrouter.router.host.Host;

class DatabagStoreTest {
    @TempDir
    Path root;

    private Host host() {
        return new DryRunHost(root);
    }

    private DatabagStore store() {
        return new DatabagStore(host(), new PayloadCodec());
    }

    private void file(BagKey key, String json) throws IOException {
        host().writeText(key.path(), json, FileMode.PUBLIC);
    }

    @Test
    void missingFilesAreEmptyBags() throws IOException {
        DatabagSnapshot snapshot = store().load();

        assertThat(snapshot.databags()).isEqualTo(Databags.empty());
        assertThat(snapshot.problems()).isEmpty();
    }

    @Test
    void reportsAMalformedFileAndReadsItAsEmpty() throws IOException {
        file(BagKey.DHCP_ENTRY, "{\"id\":\"dhcpentry\",");

        DatabagSnapshot snapshot = store().load();

        assertThat(snapshot.databags().dhcpEntry().isEmpty()).isTrue();
        assertThat(snapshot.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.isWholeFile()).isTrue();
            assertThat(problem.message()).startsWith("/etc/cloudstack/dhcpentry.json: malformed JSON").endsWith("(read as an empty bag)");
        });
        assertThat(snapshot.hasProblems(BagKey.DHCP_ENTRY)).isTrue();
    }

    @Test
    void reportsAFileOfAnotherBag() throws IOException {
        file(BagKey.IPS, "{\"id\":\"dhcpentry\"}");

        assertThat(store().load().problems()).singleElement()
                .satisfies(problem -> assertThat(problem.reason()).isEqualTo("id is \"dhcpentry\", expected \"ips\""));
    }

    @Test
    void leavesOutAnInvalidEntryAndKeepsTheOthers() throws IOException {
        file(BagKey.DHCP_ENTRY, """
                {"id": "dhcpentry",
                 "10.1.1.23": {"host_name": "vm-1", "mac_address": "02:00:4c:5f:00:01", "ipv4_address": "10.1.1.23", "default_entry": true,
                               "remove": false, "type": "dhcpentry", "delete_from_processed_cache": false},
                 "10.1.1.24": {"host_name": "vm 2", "mac_address": "02:00:4c:5f:00:02", "ipv4_address": "10.1.1.24", "default_entry": true,
                               "remove": false}}""");
        file(BagKey.FIREWALL_RULES, """
                {"id": "firewallrules",
                 "17": {"id": 17, "src_ip": "203.0.113.20", "protocol": "tcp", "src_port_range": [22, 22], "revoked": false,
                        "already_added": false, "source_cidr_list": ["0.0.0.0/0"], "dest_cidr_list": [], "purpose": "Firewall",
                        "default_egress_policy": false},
                 "18": {"id": 18, "src_ip": "203.0.113.20", "protocol": "tcpx", "revoked": false, "already_added": false,
                        "source_cidr_list": [], "dest_cidr_list": [], "purpose": "Firewall", "default_egress_policy": false}}""");

        DatabagSnapshot snapshot = store().load();

        assertThat(snapshot.databags().dhcpEntry().entries()).containsOnlyKeys(IpAddress.parse("10.1.1.23"));
        assertThat(snapshot.databags().firewallRules().rules()).containsOnlyKeys(17L);
        assertThat(snapshot.problems()).extracting(DatabagProblem::message).containsExactly(
                "/etc/cloudstack/dhcpentry.json: entry '10.1.1.24': host_name: not a host name "
                        + "(letters, digits and '-' in dot-separated labels of at most 63 characters): 'vm 2' (entry ignored)",
                "/etc/cloudstack/firewallrules.json: entry '18': protocol: unknown protocol (expected one of [all, icmp, tcp, udp]): 'tcpx' (entry ignored)");
    }

    @Test
    void dropsCloudStackTombstonesOnReading() throws IOException {
        file(BagKey.IPS, """
                {"id": "ips", "eth2": [
                  {"public_ip": "203.0.113.20", "netmask": "255.255.255.0", "add": true, "source_nat": true, "nic_dev_id": 2},
                  {"public_ip": "203.0.113.21", "netmask": "255.255.255.0", "add": false, "source_nat": false, "nic_dev_id": 2}]}""");
        file(BagKey.STATIC_ROUTES, """
                {"id": "staticroutes", "192.168.50.0/24": {"revoke": true, "ip_address": "10.0.1.1", "gateway": "10.0.1.254",
                 "network": "192.168.50.0/24"}}""");
        file(BagKey.VPN_USER_LIST, """
                {"id": "vpnuserlist", "bob": {"user": "bob", "password": "pw", "add": false}}""");

        DatabagSnapshot snapshot = store().load();

        assertThat(snapshot.problems()).isEmpty();
        assertThat(snapshot.databags().ips().all()).extracting(entry -> entry.publicIp().value()).containsExactly("203.0.113.20");
        assertThat(snapshot.databags().staticRoutes().isEmpty()).isTrue();
        assertThat(snapshot.databags().vpnUserList().isEmpty()).isTrue();
    }

    @Test
    void readsABagAsCloudStackWroteIt() throws IOException {
        // boot-argument addresses: nic_dev_id as text, empty gateway; cidr derived from the network address
        // (one Python 3 release) is recomputed, not trusted; a guest network listed twice keeps the newest
        file(BagKey.IPS, """
                {
                  "eth0": [
                    {
                      "add": true,
                      "cidr": "10.1.1.0/24",
                      "gateway": "",
                      "netmask": "255.255.255.0",
                      "nic_dev_id": "0",
                      "nw_type": "guest",
                      "one_to_one_nat": false,
                      "public_ip": "10.1.1.1",
                      "source_nat": false
                    }
                  ],
                  "id": "ips"
                }""");
        file(BagKey.BGP_PEERS, "{\"1-100\": {\"peer_id\": 1, \"peer_as_number\": 64496, \"ip4_address\": \"100.64.0.1\", \"network_id\": 100}}");

        DatabagSnapshot snapshot = store().load();

        assertThat(snapshot.problems()).isEmpty();
        IpEntry entry = snapshot.databags().ips().entries("eth0").get(0);
        assertThat(entry.cidr()).hasToString("10.1.1.1/24");
        assertThat(entry.gateway()).isEmpty();
        assertThat(entry.nicDevId()).isZero();
        assertThat(snapshot.databags().bgpPeers().peers()).containsOnlyKeys("1-100");
    }

    @Test
    void readsEitherSpellingOfTheAdvancedInterval() throws IOException {
        file(BagKey.MONITOR_SERVICE, "{\"id\": \"monitorservice\", \"health_checks_advanced_run_interval\": 10}");

        assertThat(store().load().databags().monitorService().settings().healthChecksAdvanceRunInterval()).contains(10);
    }

    @Test
    void writesSecretBagsRootOnly() throws IOException {
        DatabagStore store = store();
        store.write(new VmPasswordBag(Map.of(IpAddress.parse("10.1.1.23"), Secret.of("pw"))));
        store.write(new CmdLineBag(Map.of("type", "router")));
        store.write(new IpsBag(Map.of("eth0", List.of(IpEntry.injected(IpAddress.parse("10.1.1.1"),
                org.vrouter.api.net.Netmask.parse("255.255.255.0"), Optional.empty(), 0, org.vrouter.api.network.TrafficType.GUEST)))));

        assertThat(mode(BagKey.VM_PASSWORD)).isEqualTo("rw-------");
        assertThat(mode(BagKey.CMD_LINE)).isEqualTo("rw-------");
        assertThat(mode(BagKey.IPS)).isEqualTo("rw-r--r--");
        for (BagKey key : new BagKey[] {BagKey.VPN_USER_LIST, BagKey.SITE_2_SITE_VPN, BagKey.REMOTE_ACCESS_VPN, BagKey.BGP_PEERS}) {
            assertThat(key.fileMode().bits()).as(key.key()).isEqualTo(0600);
        }
    }

    @Test
    void writtenBagsReadBackEqual() throws IOException {
        DatabagStore store = store();
        VmPasswordBag passwords = new VmPasswordBag(Map.of(IpAddress.parse("10.1.1.23"), Secret.of("pw")));
        store.write(passwords);

        DatabagSnapshot snapshot = store.load();

        assertThat(snapshot.databags().vmPassword()).isEqualTo(passwords);
        assertThat(Files.readString(root.resolve("etc/cloudstack/vmpassword.json")))
                .isEqualTo("{\n  \"10.1.1.23\": \"pw\",\n  \"id\": \"vmpassword\"\n}");
    }

    @Test
    void emptyBagIsJustItsId() {
        assertThat(new String(store().render(FirewallRulesBag.empty()), StandardCharsets.UTF_8)).isEqualTo("{\n  \"id\": \"firewallrules\"\n}");
    }

    @Test
    void preservesAnUnreadableFileBeforeItIsReplaced() throws IOException {
        file(BagKey.DHCP_ENTRY, "not json");
        DatabagStore store = store();

        store.preserve(BagKey.DHCP_ENTRY);
        store.preserve(BagKey.IPS);

        assertThat(Files.readString(root.resolve("etc/cloudstack/dhcpentry.json.unreadable"))).isEqualTo("not json");
        assertThat(root.resolve("etc/cloudstack/ips.json.unreadable")).doesNotExist();
    }

    private static final String DHCP_ENTRY = "{\"host_name\": \"vm-1\", \"mac_address\": \"02:00:4c:5f:00:01\", "
            + "\"ipv4_address\": \"10.1.1.23\", \"default_entry\": true, \"remove\": false, \"type\": \"dhcpentry\", "
            + "\"delete_from_processed_cache\": false}";

    /** A clock long after any file time: every version the store takes has settled. */
    private static final Clock LATER = Clock.fixed(Instant.parse("2999-01-01T00:00:00Z"), ZoneOffset.UTC);

    private DhcpEntryBag dhcp(String hostName) {
        String entry = DHCP_ENTRY.replace("vm-1", hostName);
        return new DhcpEntryBag(Map.of(IpAddress.parse("10.1.1.23"), new PayloadCodec().parse(entry, DhcpEntryPayload.class)));
    }

    @Test
    void cachingStoreDoesNotReadAgainABagItWroteOnceItsFileSettled() throws IOException {
        ObservedHost host = new ObservedHost(host(), Optional.empty());
        DatabagStore store = DatabagStore.caching(host, new PayloadCodec(), LATER);
        store.write(dhcp("vm-1"));

        DatabagSnapshot first = store.load();
        DatabagSnapshot second = store.load();

        assertThat(host.reads).isZero();
        assertThat(second.databags().dhcpEntry()).isEqualTo(first.databags().dhcpEntry()).isEqualTo(dhcp("vm-1"));
    }

    @Test
    void cachingStoreReadsABagReplacedBehindItsBack() throws IOException {
        DatabagStore store = DatabagStore.caching(host(), new PayloadCodec(), LATER);
        store.write(dhcp("vm-1"));
        store.load();

        store().write(dhcp("vm-2"));

        assertThat(store.load().databags().dhcpEntry()).isEqualTo(dhcp("vm-2"));
    }

    @Test
    void cachingStoreComparesTheBytesWhileAVersionIsTooRecentToProveAnything() throws IOException {
        // a file system whose clock ticks coarsely: a same-size rewrite in place keeps every attribute
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        FileVersion stuck = new FileVersion(1, 2, 3, FileTime.from(now), FileTime.from(now));
        ObservedHost host = new ObservedHost(host(), Optional.of(stuck));
        DatabagStore store = DatabagStore.caching(host, new PayloadCodec(), Clock.fixed(now, ZoneOffset.UTC));
        store.write(dhcp("vm-1"));

        store().write(dhcp("vm-2"));

        assertThat(store.load().databags().dhcpEntry()).isEqualTo(dhcp("vm-2"));
    }

    @Test
    void cachingStoreTrustsASettledVersion() throws IOException {
        // the converse, to show what the version is trusted for: an unchanged settled version means an unchanged file
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        FileVersion stuck = new FileVersion(1, 2, 3, FileTime.from(now.minusSeconds(60)), FileTime.from(now.minusSeconds(60)));
        ObservedHost host = new ObservedHost(host(), Optional.of(stuck));
        DatabagStore store = DatabagStore.caching(host, new PayloadCodec(), Clock.fixed(now, ZoneOffset.UTC));
        store.write(dhcp("vm-1"));

        store().write(dhcp("vm-2"));

        assertThat(store.load().databags().dhcpEntry()).isEqualTo(dhcp("vm-1"));
        assertThat(host.reads).isZero();
    }

    @Test
    void cachingStoreForgetsADeletedBag() throws IOException {
        DatabagStore store = DatabagStore.caching(host(), new PayloadCodec(), LATER);
        store.write(dhcp("vm-1"));
        store.load();

        Files.delete(root.resolve("etc/cloudstack/dhcpentry.json"));

        assertThat(store.load().databags().dhcpEntry().isEmpty()).isTrue();
    }

    @Test
    void cachingStoreReportsTheProblemsOfACachedBagOnEveryLoad() throws IOException {
        file(BagKey.DHCP_ENTRY, "{\"id\":\"dhcpentry\",");
        DatabagStore store = DatabagStore.caching(host(), new PayloadCodec(), LATER);

        assertThat(store.load().problems()).hasSize(1);
        assertThat(store.load().problems()).singleElement().satisfies(problem -> assertThat(problem.bag()).isEqualTo(BagKey.DHCP_ENTRY));
    }

    /** A host that counts file reads and may report one version for every file. */
    private static final class ObservedHost extends ForwardingHost {
        private final Optional<FileVersion> version;
        private int reads;

        ObservedHost(Host delegate, Optional<FileVersion> version) {
            super(delegate);
            this.version = version;
        }

        @Override
        public Optional<FileVersion> version(String path) throws IOException {
            Optional<FileVersion> real = delegate().version(path);
            return real.isPresent() && version.isPresent() ? version : real;
        }

        @Override
        public Optional<byte[]> read(String path) throws IOException {
            reads++;
            return delegate().read(path);
        }
    }

    private String mode(BagKey key) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve(key.path().substring(1))));
    }
}
