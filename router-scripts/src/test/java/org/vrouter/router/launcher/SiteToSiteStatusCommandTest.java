package org.vrouter.router.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.router.converge.RouterConverger;
import org.vrouter.router.converge.RouterConvergers;
import org.vrouter.router.host.DryRunHost;
import org.vrouter.router.host.Host;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.ProgramResult;
import org.vrouter.router.service.SystemdServiceManager;

/** {@code vrouter s2s-status}: CloudStack's {@code checkbatchs2svpn.sh}, answered from {@code swanctl --list-sas}. */
class SiteToSiteStatusCommandTest {
    @TempDir
    Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void reportsEveryPeerOfCloudStacksSingleArgument() {
        String sas = "vpn-198-51-100-7: #1, ESTABLISHED, IKEv2, 11_i* 22_r\n"
                + "  vpn-198-51-100-7: #1, reqid 1, INSTALLED, TUNNEL, ESP:AES_CBC-128/HMAC_SHA1_96\n";

        int status = run(call -> new ProgramResult(call.argv(), 0, sas, ""), "s2s-status", "--root", root.toString(), "198.51.100.7 192.0.2.9 ");

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("198.51.100.7:0:IKE SA established, IPsec SA installed&192.0.2.9:1:no IKE SA established\n");
    }

    @Test
    void reportsEveryPeerDownWhenCharonDoesNotAnswer() {
        int status = run(call -> new ProgramResult(call.argv(), 1, "", "connecting to 'default' URI failed"), "s2s-status", "--root",
                root.toString(), "198.51.100.7");

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("198.51.100.7:1:strongSwan is not running\n");
    }

    @Test
    void rejectsAPeerThatIsNoIpv4Address() {
        int status = run(call -> ProgramResult.success(call.argv()), "s2s-status", "--root", root.toString(), "peer.example");

        assertThat(status).isEqualTo(CommandLine.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("peer");
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
        return new CommandLine(List.of(new SiteToSiteStatusCommand(wiring))).run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
