package org.vrouter.router.launcher;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.router.host.Host;
import org.vrouter.router.usage.ChainCounters;
import org.vrouter.router.usage.UsageCounters;

/**
 * {@code vrouter netusage [--root DIR] [--netns NAME] -c|-g|-r} (CloudStack's {@code netusage.sh}) and
 * {@code vrouter vpc-netusage [...] -c|-g|-r -l PUBLIC_IP [-v VPC_CIDR]} ({@code vpc_netusage.sh}): create
 * the counting chain, print its counters, or print them and zero them. The printed line is
 * {@link ChainCounters#report()}, which {@code NetworkUsageAnswer} parses. Exit 0 on success, 1 for a
 * value that is not valid ({@code public_ip}, {@code vpc_cidr}, a public address no interface holds),
 * 2 when iptables fails (a chain the firewall has not created yet), 64 for a usage error.
 */
final class NetworkUsageSubcommand implements Subcommand {
    private final RouterWiring wiring;
    private final boolean vpc;

    private NetworkUsageSubcommand(RouterWiring wiring, boolean vpc) {
        this.wiring = requireNonNull(wiring, "wiring is null");
        this.vpc = vpc;
    }

    /** {@code vrouter netusage}: an isolated router's {@code NETWORK_STATS}. */
    static NetworkUsageSubcommand isolated(RouterWiring wiring) {
        return new NetworkUsageSubcommand(wiring, false);
    }

    /** {@code vrouter vpc-netusage}: a VPC router's chain of the public interface named by {@code -l}. */
    static NetworkUsageSubcommand vpc(RouterWiring wiring) {
        return new NetworkUsageSubcommand(wiring, true);
    }

    @Override
    public String name() {
        return vpc ? "vpc-netusage" : "netusage";
    }

    @Override
    public String summary() {
        return vpc ? "create, print or reset a VPC public interface's byte counters (vpc_netusage.sh)"
                : "create, print or reset the byte counters NETWORK_STATS (netusage.sh)";
    }

    private String usage() {
        return "usage: vrouter " + name() + " [--root DIR] [--netns NAME] -c|-g|-r" + (vpc ? " -l PUBLIC_IP [-v VPC_CIDR]" : "");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        Arguments arguments;
        Host host;
        try {
            arguments = Arguments.parse(args, vpc);
            RouterOptions options = RouterOptions.parse(arguments.rest(), false);
            if (!options.positional().isEmpty()) {
                throw new UsageException("unexpected argument " + options.positional().get(0));
            }
            host = wiring.host(options);
        }
        catch (UsageException e) {
            err.println("vrouter " + name() + ": " + e.getMessage());
            err.println(usage());
            return CommandLine.EXIT_USAGE;
        }
        UsageCounters counters = new UsageCounters(host);
        String chain = vpc ? UsageCounters.vpcChain(counters.deviceOf(arguments.publicIp().orElseThrow())) : UsageCounters.ISOLATED_CHAIN;
        switch (arguments.flag()) {
            case "-c" -> counters.ensureChain(chain);
            case "-g" -> out.println(counters.read(chain).report());
            default -> out.println(counters.readAndZero(chain).report());
        }
        return 0;
    }

    /**
     * The scripts' own flags, taken out of the argument list wherever they stand; the rest are the router options.
     *
     * @param flag {@code -c}, {@code -g} or {@code -r}
     * @param vpcCidr accepted as CloudStack sends it; the renderers take the VPC's CIDR from its databags
     */
    private record Arguments(String flag, Optional<IpAddress> publicIp, Optional<Cidr> vpcCidr, List<String> rest) {
        static Arguments parse(List<String> args, boolean vpc) throws UsageException {
            Optional<String> flag = Optional.empty();
            Optional<IpAddress> publicIp = Optional.empty();
            Optional<Cidr> vpcCidr = Optional.empty();
            List<String> rest = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "-c", "-g", "-r" -> {
                        if (flag.isPresent() && !flag.get().equals(arg)) {
                            throw new UsageException("option: give one of -c, -g, -r, not " + flag.get() + " and " + arg);
                        }
                        flag = Optional.of(arg);
                    }
                    case "-l" -> publicIp = Optional.of(IpAddress.parse("public_ip", value(args, ++i, arg, vpc)).requireIpv4("public_ip"));
                    case "-v" -> vpcCidr = Optional.of(Cidr.parseNetwork("vpc_cidr", value(args, ++i, arg, vpc)));
                    case "--" -> { }
                    default -> rest.add(arg);
                }
            }
            if (flag.isEmpty()) {
                throw new UsageException("option: one of -c (create), -g (get), -r (reset) is needed");
            }
            if (vpc && publicIp.isEmpty()) {
                throw new UsageException("public_ip: -l PUBLIC_IP is needed: a VPC router counts per public interface");
            }
            return new Arguments(flag.get(), publicIp, vpcCidr, rest);
        }

        private static String value(List<String> args, int index, String option, boolean vpc) throws UsageException {
            if (!vpc) {
                throw new UsageException("unknown option " + option + " (only vpc-netusage takes it)");
            }
            if (index >= args.size() || args.get(index).isEmpty()) {
                throw new UsageException((option.equals("-l") ? "public_ip" : "vpc_cidr") + ": " + option + " needs a value");
            }
            return args.get(index);
        }
    }
}
