package org.vrouter.router.launcher;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.router.host.Host;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.ProgramResult;
import org.vrouter.router.vpn.SiteToSiteStatus;
import org.vrouter.router.vpn.VpnRuntime;

/**
 * {@code vrouter s2s-status [--root DIR] [--netns NAME] PEER...}: CloudStack's {@code checkbatchs2svpn.sh}.
 * Prints one line, {@code <peer>:<code>:<detail>} per peer joined by {@code &} ({@link SiteToSiteStatus});
 * exit 0 whenever the peers could be reported on (a down tunnel is a report, not a failure), 64 for a usage
 * error or a peer that is not an IPv4 address.
 */
final class SiteToSiteStatusCommand implements Subcommand {
    private static final String USAGE = "usage: vrouter s2s-status [--root DIR] [--netns NAME] PEER...";

    private final RouterWiring wiring;

    SiteToSiteStatusCommand(RouterWiring wiring) {
        this.wiring = requireNonNull(wiring, "wiring is null");
    }

    @Override
    public String name() {
        return "s2s-status";
    }

    @Override
    public String summary() {
        return "report the site-to-site tunnels to the given peers (checkbatchs2svpn.sh)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        List<IpAddress> peers = new ArrayList<>();
        Host host;
        try {
            RouterOptions options = RouterOptions.parse(args, false);
            for (String peer : options.positional()) {
                // CloudStack passes the peers as one space-separated argument
                for (String word : peer.trim().split("\\s+")) {
                    if (!word.isEmpty()) {
                        peers.add(IpAddress.parse("peer", word).requireIpv4("peer"));
                    }
                }
            }
            if (peers.isEmpty()) {
                throw new UsageException(USAGE);
            }
            host = wiring.host(options);
        }
        catch (UsageException | InvalidParameterException e) {
            err.println("vrouter s2s-status: " + e.getMessage());
            return CommandLine.EXIT_USAGE;
        }
        ProgramResult sas = host.run(ProgramCall.of(VpnRuntime.standard(host).swanctl("--list-sas")));
        out.println(sas.succeeded() ? SiteToSiteStatus.report(peers, sas.stdout()) : SiteToSiteStatus.unreachable(peers));
        return 0;
    }
}
