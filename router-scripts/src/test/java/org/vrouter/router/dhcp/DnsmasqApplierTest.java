package org.vrouter.router.dhcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.router.host.DryRunHost;
import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.ProgramResult;
import org.vrouter.router.host.ScriptedHost;
import org.vrouter.router.service.ConfigRejectedException;
import org.vrouter.router.service.DirectServiceManager;
import org.vrouter.router.service.ServiceAction;

class DnsmasqApplierTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path root;

    private DryRunHost host;
    private DnsmasqApplier applier;

    @BeforeEach
    void dryRun() {
        host = new DryRunHost(root);
        applier = new DnsmasqApplier(host, new DirectServiceManager(host), CLOCK);
    }

    @Test
    void checksANewConfigurationThenRestartsDnsmasq() throws IOException {
        DnsmasqReport report = applier.apply(oneVm());

        assertThat(programs()).containsExactly(test(), stop(), start());
        assertThat(report.action()).isEqualTo(ServiceAction.RESTARTED);
        assertThat(report.changedFiles()).containsExactly(DnsmasqFiles.DHCP_HOSTS, DnsmasqFiles.DHCP_OPTS, DnsmasqFiles.ETC_HOSTS,
                DnsmasqFiles.CLOUD_CONF, "/etc/dhcpopts.d/all", "/etc/dnsmasq-names.d/all", "/etc/dhcphosts.d/all",
                "/etc/dnsmasq-names.d/router");
        assertThat(host.readText(DnsmasqFiles.CLOUD_CONF).orElseThrow())
                .contains("hostsdir=" + root + "/etc/dnsmasq-names.d\n", "dhcp-hostsdir=" + root + "/etc/dhcphosts.d\n",
                        "dhcp-optsdir=" + root + "/etc/dhcpopts.d\n", "dhcp-leasefile=" + root + "/var/lib/misc/dnsmasq.leases\n")
                .doesNotContain("addn-hosts", "dhcp-hostsfile");
        assertThat(host.readText(DnsmasqFiles.DHCP_HOSTS)).contains("02:00:4c:5f:00:01,10.1.1.23,vm-1,infinite\n");
        assertThat(host.readText("/etc/dhcphosts.d/all")).contains("02:00:4c:5f:00:01,10.1.1.23,vm-1,infinite\n");
        assertThat(host.readText("/etc/dnsmasq-names.d/all")).contains("10.1.1.23\tvm-1\n");
        assertThat(host.readText("/etc/dnsmasq-names.d/router").orElseThrow()).startsWith("127.0.0.1\tlocalhost\n");
        assertThat(host.exists(DnsmasqApplier.CANDIDATE_PATH)).isFalse();
    }

    @Test
    void addsAHostWithNewFilesAndNoSignal() throws IOException {
        applier.apply(oneVm());
        clearPrograms();

        DnsmasqReport report = applier.apply(withHost(oneVm(), host("02:00:4c:5f:00:02", "10.1.1.24", "vm-2")));

        assertThat(programs()).containsExactly(status());
        assertThat(report.action()).isEqualTo(ServiceAction.PICKED_UP);
        assertThat(report.changedFiles()).containsExactly(DnsmasqFiles.DHCP_HOSTS, DnsmasqFiles.ETC_HOSTS,
                "/etc/dnsmasq-names.d/02-00-4c-5f-00-02", "/etc/dhcphosts.d/02-00-4c-5f-00-02");
        assertThat(host.readText(DnsmasqFiles.ETC_HOSTS).orElseThrow()).endsWith("10.1.1.23\tvm-1\n10.1.1.24\tvm-2\n");
        assertThat(host.readText("/etc/dhcphosts.d/02-00-4c-5f-00-02")).contains("02:00:4c:5f:00:02,10.1.1.24,vm-2,infinite\n");
    }

    @Test
    void leavesCloudStacksFilesForTheSettleAndWritesThemOnce() throws IOException {
        applier.apply(oneVm());
        clearPrograms();
        String hostsBefore = host.readText(DnsmasqFiles.DHCP_HOSTS).orElseThrow();

        DnsmasqReport report = applier.applyLeavingRecords(withHost(oneVm(), host("02:00:4c:5f:00:02", "10.1.1.24", "vm-2")));

        assertThat(programs()).containsExactly(status());
        assertThat(report.changedFiles()).containsExactly("/etc/dnsmasq-names.d/02-00-4c-5f-00-02", "/etc/dhcphosts.d/02-00-4c-5f-00-02");
        assertThat(host.readText(DnsmasqFiles.DHCP_HOSTS)).as("left for the settle").contains(hostsBefore);
        assertThat(applier.settle()).containsExactly(DnsmasqFiles.DHCP_HOSTS, DnsmasqFiles.ETC_HOSTS);
        assertThat(host.readText(DnsmasqFiles.DHCP_HOSTS).orElseThrow()).endsWith("02:00:4c:5f:00:02,10.1.1.24,vm-2,infinite\n");
        assertThat(host.readText(DnsmasqFiles.ETC_HOSTS).orElseThrow()).endsWith("10.1.1.23\tvm-1\n10.1.1.24\tvm-2\n");
        assertThat(applier.settle()).as("nothing left").isEmpty();
    }

    @Test
    void theSettlePutsRightACloudStackFileEditedByHand() throws IOException {
        applier.apply(oneVm());
        host.writeText(DnsmasqFiles.DHCP_OPTS, "edited\n", FileMode.PUBLIC);

        applier.applyLeavingRecords(oneVm());

        assertThat(applier.settle()).containsExactly(DnsmasqFiles.DHCP_OPTS);
        assertThat(host.readText(DnsmasqFiles.DHCP_OPTS)).contains("");
    }

    @Test
    void sighupsDnsmasqWhenAReservationChanges() throws IOException {
        applier.apply(withHost(oneVm(), host("02:00:4c:5f:00:02", "10.1.1.24", "vm-2")));
        clearPrograms();

        DnsmasqReport report = applier.apply(withHost(oneVm(), host("02:00:4c:5f:00:02", "10.1.1.25", "vm-2")));

        assertThat(programs()).containsExactly(sighup());
        assertThat(report.action()).isEqualTo(ServiceAction.RELOADED);
        assertThat(report.changedFiles()).contains("/etc/dhcphosts.d/all");
        assertThat(host.list("/etc/dhcphosts.d")).containsExactly("all");
        assertThat(host.readText("/etc/dhcphosts.d/all").orElseThrow()).contains("10.1.1.25").doesNotContain("10.1.1.24");
    }

    @Test
    void aFreshApplierFindsNothingToDoOnACompactedLayout() throws IOException {
        applier.apply(oneVm());
        clearPrograms();

        DnsmasqReport report = new DnsmasqApplier(host, new DirectServiceManager(host), CLOCK).apply(oneVm());

        assertThat(report.changed()).isFalse();
        assertThat(programs()).isEmpty();
    }

    @Test
    void compactsTheDeltasOfAnotherProcessAndRemovesStrayFiles() throws IOException {
        applier.apply(withHost(oneVm(), host("02:00:4c:5f:00:02", "10.1.1.24", "vm-2")));
        host.writeText("/etc/dhcphosts.d/02-00-4c-5f-00-09", "02:00:4c:5f:00:09,10.1.1.99,stray,infinite\n", FileMode.PUBLIC);
        DnsmasqApplier fresh = new DnsmasqApplier(host, new DirectServiceManager(host), CLOCK);
        DhcpInput two = withHost(oneVm(), host("02:00:4c:5f:00:02", "10.1.1.24", "vm-2"));

        assertThat(fresh.verify(two)).contains("/etc/dhcphosts.d: 0 line(s) missing, 1 unexpected");
        clearPrograms();
        DnsmasqReport report = fresh.apply(two);

        assertThat(report.action()).isEqualTo(ServiceAction.RELOADED);
        assertThat(programs()).containsExactly(sighup());
        assertThat(host.list("/etc/dhcphosts.d")).containsExactly("all");
        assertThat(fresh.verify(two)).isEmpty();
    }

    @Test
    void aHostAddedAsADeltaStaysInForceAcrossLaterAdditionsAndVerifies() throws IOException {
        applier.apply(oneVm());
        DhcpInput two = withHost(oneVm(), host("02:00:4c:5f:00:02", "10.1.1.24", "vm-2"));
        DhcpInput three = withHost(two, host("02:00:4c:5f:00:03", "10.1.1.25", "vm-3"));
        applier.apply(two);
        clearPrograms();

        DnsmasqReport report = applier.apply(three);

        assertThat(report.changedFiles()).containsExactly(DnsmasqFiles.DHCP_HOSTS, DnsmasqFiles.ETC_HOSTS,
                "/etc/dnsmasq-names.d/02-00-4c-5f-00-03", "/etc/dhcphosts.d/02-00-4c-5f-00-03");
        assertThat(host.list("/etc/dhcphosts.d")).containsExactly("02-00-4c-5f-00-02", "02-00-4c-5f-00-03", "all");
        assertThat(applier.verify(three)).isEmpty();
        assertThat(applier.apply(three).changed()).isFalse();
    }

    @Test
    void restartsDnsmasqInsteadOfASighupWhenAReservationSetsATagAndALeaseIsHeld() throws IOException {
        applier.apply(withHost(oneVm(), tagged("10.1.1.24")));
        host.writeText(DnsmasqPaths.ROUTER.leaseFile(), "0 02:00:4c:5f:00:01 10.1.1.23 vm-1 *\n", FileMode.PUBLIC);
        clearPrograms();

        // a changed reservation needs dnsmasq to re-read its hosts: a SIGHUP, which may crash it here
        DnsmasqReport report = applier.apply(withHost(oneVm(), tagged("10.1.1.25")));

        assertThat(host.readText(DnsmasqFiles.DHCP_HOSTS).orElseThrow()).contains(",set:");
        assertThat(programs()).containsExactly(stop(), start());
        assertThat(report.action()).isEqualTo(ServiceAction.RESTARTED);
    }

    @Test
    void stillSighupsDnsmasqForATaggedReservationWhileNoLeaseIsHeld() throws IOException {
        applier.apply(withHost(oneVm(), tagged("10.1.1.24")));
        clearPrograms();

        DnsmasqReport report = applier.apply(withHost(oneVm(), tagged("10.1.1.25")));

        assertThat(programs()).containsExactly(sighup());
        assertThat(report.action()).isEqualTo(ServiceAction.RELOADED);
    }

    @Test
    void letsDnsmasqPickUpANewTaggedReservationWithoutASignalWhileALeaseIsHeld() throws IOException {
        applier.apply(oneVm());
        host.writeText(DnsmasqPaths.ROUTER.leaseFile(), "0 02:00:4c:5f:00:01 10.1.1.23 vm-1 *\n", FileMode.PUBLIC);
        clearPrograms();

        DnsmasqReport report = applier.apply(withHost(oneVm(), tagged("10.1.1.24")));

        assertThat(programs()).containsExactly(status());
        assertThat(report.action()).isEqualTo(ServiceAction.PICKED_UP);
    }

    /** A non-default NIC's reservation: it sets a tag for its own options. */
    private static DhcpHost tagged(String address) {
        return DhcpHost.builder(MacAddress.parse("02:00:4c:5f:00:02"), IpAddress.parse(address), "vm-2").defaultEntry(false).build();
    }

    @Test
    void runsNoProgramWhenNothingChanged() throws IOException {
        applier.apply(oneVm());
        clearPrograms();

        DnsmasqReport report = applier.apply(oneVm());

        assertThat(programs()).isEmpty();
        assertThat(report.action()).isEqualTo(ServiceAction.UNCHANGED);
        assertThat(report.changed()).isFalse();
    }

    @Test
    void testsAndRestartsWhenTheConfigurationChanges() throws IOException {
        applier.apply(oneVm());
        clearPrograms();
        DhcpInput before = oneVm();
        List<GuestInterface> interfaces = new ArrayList<>(before.interfaces());
        interfaces.add(GuestInterface.of("eth3", Cidr.parse("10.1.2.1/24")));

        DnsmasqReport report = applier.apply(new DhcpInput(before.routerType(), before.routerName(), before.domain(),
                before.upstreamDns(), before.useExternalDns(), interfaces, before.hosts()));

        assertThat(programs()).containsExactly(test(), stop(), start());
        assertThat(report.changedFiles()).containsExactly(DnsmasqFiles.CLOUD_CONF);
    }

    @Test
    void releasesTheLeaseOfARemovedHostAfterTheReload() throws IOException {
        DhcpInput two = withHost(oneVm(), host("02:00:4c:5f:00:02", "10.1.1.24", "vm-2"));
        applier.apply(two);
        // what dnsmasq itself wrote after both VMs took their leases
        String leases = "0 02:00:4c:5f:00:01 10.1.1.23 vm-1 *\n0 02:00:4c:5f:00:02 10.1.1.24 vm-2 01:02:00:4c:5f:00:02\n";
        host.writeText(DnsmasqPaths.ROUTER.leaseFile(), leases, FileMode.PUBLIC);
        clearPrograms();

        DnsmasqReport report = applier.apply(oneVm());

        assertThat(programs()).containsExactly(sighup(), "dhcp_release eth0 10.1.1.24 02:00:4c:5f:00:02 01:02:00:4c:5f:00:02");
        assertThat(report.releases()).extracting(DhcpRelease::address).containsExactly(IpAddress.parse("10.1.1.24"));
        assertThat(host.readText(DnsmasqPaths.ROUTER.leaseFile())).contains(leases);
    }

    @Test
    void keepsThePreviousConfigurationWhenDnsmasqRejectsTheNewOne() throws IOException {
        ScriptedHost scripted = new ScriptedHost(root);
        DnsmasqApplier scriptedApplier = new DnsmasqApplier(scripted, new DirectServiceManager(scripted), CLOCK);
        scriptedApplier.apply(oneVm());
        String candidate = root + "/var/lib/vrouter/candidates/dnsmasq-cloud.conf";
        scripted.answering(call -> call.argv().get(0).equals("dnsmasq")
                ? new ProgramResult(call.argv(), 1, "", "\ndnsmasq: bad dhcp-range at line 18 of " + candidate + "\n")
                : ProgramResult.success(call.argv()));
        scripted.clearCalls();
        String before = scripted.readText(DnsmasqFiles.CLOUD_CONF).orElseThrow();
        String hostsBefore = scripted.readText(DnsmasqFiles.DHCP_HOSTS).orElseThrow();
        DhcpInput changed = withHost(new DhcpInput(oneVm().routerType(), oneVm().routerName(), "other.internal",
                oneVm().upstreamDns(), false, oneVm().interfaces(), oneVm().hosts()), host("02:00:4c:5f:00:02", "10.1.1.24", "vm-2"));

        assertThatThrownBy(() -> scriptedApplier.apply(changed))
                .isInstanceOf(ConfigRejectedException.class)
                .hasMessageStartingWith("dnsmasq rejected the new /etc/dnsmasq.d/cloud.conf: bad dhcp-range at line 18 of "
                        + "/etc/dnsmasq.d/cloud.conf; the previous configuration is still in force\n")
                .hasMessageContaining("> 18: dhcp-range=set:interface-eth0-0,10.1.1.1,static");
        assertThat(scripted.commandLines()).containsExactly("dnsmasq --test --conf-file=" + candidate);
        assertThat(scripted.readText(DnsmasqFiles.CLOUD_CONF)).contains(before);
        assertThat(scripted.readText(DnsmasqFiles.DHCP_HOSTS)).contains(hostsBefore);
        assertThat(scripted.exists(DnsmasqApplier.CANDIDATE_PATH)).isFalse();
    }

    @Test
    void startsDnsmasqWhenTheReloadFindsItStopped() throws IOException {
        ScriptedHost scripted = new ScriptedHost(root);
        DnsmasqApplier scriptedApplier = new DnsmasqApplier(scripted, new DirectServiceManager(scripted), CLOCK);
        scriptedApplier.apply(withHost(oneVm(), host("02:00:4c:5f:00:02", "10.1.1.24", "vm-2")));
        scripted.answering(call -> call.argv().contains("--signal") ? new ProgramResult(call.argv(), 1, "", "")
                : call.argv().contains("--status") ? new ProgramResult(call.argv(), 3, "", "") : ProgramResult.success(call.argv()));
        scripted.clearCalls();

        DnsmasqReport report = scriptedApplier.apply(oneVm());

        assertThat(report.action()).isEqualTo(ServiceAction.STARTED);
        assertThat(scripted.commandLines()).containsExactly(sighup(), status(), start());
    }

    @Test
    void startsAStoppedDnsmasqForANewHost() throws IOException {
        ScriptedHost scripted = new ScriptedHost(root);
        DnsmasqApplier scriptedApplier = new DnsmasqApplier(scripted, new DirectServiceManager(scripted), CLOCK);
        scriptedApplier.apply(oneVm());
        scripted.answering(call -> call.argv().contains("--status") ? new ProgramResult(call.argv(), 3, "", "")
                : ProgramResult.success(call.argv()));
        scripted.clearCalls();

        DnsmasqReport report = scriptedApplier.apply(withHost(oneVm(), host("02:00:4c:5f:00:02", "10.1.1.24", "vm-2")));

        assertThat(report.action()).isEqualTo(ServiceAction.STARTED);
        assertThat(scripted.commandLines()).containsExactly(status(), start());
    }

    @Test
    void startsAStoppedDnsmasqOnlyOnceItHasAConfiguration() throws IOException {
        ScriptedHost scripted = new ScriptedHost(root).answering(call -> call.argv().contains("--status")
                ? new ProgramResult(call.argv(), 3, "", "") : ProgramResult.success(call.argv()));
        DnsmasqApplier scriptedApplier = new DnsmasqApplier(scripted, new DirectServiceManager(scripted), CLOCK);

        assertThat(scriptedApplier.ensureRunning()).isEqualTo(ServiceAction.UNCHANGED);
        assertThat(scripted.calls()).isEmpty();
        scripted.writeText(DnsmasqFiles.CLOUD_CONF, "no-resolv\n", FileMode.PUBLIC);

        assertThat(scriptedApplier.ensureRunning()).isEqualTo(ServiceAction.STARTED);
        assertThat(scripted.commandLines()).containsExactly("start-stop-daemon --status --pidfile " + pidFile(), start());
    }

    static DhcpInput oneVm() {
        return DnsmasqRendererTest.input("one-vm");
    }

    static DhcpInput withHost(DhcpInput input, DhcpHost extra) {
        List<DhcpHost> hosts = new ArrayList<>(input.hosts());
        hosts.add(extra);
        return new DhcpInput(input.routerType(), input.routerName(), input.domain(), input.upstreamDns(), input.useExternalDns(),
                input.interfaces(), hosts);
    }

    static DhcpHost host(String mac, String ipv4, String name) {
        return DhcpHost.builder(MacAddress.parse(mac), IpAddress.parse(ipv4), name).build();
    }

    private List<String> programs() throws IOException {
        Path log = host.resolve(DryRunHost.LOG_PATH);
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    private void clearPrograms() throws IOException {
        host.delete(DryRunHost.LOG_PATH);
    }

    private String pidFile() {
        return root + "/run/vrouter/dnsmasq.pid";
    }

    private String status() {
        return "start-stop-daemon --status --pidfile " + pidFile();
    }

    private String test() {
        return "dnsmasq --test --conf-file=" + root + "/var/lib/vrouter/candidates/dnsmasq-cloud.conf";
    }

    private String sighup() {
        return "start-stop-daemon --stop --signal HUP --pidfile " + pidFile();
    }

    private String stop() {
        return "start-stop-daemon --stop --oknodo --pidfile " + pidFile() + " --remove-pidfile --retry TERM/5/KILL/2";
    }

    private String start() {
        return "start-stop-daemon --start --oknodo --background --make-pidfile --pidfile " + pidFile() + " --output " + root
                + "/var/log/vrouter/dnsmasq.log --startas /usr/sbin/dnsmasq -- --keep-in-foreground --pid-file= --log-facility=-"
                + " --conf-file=" + root + "/etc/dnsmasq.d/cloud.conf";
    }

}
