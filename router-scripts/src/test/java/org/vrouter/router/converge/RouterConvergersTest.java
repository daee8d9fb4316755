package org.vrouter.router.converge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.router.databag.BagKey;
import org.vrouter.router.databag.CmdLineBag;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.golden.Golden;
import org.vrouter.router.host.DryRunHost;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.ProgramResult;
import org.vrouter.router.host.ScriptedHost;
import org.vrouter.router.service.DirectServiceManager;

/** The assembled converger over a scripted machine: what each service renders, runs and reports. */
class RouterConvergersTest {
    private static final Set<BagKey> EVERY_BAG = Set.of(BagKey.values());

    @TempDir
    Path root;

    private ScriptedHost host;

    private OrderedConverger converger() {
        return RouterConvergers.standard(host, new DirectServiceManager(host), Clock.systemUTC());
    }

    private static ConvergeRequest update(Databags bags) {
        return new ConvergeRequest(bags, EVERY_BAG.stream().filter(key -> key != BagKey.CMD_LINE).collect(java.util.stream.Collectors.toSet()));
    }

    private void newMachine() {
        host = new ScriptedHost(root);
    }

    @Test
    void rendersTheCloudStackFilesOfAnIsolatedRouter() {
        // a root of / keeps the router paths in cloud.conf; rendering touches nothing
        OrderedConverger converger = RouterConvergers.standard(new DryRunHost(Path.of("/")), new DirectServiceManager(new DryRunHost(root)),
                Clock.systemUTC());

        List<ServiceRendering> renderings = converger.render(IsolatedRouter.bags());

        assertThat(renderings).extracting(ServiceRendering::service).containsExactly("addresses", "firewall", "dnsmasq", "haproxy", "vmdata",
                "vmpassword", "metadata-server", "monitor", "vpn", "redundancy");
        assertThat(renderings.get(9).state()).as("not a redundant router").isEqualTo(ServiceRendering.State.SKIPPED);
        assertThat(renderings.subList(0, 9)).allSatisfy(rendering -> {
            assertThat(rendering.state()).isEqualTo(ServiceRendering.State.RENDERED);
            assertThat(rendering.detail()).isEmpty();
        });
        Map<String, String> files = new TreeMap<>();
        renderings.forEach(rendering -> files.putAll(rendering.files()));
        assertThat(files.keySet()).containsExactly("/etc/dhcphosts.d/all", "/etc/dhcphosts.txt", "/etc/dhcpopts.d/all", "/etc/dhcpopts.txt",
                "/etc/dnsmasq-names.d/all", "/etc/dnsmasq-names.d/router", "/etc/dnsmasq.d/cloud.conf",
                "/etc/haproxy/haproxy.cfg", "/etc/hosts", "/etc/iptables/ipsets", "/etc/iptables/rules.v4", "/etc/vrouter/metadata-server.conf",
                "/var/lib/vrouter/applied/addresses.batch", "/var/www/html/metadata/10.1.1.23/availability-zone",
                "/var/www/html/metadata/10.1.1.23/instance-id", "/var/www/html/metadata/10.1.1.23/local-hostname",
                "/var/www/html/metadata/10.1.1.23/local-ipv4", "/var/www/html/metadata/10.1.1.23/meta-data",
                "/var/www/html/metadata/10.1.1.23/public-hostname", "/var/www/html/metadata/10.1.1.23/public-ipv4",
                "/var/www/html/metadata/10.1.1.23/service-offering", "/var/www/html/metadata/10.1.1.23/vm-id",
                "/var/www/html/userdata/10.1.1.23/user-data");
        assertThat(files.get("/var/www/html/userdata/10.1.1.23/user-data")).as("user data is not shown")
                .matches("<user data: 14 bytes, sha256 [0-9a-f]{16}, not shown>\n");
        files.forEach((path, content) -> Golden.assertMatches("converge", "isolated-router", "expected" + path, content));
    }

    @Test
    void convergesEveryServiceOnceThenRunsNoProgramForTheSameBags() {
        newMachine();
        ConvergeResult first = converger().converge(update(IsolatedRouter.bags()));

        assertThat(first.success()).isTrue();
        assertThat(first.services()).extracting(ServiceOutcome::service, ServiceOutcome::status).containsExactly(
                tuple("addresses", ServiceOutcome.Status.APPLIED),
                tuple("firewall", ServiceOutcome.Status.APPLIED),
                tuple("dnsmasq", ServiceOutcome.Status.APPLIED),
                tuple("haproxy", ServiceOutcome.Status.APPLIED),
                tuple("vmdata", ServiceOutcome.Status.APPLIED),
                tuple("vmpassword", ServiceOutcome.Status.UNCHANGED),
                tuple("metadata-server", ServiceOutcome.Status.APPLIED),
                tuple("monitor", ServiceOutcome.Status.UNCHANGED),
                tuple("vpn", ServiceOutcome.Status.UNCHANGED),
                tuple("redundancy", ServiceOutcome.Status.UNCHANGED));
        assertThat(host.commandLines()).anyMatch(line -> line.startsWith("iptables-restore --noflush --wait=10 --test"))
                .anyMatch(line -> line.startsWith("dnsmasq --test")).anyMatch(line -> line.startsWith("haproxy -c -f"));

        host.clearCalls();
        ConvergeResult again = converger().converge(update(IsolatedRouter.bags()));

        assertThat(again.services()).extracting(ServiceOutcome::status).containsOnly(ServiceOutcome.Status.UNCHANGED);
        assertThat(host.commandLines()).as("a fresh process converging an unchanged router runs nothing").isEmpty();
    }

    @Test
    void theSameConvergerSkipsAnUnchangedInputWithoutLookingAtTheMachine() {
        newMachine();
        OrderedConverger converger = converger();
        converger.converge(update(IsolatedRouter.bags()));
        host.clearCalls();

        ConvergeResult again = converger.converge(update(IsolatedRouter.bags()));

        assertThat(again.services()).extracting(ServiceOutcome::status).containsOnly(ServiceOutcome.Status.UNCHANGED);
        assertThat(host.commandLines()).isEmpty();
    }

    @Test
    void aConfigurationHaproxyRefusesFailsHaproxyAloneAndNamesIt() {
        newMachine();
        host.answering(RouterConvergersTest::refuseHaproxy);

        ConvergeResult result = converger().converge(update(IsolatedRouter.bags()));

        assertThat(result.services()).extracting(ServiceOutcome::service, ServiceOutcome::status).containsExactly(
                tuple("addresses", ServiceOutcome.Status.APPLIED),
                tuple("firewall", ServiceOutcome.Status.APPLIED),
                tuple("dnsmasq", ServiceOutcome.Status.APPLIED),
                tuple("haproxy", ServiceOutcome.Status.FAILED),
                tuple("vmdata", ServiceOutcome.Status.APPLIED),
                tuple("vmpassword", ServiceOutcome.Status.UNCHANGED),
                tuple("metadata-server", ServiceOutcome.Status.APPLIED),
                tuple("monitor", ServiceOutcome.Status.UNCHANGED),
                tuple("vpn", ServiceOutcome.Status.UNCHANGED),
                tuple("redundancy", ServiceOutcome.Status.UNCHANGED));
        assertThat(result.firstFailure().orElseThrow().detail())
                .startsWith("haproxy rejected the new /etc/haproxy/haproxy.cfg: parsing [/etc/haproxy/haproxy.cfg:31]");
        assertThat(root.resolve("etc/haproxy/haproxy.cfg")).doesNotExist();
        assertThat(root.resolve("etc/dnsmasq.d/cloud.conf")).exists();
    }

    @Test
    void aVpcRoutersFirewallIsTheVpcRenderersUnderTheSameServiceName() {
        newMachine();
        Map<String, String> config = new TreeMap<>(IsolatedRouter.bags().cmdLine().config());
        config.put("type", "vpcrouter");

        ConvergeResult result = converger().converge(update(IsolatedRouter.bags().with(new CmdLineBag(config))));

        assertThat(result.services()).filteredOn(outcome -> outcome.service().equals("firewall")).singleElement().satisfies(firewall -> {
            assertThat(firewall.status()).as("the VPC firewall needs vpccidr").isEqualTo(ServiceOutcome.Status.FAILED);
            assertThat(firewall.detail()).contains("cmdline.vpccidr");
        });
        assertThat(host.commandLines()).noneMatch(line -> line.startsWith("iptables"));
    }

    @Test
    void bootRepairsTheFirewallFromTheKernelAndStartsTheDaemons() {
        newMachine();
        converger().converge(update(IsolatedRouter.bags()));
        host.clearCalls();
        // after a reboot: the kernel holds no rules, no daemon runs; rules.v4 and the config files are still there
        host.answering(call -> call.argv().get(0).equals("start-stop-daemon") && call.argv().contains("--status")
                ? new ProgramResult(call.argv(), 3, "", "") : ProgramResult.success(call.argv()));

        ConvergeResult boot = converger().converge(ConvergeRequest.everything(IsolatedRouter.bags()));

        assertThat(boot.services()).extracting(ServiceOutcome::service, ServiceOutcome::status).containsExactly(
                tuple("addresses", ServiceOutcome.Status.APPLIED),
                tuple("firewall", ServiceOutcome.Status.APPLIED),
                tuple("dnsmasq", ServiceOutcome.Status.APPLIED),
                tuple("haproxy", ServiceOutcome.Status.APPLIED),
                tuple("vmdata", ServiceOutcome.Status.UNCHANGED),
                tuple("vmpassword", ServiceOutcome.Status.UNCHANGED),
                tuple("metadata-server", ServiceOutcome.Status.APPLIED),
                tuple("monitor", ServiceOutcome.Status.UNCHANGED),
                tuple("vpn", ServiceOutcome.Status.UNCHANGED),
                tuple("redundancy", ServiceOutcome.Status.UNCHANGED));
        assertThat(host.commandLines()).contains("iptables-save", "ipset save")
                .anyMatch(line -> line.startsWith("iptables-restore --noflush --wait=10") && !line.contains("--test"))
                .anyMatch(line -> line.contains("--start") && line.contains("dnsmasq"))
                .anyMatch(line -> line.contains("--start") && line.contains("haproxy"))
                .anyMatch(line -> line.contains("--start") && line.contains("vrouter-metadata"));
    }

    @Test
    void verifyReportsFilesThatDifferAndDaemonsThatAreNotRunning() throws Exception {
        newMachine();
        OrderedConverger converger = converger();
        converger.converge(update(IsolatedRouter.bags()));
        assertThat(converger.settle()).as("CloudStack's dnsmasq files are left for the settle").isTrue();
        java.nio.file.Files.writeString(root.resolve("etc/hosts"), "127.0.0.1\tlocalhost\n");
        String rules = java.nio.file.Files.readString(root.resolve("etc/iptables/rules.v4"));
        host.answering(call -> switch (call.argv().get(0)) {
            case "iptables-save" -> new ProgramResult(call.argv(), 0, rules, "");
            case "start-stop-daemon" -> new ProgramResult(call.argv(), call.commandLine().contains("dnsmasq") ? 3 : 0, "", "");
            default -> ProgramResult.success(call.argv());
        });

        List<ServiceDrift> drifts = converger().verify(IsolatedRouter.bags());

        assertThat(drifts).extracting(ServiceDrift::service, ServiceDrift::state).containsExactly(
                tuple("addresses", ServiceDrift.State.DRIFTED),
                tuple("firewall", ServiceDrift.State.IN_SYNC),
                tuple("dnsmasq", ServiceDrift.State.DRIFTED),
                tuple("haproxy", ServiceDrift.State.IN_SYNC),
                tuple("vmdata", ServiceDrift.State.IN_SYNC),
                tuple("vmpassword", ServiceDrift.State.IN_SYNC),
                tuple("metadata-server", ServiceDrift.State.IN_SYNC),
                tuple("monitor", ServiceDrift.State.IN_SYNC),
                tuple("vpn", ServiceDrift.State.IN_SYNC),
                tuple("redundancy", ServiceDrift.State.IN_SYNC));
        assertThat(drifts.get(0).differences()).as("the scripted kernel holds no address").singleElement().asString()
                .startsWith("kernel addresses, routes or rules differ; the repair would run: ");
        assertThat(drifts.get(2).differences()).hasSize(2);
        assertThat(drifts.get(2).differences().get(0)).matches("/etc/hosts: sha256 [0-9a-f]{16} on disk, [0-9a-f]{16} rendered");
        assertThat(drifts.get(2).differences().get(1)).isEqualTo("dnsmasq is not running");
    }

    @Test
    void convergesPasswordsStaticRoutesMonitoringAndOnlyTheVmWhoseDataChanged() throws Exception {
        newMachine();
        Databags bags = IsolatedRouter.mergeText(IsolatedRouter.bags(), "vm_password.json",
                "{\"ip_address\":\"10.1.1.23\",\"password\":\"p4ssw0rd\",\"type\":\"vmpassword\",\"delete_from_processed_cache\":false}");
        bags = IsolatedRouter.mergeText(bags, "static_routes.json", "{\"routes\":[{\"revoke\":false,\"ip_address\":\"10.1.1.1\","
                + "\"gateway\":\"10.1.1.254\",\"network\":\"192.168.50.0/24\"},{\"revoke\":false,\"ip_address\":\"10.1.1.1\","
                + "\"gateway\":\"10.9.9.9\",\"network\":\"192.168.60.0/24\"}],\"type\":\"staticroutes\",\"delete_from_processed_cache\":false}");
        bags = IsolatedRouter.mergeText(bags, "monitor_service.json", "{\"config\":\"[ssh]:processname=sshd:servicename=ssh:pidfile=/var/run/sshd.pid:,\","
                + "\"health_checks_basic_run_interval\":3,\"health_checks_advance_run_interval\":10,\"type\":\"monitorservice\","
                + "\"delete_from_processed_cache\":true}");

        ConvergeResult result = converger().converge(update(bags));

        assertThat(result.success()).as(result.toString()).isTrue();
        assertThat(result.skipped()).isEmpty();
        assertThat(root.resolve("var/lib/vrouter/passwords/10.1.1.23")).hasContent("p4ssw0rd");
        assertThat(result.toString()).doesNotContain("p4ssw0rd");
        assertThat(root.resolve("var/lib/vrouter/applied/addresses.batch")).content().contains("route replace 192.168.50.0/24 via 10.1.1.254")
                .doesNotContain("192.168.60.0");
        assertThat(result.services()).filteredOn(outcome -> outcome.service().equals("addresses")).singleElement().asString()
                .contains("staticroutes[192.168.60.0/24]: gateway 10.9.9.9 is not on a network of this router");
        assertThat(root.resolve("etc/cron.d/process")).content().contains("*/10 * * * * root");

        Databags secondVm = IsolatedRouter.mergeText(bags, "vm_metadata.json", "{\"vm_ip_address\":\"10.1.1.24\",\"vm_metadata\":"
                + "[[\"metadata\",\"instance-id\",\"i-2\"]],\"type\":\"vmdata\",\"delete_from_processed_cache\":false}");
        ConvergeResult added = converger().converge(new ConvergeRequest(secondVm, Set.of(BagKey.VM_DATA)));

        assertThat(added.services()).extracting(ServiceOutcome::service).containsExactly("vmdata");
        assertThat(added.services().get(0).detail()).startsWith("VM data of 1 VM(s) rendered [10.1.1.24], of 0 removed []: 2 file(s) written");
    }

    private static ProgramResult refuseHaproxy(ProgramCall call) {
        if (call.argv().get(0).equals("haproxy") && call.argv().contains("-c")) {
            String candidate = call.argv().get(call.argv().size() - 1);
            return new ProgramResult(call.argv(), 1, "", "[NOTICE]   (1) : haproxy version is 2.6.12\n[ALERT]    (1) : config : parsing ["
                    + candidate + ":31] : unknown keyword 'bogus' in 'listen' section\n");
        }
        return ProgramResult.success(call.argv());
    }
}
