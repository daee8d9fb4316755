package org.vrouter.router.dhcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrouter.router.host.DryRunHost;

class HostDirectoriesTest {
    @TempDir
    Path root;

    @Test
    void addsDeltasUpToTheLimitThenCompacts() throws IOException {
        DryRunHost host = new DryRunHost(root);
        HostDirectories directories = new HostDirectories(host);
        Map<String, String> entries = new TreeMap<>(Map.of(DnsmasqFiles.NAMES_DIR + "/router", "127.0.0.1\tlocalhost\n"));
        apply(directories, entries);

        for (int i = 0; i < HostDirectories.MAX_DELTAS; i++) {
            add(entries, i);
            HostDirectories.Plan plan = apply(directories, entries);
            assertThat(plan.compact()).as("addition %d", i).isFalse();
            assertThat(plan.writes()).hasSize(2);
        }
        add(entries, HostDirectories.MAX_DELTAS);
        HostDirectories.Plan compaction = apply(directories, entries);

        assertThat(compaction.compact()).isTrue();
        assertThat(host.list(DnsmasqFiles.DHCP_HOSTS_DIR)).containsExactly(HostDirectories.BASE);
        assertThat(host.readText(DnsmasqFiles.DHCP_HOSTS_DIR + "/all").orElseThrow().lines()).hasSize(HostDirectories.MAX_DELTAS + 1);
        assertThat(directories.verify(entries)).isEmpty();
        assertThat(directories.plan(entries).isEmpty()).isTrue();
    }

    @Test
    void aRemovedHostCompacts() throws IOException {
        HostDirectories directories = new HostDirectories(new DryRunHost(root));
        Map<String, String> entries = new TreeMap<>();
        add(entries, 1);
        add(entries, 2);
        apply(directories, entries);
        add(entries, 3);
        apply(directories, entries);

        entries.remove(DnsmasqFiles.DHCP_HOSTS_DIR + "/02-00-00-00-00-03");
        entries.remove(DnsmasqFiles.NAMES_DIR + "/02-00-00-00-00-03");

        assertThat(directories.plan(entries).compact()).isTrue();
    }

    @Test
    void findsInsertedHostsByIdentity() {
        DnsmasqHostFiles.HostText a = text(1);
        DnsmasqHostFiles.HostText b = text(2);
        DnsmasqHostFiles.HostText c = text(3);

        assertThat(HostDirectories.additions(List.of(a, c), List.of(a, b, c))).contains(List.of(b));
        assertThat(HostDirectories.additions(List.of(a, b), List.of(a, b))).contains(List.of());
    }

    @Test
    void aRemovedOrRerenderedHostIsNoAddition() {
        DnsmasqHostFiles.HostText a = text(1);
        DnsmasqHostFiles.HostText b = text(2);

        assertThat(HostDirectories.additions(List.of(a, b), List.of(b))).isEmpty();
        // equal content, another object: not known to be the host in force, so the full plan decides
        assertThat(HostDirectories.additions(List.of(a, b), List.of(a, text(2)))).isEmpty();
        assertThat(HostDirectories.additions(List.of(a, b), List.of(b, a))).isEmpty();
    }

    @Test
    void addsAHostToALargeLayoutWithoutAFullPlan() throws IOException {
        DryRunHost host = new DryRunHost(root);
        HostDirectories directories = new HostDirectories(host);
        List<DnsmasqHostFiles.HostText> hosts = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            hosts.add(text(2 * i));
        }
        DnsmasqFiles before = files(hosts);
        directories.write(directories.plan(before), before);
        hosts.add(500, text(999));
        DnsmasqFiles after = files(hosts);

        HostDirectories.Plan plan = directories.plan(after);
        directories.write(plan, after);

        assertThat(plan.compact()).isFalse();
        assertThat(plan.writes()).containsOnlyKeys(DnsmasqFiles.NAMES_DIR + "/02-00-00-00-03-e7", DnsmasqFiles.DHCP_HOSTS_DIR + "/02-00-00-00-03-e7");
        assertThat(directories.verify(after.entries())).isEmpty();
        assertThat(directories.plan(after).isEmpty()).isTrue();
    }

    private static DnsmasqFiles files(List<DnsmasqHostFiles.HostText> hosts) {
        return new DnsmasqFiles("", hosts, "127.0.0.1\tlocalhost\n", "");
    }

    private static DnsmasqHostFiles.HostText text(int i) {
        String file = String.format("/02-00-00-00-%02x-%02x", i >> 8, i & 0xff);
        String address = "10.1." + (i >> 8) + "." + (i & 0xff);
        return new DnsmasqHostFiles.HostText(i, DnsmasqFiles.DHCP_HOSTS_DIR + file, file.substring(1) + "," + address + ",vm-" + i + ",infinite\n",
                DnsmasqFiles.DHCP_OPTS_DIR + file, "", DnsmasqFiles.NAMES_DIR + file, address + "\tvm-" + i + "\n");
    }

    private static HostDirectories.Plan apply(HostDirectories directories, Map<String, String> entries) throws IOException {
        HostDirectories.Plan plan = directories.plan(entries);
        directories.write(plan, entries);
        return plan;
    }

    private static void add(Map<String, String> entries, int i) {
        String mac = String.format("02-00-00-00-%02x-%02x", i >> 8, i & 0xff);
        String colons = mac.replace('-', ':');
        String address = "10.1." + (i >> 8) + "." + (i & 0xff);
        entries.put(DnsmasqFiles.DHCP_HOSTS_DIR + "/" + mac, colons + "," + address + ",vm-" + i + ",infinite\n");
        entries.put(DnsmasqFiles.NAMES_DIR + "/" + mac, address + "\tvm-" + i + "\n");
    }
}
