package org.vrouter.router.redundancy;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.vrouter.router.host.DryRunHost;
import org.vrouter.router.host.ForwardingHost;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.ProgramResult;

/**
 * A test router whose kernel knows just what a VRRP transition looks at: the IPv4 addresses of the
 * interfaces ({@code ip -4 -o address show dev X}, {@code ip -4 address del A dev X}) and whether
 * keepalived's raw VRRP socket is open ({@code ss -H -n -w -a}). Files live under a dry-run root; every
 * other program succeeds silently; every call is kept, in order, each line of its input after it, indented.
 */
final class VrrpKernelHost extends ForwardingHost {
    /** {@code "<address>/<prefix> dev <device>"}. */
    private final Set<String> addresses = new LinkedHashSet<>();
    private final List<String> calls = new ArrayList<>();
    private boolean vrrpSocket;
    private boolean crashOnPublicUp;

    VrrpKernelHost(Path root) {
        super(new DryRunHost(requireNonNull(root, "root is null")));
    }

    /** {@code cidr} ({@code 10.1.1.1/24}) on {@code device}. */
    VrrpKernelHost withAddress(String cidr, String device) {
        addresses.add(cidr + " dev " + device);
        return this;
    }

    /** keepalived's VRRP process running (its socket open) or not. */
    VrrpKernelHost withKeepalived(boolean running) {
        vrrpSocket = running;
        return this;
    }

    /** keepalived killed the moment the public link is raised (a crash in the middle of a PRIMARY transition). */
    VrrpKernelHost killingKeepalivedWhenThePublicLinkComesUp() {
        crashOnPublicUp = true;
        return this;
    }

    synchronized boolean holds(String cidr, String device) {
        return addresses.contains(cidr + " dev " + device);
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public synchronized ProgramResult run(ProgramCall call) throws IOException {
        List<String> argv = call.argv();
        calls.add(String.join(" ", argv));
        call.stdin().ifPresent(input -> input.lines().forEach(line -> calls.add("  " + line)));
        if (crashOnPublicUp && call.stdin().filter(input -> input.contains("link set dev eth2 up")).isPresent()) {
            vrrpSocket = false;
        }
        if (argv.equals(List.of("ss", "-H", "-n", "-w", "-a"))) {
            return answer(argv, vrrpSocket ? "UNCONN 0      0      224.0.0.18:112 0.0.0.0:*\nUNCONN 0      0         0.0.0.0:112 0.0.0.0:*\n" : "");
        }
        if (argv.size() == 7 && argv.subList(0, 5).equals(List.of("ip", "-4", "-o", "address", "show"))) {
            String device = argv.get(6);
            StringBuilder out = new StringBuilder();
            int index = 2;
            for (String address : addresses) {
                if (address.endsWith(" dev " + device)) {
                    out.append(index).append(": ").append(device).append("    inet ").append(address, 0, address.indexOf(' '))
                            .append(" scope global ").append(device).append("\\       valid_lft forever preferred_lft forever\n");
                }
            }
            return answer(argv, out.toString());
        }
        if (argv.size() == 7 && argv.subList(0, 4).equals(List.of("ip", "-4", "address", "del"))) {
            return addresses.remove(argv.get(4) + " dev " + argv.get(6)) ? answer(argv, "")
                    : new ProgramResult(argv, 2, "", "RTNETLINK answers: Cannot assign requested address\n");
        }
        return ProgramResult.success(argv);
    }

    private static ProgramResult answer(List<String> argv, String stdout) {
        return new ProgramResult(argv, 0, stdout, "");
    }
}
