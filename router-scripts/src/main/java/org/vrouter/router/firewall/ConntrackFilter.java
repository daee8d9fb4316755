package org.vrouter.router.firewall;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

import org.vrouter.api.net.IpAddress;
import org.vrouter.api.rule.Protocol;

/**
 * Which connection-tracking entries one {@code conntrack -D} deletes: the entries a NAT mapping that is
 * no longer in force created. Every filter matches addresses of both directions of the mapping, so it
 * can never select the whole table. Built by {@link ConntrackCleanup}, run by {@link Conntrack}.
 *
 * <p>In conntrack's terms an entry has an original tuple (as the first packet arrived) and a reply tuple
 * (as the answers leave the far end): a DNAT to a VM shows as {@code orig-dst} = the public address and
 * {@code reply-src} = the VM; a SNAT to a public address as {@code reply-dst} = that address.
 *
 * @param options the filter options, in the order conntrack needs ({@code -p} before the port options)
 */
public record ConntrackFilter(List<String> options) {
    public ConntrackFilter {
        options = List.copyOf(requireNonNull(options, "options is null"));
        if (!options.contains("--orig-dst") && !options.contains("--reply-dst")) {
            throw new IllegalArgumentException("a conntrack filter must name an address, or it deletes every entry: " + options);
        }
    }

    /**
     * The connections one public port of a removed port forward sent to the VM port it maps to.
     *
     * @param publicPort a port of the forward's public range
     */
    static ConntrackFilter portForward(PortForward forward, int publicPort) {
        int vmPort = forward.vmPorts().isSinglePort() ? forward.vmPorts().start()
                : forward.vmPorts().start() + publicPort - forward.publicPorts().start();
        return new ConntrackFilter(List.of("-p", forward.protocol().name(), "--orig-dst", forward.publicIp().toString(),
                "--orig-port-dst", Integer.toString(publicPort), "--reply-src", forward.vmIp().toString(),
                "--reply-port-src", Integer.toString(vmPort)));
    }

    /**
     * Every connection of one protocol that a public address sent to a VM, whatever the ports: what
     * conntrack, which takes one port and no range, can say of a removed range of ports.
     */
    static ConntrackFilter forwardedTo(IpAddress publicIp, Protocol protocol, IpAddress vmIp) {
        return new ConntrackFilter(List.of("-p", protocol.name(), "--orig-dst", publicIp.toString(), "--reply-src", vmIp.toString()));
    }

    /** The connections a removed static NAT sent from its public address to the VM. */
    static ConntrackFilter staticNatInbound(StaticNat nat) {
        return new ConntrackFilter(List.of("--orig-dst", nat.publicIp().toString(), "--reply-src", nat.vmIp().toString()));
    }

    /** The connections the VM of a removed static NAT opened from its public address. */
    static ConntrackFilter staticNatOutbound(StaticNat nat) {
        return new ConntrackFilter(List.of("--orig-src", nat.vmIp().toString(), "--reply-dst", nat.publicIp().toString()));
    }

    /** The connections source-NATed to an address that is no longer a source-NAT address. */
    static ConntrackFilter sourceNat(IpAddress address) {
        return new ConntrackFilter(List.of("--reply-dst", address.toString(), "--src-nat"));
    }

    /** The delete: {@code conntrack -D} and the options. */
    public List<String> argv() {
        List<String> argv = new ArrayList<>(options.size() + 2);
        argv.add("conntrack");
        argv.add("-D");
        argv.addAll(options);
        return argv;
    }

    @Override
    public String toString() {
        return String.join(" ", options);
    }
}
