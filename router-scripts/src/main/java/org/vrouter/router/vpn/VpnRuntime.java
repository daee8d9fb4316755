package org.vrouter.router.vpn;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.vrouter.router.host.Host;
import org.vrouter.router.service.Daemon;

/**
 * How the VPN service reaches strongSwan and xl2tpd on this machine: the charon daemon, the xl2tpd daemon,
 * and the vici socket {@code swanctl} talks to (empty: swanctl's default, {@code /var/run/charon.vici}).
 *
 * <p>{@link #standard} is the production set-up: charon with the system's {@code strongswan.conf}, whose
 * kernel interface is the kernel's own ESP ({@code kernel-netlink}; Debian ships {@code kernel-libipsec}
 * disabled). Tests on machines without ESP pass a charon started with their own {@code strongswan.conf}.
 *
 * @param swanctl the absolute path of {@code swanctl}
 */
public record VpnRuntime(Daemon charon, Daemon xl2tpd, String swanctl, Optional<String> viciUri) {
    /** The router path of xl2tpd's control pipe. */
    public static final String XL2TPD_CONTROL = "/run/xl2tpd/l2tp-control";
    /** The router path of xl2tpd's own pid file. */
    public static final String XL2TPD_PID = "/run/xl2tpd/xl2tpd.pid";

    public VpnRuntime {
        requireNonNull(charon, "charon is null");
        requireNonNull(xl2tpd, "xl2tpd is null");
        requireNonNull(swanctl, "swanctl is null");
        requireNonNull(viciUri, "viciUri is null");
    }

    /**
     * The router's daemons: {@code strongswan-starter} (the systemd unit of Debian's strongSwan; started
     * directly it is charon itself, in the foreground) and {@code xl2tpd} in the foreground on the rendered
     * configuration.
     */
    public static VpnRuntime standard(Host host) {
        return new VpnRuntime(Daemon.of("strongswan-starter", List.of("/usr/lib/ipsec/charon")), xl2tpd(host), "/usr/sbin/swanctl",
                Optional.empty());
    }

    /** xl2tpd in the foreground on the rendered configuration, its pid and control files under the host's root. */
    public static Daemon xl2tpd(Host host) {
        return Daemon.of("xl2tpd", List.of("/usr/sbin/xl2tpd", "-D", "-c", host.resolve(L2tpRenderer.XL2TPD_CONF).toString(),
                "-p", host.resolve(XL2TPD_PID).toString(), "-C", host.resolve(XL2TPD_CONTROL).toString()));
    }

    /** A swanctl command line: the command, its arguments, then the vici socket if not the default. */
    public List<String> swanctl(String... arguments) {
        List<String> argv = new ArrayList<>();
        argv.add(swanctl);
        argv.addAll(List.of(arguments));
        viciUri.ifPresent(uri -> {
            argv.add("--uri");
            argv.add(uri);
        });
        return argv;
    }
}
