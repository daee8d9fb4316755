package org.vrouter.router.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.router.converge.RouterConverger;
import org.vrouter.router.converge.RouterConvergers;
import org.vrouter.router.golden.Golden;
import org.vrouter.router.host.DryRunHost;
import org.vrouter.router.host.Host;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.ProgramResult;
import org.vrouter.router.service.SystemdServiceManager;

/**
 * An isolated router end to end through {@code vrouter}, on a dry-run root: CloudStack's boot arguments
 * ({@code update-config cmd_line.json}), then one batch with three public addresses, firewall rules, a
 * port forward, a static NAT, a load balancer, three DHCP entries and VM data ({@code vr-cfg -c}). The
 * CloudStack paths, the databags and the log of programs a real router would run are compared with
 * golden files ({@code golden/router/isolated-router/}); the root directory is shown as {@code <root>}.
 */
class RouterEndToEndTest {
    private static final Path INPUT = Path.of("src/test/resources/golden/router/isolated-router/input");
    private static final String CONCEPT = "router";
    private static final String CASE = "isolated-router";
    private static final List<String> RENDERED = List.of("etc/dnsmasq.d/cloud.conf", "etc/dhcphosts.txt", "etc/dhcpopts.txt", "etc/hosts",
            "etc/haproxy/haproxy.cfg", "etc/iptables/rules.v4", "etc/iptables/ipsets", "var/lib/vrouter/applied/addresses.batch");

    @TempDir
    Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** The real wiring, except that the machine may answer programs differently from a plain dry run. */
    private RouterWiring wiring(Function<ProgramCall, ProgramResult> answers) {
        return new RouterWiring() {
            @Override
            public Host host(RouterOptions options) {
                return new AnsweringHost(new DryRunHost(options.root()), answers);
            }

            @Override
            public RouterConverger converger(RouterOptions options, Host host) {
                return RouterConvergers.standard(host, new SystemdServiceManager(host), Clock.systemUTC());
            }
        };
    }

    private int run(RouterWiring wiring, String... args) {
        CommandLine main = new CommandLine(List.of(new UpdateConfigCommand(Map.of(), wiring), new VrCfgCommand(wiring), new RenderCommand(wiring),
                new VerifyCommand(wiring)));
        return main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private int run(String... args) {
        return run(RouterWiring.standard(Clock.systemUTC()), args);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String normalised(String text) {
        return text.replace(root.toString(), "<root>");
    }

    private void boot(RouterWiring wiring) throws IOException {
        Files.createDirectories(root.resolve("var/cache/cloud"));
        Files.copy(INPUT.resolve("cmd_line.json"), root.resolve("var/cache/cloud/cmd_line.json"));
        assertThat(run(wiring, "update-config", "--root", root.toString(), "--dry-run", "cmd_line.json")).as(err()).isZero();
    }

    /** Delivers every other input as one CloudStack batch file {@code VR-<n>.cfg} and runs it. */
    private int batch(RouterWiring wiring, String name) throws IOException {
        StringBuilder batch = new StringBuilder("#Apache CloudStack Virtual Router Config File\n<version>\n1.0\n</version>\n");
        try (Stream<Path> files = Files.list(INPUT)) {
            for (Path file : files.sorted(java.util.Comparator.comparingInt(RouterEndToEndTest::order)).toList()) {
                String fileName = file.getFileName().toString();
                if (fileName.equals("cmd_line.json")) {
                    continue;
                }
                batch.append("<file>\n/var/cache/cloud/").append(fileName).append('\n').append(Files.readString(file).strip()).append("\n</file>\n")
                        .append("<script>\n/opt/cloud/bin/update_config.py ").append(fileName).append("\n</script>\n");
            }
        }
        Files.writeString(root.resolve("var/cache/cloud").resolve(name), batch.toString());
        return run(wiring, "vr-cfg", "--root", root.toString(), "--dry-run", "-c", name);
    }

    private static int order(Path file) {
        String name = file.getFileName().toString();
        return name.contains("-") ? Integer.parseInt(name.substring(name.lastIndexOf('-') + 1)) : 0;
    }

    @Test
    void bootThenABatchWritesTheCloudStackFilesAndLogsThePrograms() throws IOException {
        RouterWiring wiring = RouterWiring.standard(Clock.systemUTC());
        boot(wiring);
        String bootLog = Files.readString(root.resolve("var/log/vrouter/dry-run.log"));

        assertThat(batch(wiring, "VR-1.cfg")).as(err()).isZero();

        assertThat(err()).isEmpty();
        for (String file : RENDERED) {
            Golden.assertMatches(CONCEPT, CASE, "expected/" + file, normalised(Files.readString(root.resolve(file))));
        }
        try (Stream<Path> bags = Files.list(root.resolve("etc/cloudstack"))) {
            for (Path bag : bags.sorted().toList()) {
                Golden.assertMatches(CONCEPT, CASE, "expected/etc/cloudstack/" + bag.getFileName(), Files.readString(bag));
            }
        }
        Golden.assertMatches(CONCEPT, CASE, "expected/boot-dry-run.log", normalised(bootLog));
        String log = Files.readString(root.resolve("var/log/vrouter/dry-run.log"));
        Golden.assertMatches(CONCEPT, CASE, "expected/batch-dry-run.log", normalised(log.substring(bootLog.length())));
    }

    @Test
    void theSameBatchAgainWritesNoFileAndRunsNoProgram() throws IOException {
        RouterWiring wiring = RouterWiring.standard(Clock.systemUTC());
        boot(wiring);
        assertThat(batch(wiring, "VR-1.cfg")).isZero();
        Map<String, FileTime> before = stamps();
        String log = Files.readString(root.resolve("var/log/vrouter/dry-run.log"));

        assertThat(batch(wiring, "VR-2.cfg")).as(err()).isZero();

        assertThat(Files.readString(root.resolve("var/log/vrouter/dry-run.log")).substring(log.length()))
                .as("programs run by the second batch: only the read of the interfaces' MACs that merging ip_associations needs")
                .isEqualTo("ip -o link show\n");
        assertThat(stamps()).as("rendered files and databags").isEqualTo(before);

        Files.copy(INPUT.resolve("firewall_rules.json.0b5f4a0e-2"), root.resolve("var/cache/cloud/firewall_rules.json.again"));
        String beforeUpdate = Files.readString(root.resolve("var/log/vrouter/dry-run.log"));
        assertThat(run(wiring, "update-config", "--root", root.toString(), "--dry-run", "firewall_rules.json.again")).as(err()).isZero();

        assertThat(Files.readString(root.resolve("var/log/vrouter/dry-run.log"))).as("a repeated update runs no program").isEqualTo(beforeUpdate);
        assertThat(stamps()).isEqualTo(before);
    }

    @Test
    void aLoadBalancerConfigurationHaproxyRefusesExitsTwoNamingHaproxyWhileDnsmasqConverges() throws IOException {
        RouterWiring wiring = wiring(call -> call.argv().get(0).equals("haproxy") && call.argv().contains("-c")
                ? new ProgramResult(call.argv(), 1, "", "[ALERT]    (7) : config : parsing [" + call.argv().get(call.argv().size() - 1)
                        + ":30] : 'server 203_0_113_22-80_0' : unknown keyword 'check'.\n")
                : ProgramResult.success(call.argv()));
        boot(wiring);

        assertThat(batch(wiring, "VR-1.cfg")).isEqualTo(2);

        assertThat(err().lines()).last().asString().isEqualTo("converge failed: haproxy: haproxy rejected the new /etc/haproxy/haproxy.cfg: "
                + "parsing [/etc/haproxy/haproxy.cfg:30] : 'server 203_0_113_22-80_0' : unknown keyword 'check'.; "
                + "the previous configuration is still in force");
        assertThat(root.resolve("etc/haproxy/haproxy.cfg")).doesNotExist();
        assertThat(root.resolve("etc/dhcphosts.txt")).content().contains("vm-1").contains("vm-2").contains("vm-3");
        assertThat(root.resolve("etc/iptables/rules.v4")).content().contains("FIREWALL_203.0.113.22");
        assertThat(root.resolve("var/cache/cloud/processed/VR-1.cfg")).as("the batch was merged, so it is archived").exists();
    }

    @Test
    void renderPrintsEveryServicesFilesWithoutApplyingAnything() throws IOException {
        RouterWiring wiring = RouterWiring.standard(Clock.systemUTC());
        boot(wiring);
        assertThat(batch(wiring, "VR-1.cfg")).isZero();
        Map<String, FileTime> before = stamps();
        String log = Files.readString(root.resolve("var/log/vrouter/dry-run.log"));

        assertThat(run("render", "--root", root.toString())).as(err()).isZero();

        Golden.assertMatches(CONCEPT, CASE, "expected/render.txt", normalised(out.toString(StandardCharsets.UTF_8)));
        assertThat(stamps()).isEqualTo(before);
        assertThat(Files.readString(root.resolve("var/log/vrouter/dry-run.log"))).isEqualTo(log);
    }

    @Test
    void verifyReportsNoDriftWhenTheMachineHoldsTheRenderedState() throws IOException {
        RouterWiring wiring = RouterWiring.standard(Clock.systemUTC());
        boot(wiring);
        assertThat(batch(wiring, "VR-1.cfg")).isZero();
        String rules = Files.readString(root.resolve("etc/iptables/rules.v4"));
        // what ip -N -json -batch - prints for this router's addresses, routes and rules
        String kernel = Files.readString(Path.of("src/test/resources/golden/router/isolated-router/kernel/ip-read.json"));

        int status = run(wiring(call -> switch (call.argv().get(0)) {
            case "iptables-save" -> new ProgramResult(call.argv(), 0, rules, "");
            case "ip" -> new ProgramResult(call.argv(), 0, kernel, "");
            default -> ProgramResult.success(call.argv());
        }), "verify", "--root", root.toString(), "--dry-run");

        assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("addresses: in sync\nfirewall: in sync\ndnsmasq: in sync\nhaproxy: in sync\n"
                + "vmdata: in sync\nvmpassword: in sync\nmetadata-server: in sync\n"
                + "monitor: in sync\nvpn: in sync\nredundancy: in sync\n");
    }

    @Test
    void verifyReportsDriftAndRepairFixesIt() throws IOException {
        RouterWiring wiring = RouterWiring.standard(Clock.systemUTC());
        boot(wiring);
        assertThat(batch(wiring, "VR-1.cfg")).isZero();
        Files.writeString(root.resolve("etc/hosts"), "127.0.0.1\tlocalhost\n");
        String rules = Files.readString(root.resolve("etc/iptables/rules.v4"));
        // the kernel lost its rules and dnsmasq died; haproxy still runs
        Function<ProgramCall, ProgramResult> machine = call -> switch (call.argv().get(0)) {
            case "systemctl" -> new ProgramResult(call.argv(), call.argv().containsAll(List.of("is-active", "dnsmasq")) ? 3 : 0, "", "");
            default -> ProgramResult.success(call.argv());
        };

        int status = run(wiring(machine), "verify", "--root", root.toString(), "--dry-run");

        assertThat(status).isEqualTo(2);
        assertThat(normalised(out.toString(StandardCharsets.UTF_8))).matches("""
                addresses: drifted
                  kernel addresses, routes or rules differ; the repair would run: link set dev eth0 mtu 1500; .*
                firewall: drifted
                  kernel iptables differ \\(\\+ missing, - unexpected, ~ different chain\\): filter: \\+FW_EGRESS_RULES .*
                dnsmasq: drifted
                  /etc/hosts: sha256 [0-9a-f]{16} on disk, [0-9a-f]{16} rendered
                  dnsmasq is not running
                haproxy: in sync
                vmdata: in sync
                vmpassword: in sync
                metadata-server: in sync
                monitor: in sync
                vpn: in sync
                redundancy: in sync
                """);

        out.reset();
        int repaired = run(wiring(machine), "verify", "--root", root.toString(), "--dry-run", "--repair");

        assertThat(repaired).as("a dry-run kernel never holds the rules, so drift remains").isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("repaired: addresses applied (17 steps planned, 17 applied, 0 failed, 3 announced), "
                + "firewall applied (iptables filter: +FW_EGRESS_RULES")
                .contains("dnsmasq applied (/etc/hosts written, dnsmasq unchanged; dnsmasq was not running: started)");
        assertThat(root.resolve("etc/hosts")).content().contains("vm-1");
        assertThat(Files.readString(root.resolve("etc/iptables/rules.v4"))).isEqualTo(rules);
    }

    /** The modification times of the rendered files and the databags. */
    private Map<String, FileTime> stamps() throws IOException {
        Map<String, FileTime> stamps = new TreeMap<>();
        for (String file : RENDERED) {
            stamps.put(file, Files.getLastModifiedTime(root.resolve(file)));
        }
        try (Stream<Path> bags = Files.list(root.resolve("etc/cloudstack"))) {
            for (Path bag : bags.toList()) {
                stamps.put(root.relativize(bag).toString(), Files.getLastModifiedTime(bag));
            }
        }
        return stamps;
    }
}
