package org.vrouter.router.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.commands.NetworkUsageAnswer;
import org.vrouter.router.converge.RouterConverger;
import org.vrouter.router.converge.RouterConvergers;
import org.vrouter.router.host.DryRunHost;
import org.vrouter.router.host.Host;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.ProgramResult;
import org.vrouter.router.service.SystemdServiceManager;

/** {@code vrouter netusage} and {@code vrouter vpc-netusage}: CloudStack's {@code netusage.sh} and {@code vpc_netusage.sh}. */
class NetworkUsageSubcommandTest {
    private static final String LISTING = """
            Chain %s (1 references)
                pkts      bytes target     prot opt in     out     source               destination
                  12     1008            0    --  *      eth1    10.1.0.0/16          0.0.0.0/0
                  10    84000            0    --  eth1   *       0.0.0.0/0            10.1.0.0/16
            """;
    private static final String ADDRESSES = """
            [{"ifname":"eth1","addr_info":[{"family":"inet","local":"198.51.100.10","prefixlen":24}]}]""";

    @TempDir
    Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<List<String>> runs = new ArrayList<>();

    /** A router whose iptables lists every chain with {@link #LISTING} and whose eth1 holds 198.51.100.10. */
    private ProgramResult router(ProgramCall call) {
        runs.add(call.argv());
        if (call.argv().get(0).equals("ip")) {
            return new ProgramResult(call.argv(), 0, ADDRESSES, "");
        }
        return new ProgramResult(call.argv(), 0, LISTING.formatted(call.argv().get(3)), "");
    }

    @Test
    void printsTheIsolatedCountersInTheFormatNetworkUsageAnswerParses() {
        int status = run(this::router, "netusage", "--root", root.toString(), "--", "-g");

        assertThat(status).isZero();
        assertThat(output()).isEqualTo("1008:84000:\n");
        assertThat(runs).containsExactly(List.of("iptables", "-w", "-L", "NETWORK_STATS", "-n", "-v", "-x"));
        NetworkUsageAnswer answer = NetworkUsageAnswer.fromScriptOutput(output());
        assertThat(answer.bytesSent()).isEqualTo(1008);
        assertThat(answer.bytesReceived()).isEqualTo(84000);
    }

    @Test
    void resetPrintsTheCountersItZeroed() {
        int status = run(this::router, "netusage", "--root", root.toString(), "-r");

        assertThat(status).isZero();
        assertThat(output()).isEqualTo("1008:84000:\n");
        assertThat(runs.get(0)).endsWith("-Z");
    }

    @Test
    void countsAVpcRouterOnTheInterfaceOfItsPublicAddress() {
        int status = run(this::router, "vpc-netusage", "--root", root.toString(), "--", "-g", "-l", "198.51.100.10", "-v", "10.1.0.0/16");

        assertThat(status).isZero();
        assertThat(output()).isEqualTo("1008:84000:\n");
        assertThat(runs).last().isEqualTo(List.of("iptables", "-w", "-L", "NETWORK_STATS_eth1", "-n", "-v", "-x"));
    }

    @Test
    void createPrintsNothing() {
        int status = run(this::router, "netusage", "--root", root.toString(), "-c");

        assertThat(status).isZero();
        assertThat(output()).isEmpty();
    }

    @Test
    void rejectsAPublicAddressNoInterfaceHolds() {
        int status = run(this::router, "vpc-netusage", "--root", root.toString(), "-g", "-l", "203.0.113.9");

        assertThat(status).isEqualTo(CommandLine.EXIT_REJECTED);
        assertThat(errors()).contains("public_ip").contains("203.0.113.9");
    }

    @Test
    void rejectsAPublicAddressThatIsNoAddress() {
        int status = run(this::router, "vpc-netusage", "--root", root.toString(), "-g", "-l", "eth1");

        assertThat(status).isEqualTo(CommandLine.EXIT_REJECTED);
        assertThat(errors()).contains("public_ip");
        assertThat(runs).isEmpty();
    }

    @Test
    void rejectsAVpcCidrWithHostBits() {
        int status = run(this::router, "vpc-netusage", "--root", root.toString(), "-g", "-l", "198.51.100.10", "-v", "10.1.2.3/16");

        assertThat(status).isEqualTo(CommandLine.EXIT_REJECTED);
        assertThat(errors()).contains("vpc_cidr");
    }

    @Test
    void needsThePublicAddressOfAVpcRouter() {
        int status = run(this::router, "vpc-netusage", "--root", root.toString(), "-g");

        assertThat(status).isEqualTo(CommandLine.EXIT_USAGE);
        assertThat(errors()).contains("public_ip").contains("-l");
    }

    @Test
    void needsExactlyOneOfCreateGetReset() {
        assertThat(run(this::router, "netusage", "--root", root.toString())).isEqualTo(CommandLine.EXIT_USAGE);
        assertThat(run(this::router, "netusage", "--root", root.toString(), "-g", "-r")).isEqualTo(CommandLine.EXIT_USAGE);
        assertThat(errors()).contains("one of -c").contains("-g and -r");
        assertThat(runs).isEmpty();
    }

    @Test
    void refusesTheVpcOptionsForAnIsolatedRouter() {
        int status = run(this::router, "netusage", "--root", root.toString(), "-g", "-l", "198.51.100.10");

        assertThat(status).isEqualTo(CommandLine.EXIT_USAGE);
        assertThat(errors()).contains("-l");
    }

    @Test
    void failsWhenTheChainIsMissing() {
        int status = run(call -> new ProgramResult(call.argv(), 1, "", "iptables: No chain/target/match by that name."), "netusage", "--root",
                root.toString(), "-g");

        assertThat(status).isEqualTo(CommandLine.EXIT_FAILED);
        assertThat(output()).isEmpty();
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private int run(Function<ProgramCall, ProgramResult> answers, String... args) {
        RouterWiring wiring = new RouterWiring() {
            @Override
            public Host host(RouterOptions options) {
                return new AnsweringHost(new DryRunHost(options.root()), answers);
            }

            @Override
            public RouterConverger converger(RouterOptions options, Host host) {
                return RouterConvergers.standard(host, new SystemdServiceManager(host), Clock.systemUTC());
            }
        };
        return new CommandLine(List.of(NetworkUsageSubcommand.isolated(wiring), NetworkUsageSubcommand.vpc(wiring))).run(List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
