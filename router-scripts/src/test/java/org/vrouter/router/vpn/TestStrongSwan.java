package org.vrouter.router.vpn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.Host;
import org.vrouter.router.host.SystemTools;
import org.vrouter.router.service.Daemon;

/**
 * A {@link VpnRuntime} for tests: charon with a {@code strongswan.conf} of the test's own under the router
 * root ({@code STRONGSWAN_CONF}), whose kernel interface is the userspace {@code kernel-libipsec} over TUN
 * (the test machines' kernel has no ESP), its vici socket under the root, and a private {@code /run} (a
 * tmpfs in a mount namespace of its own) because charon's pid file path is compiled in. The daemons are
 * started and stopped through the test's own service manager, by pid: nothing else is ever signalled.
 */
final class TestStrongSwan {
    static final String CONF = "/etc/strongswan-test.conf";
    static final String LOG = "/var/log/charon.log";
    static final String[] TOOLS = {"start-stop-daemon", "swanctl", "unshare", "xl2tpd"};
    private static final String CHARON = "/usr/lib/ipsec/charon";
    private static final String PLUGINS = "random nonce aes sha1 sha2 md5 hmac gmp gcrypt curve25519 kdf pem pkcs1 pubkey x509"
            + " revocation constraints kernel-libipsec kernel-netlink socket-default vici";

    private TestStrongSwan() {}

    /** Skips (fails under CI) without charon, swanctl, xl2tpd or the tools to start them. */
    static void requireTools() {
        SystemTools.require(TOOLS);
        if (!Files.isExecutable(Path.of(CHARON))) {
            SystemTools.require("charon");
        }
        if (!Files.exists(Path.of("/dev/net/tun"))) {
            SystemTools.require("dev-net-tun");
        }
    }

    /** Writes the test {@code strongswan.conf} under {@code host}'s root and returns the runtime using it. */
    static VpnRuntime runtime(Host host) throws IOException {
        String socket = "unix://" + host.resolve("/run/charon.vici");
        host.createDirectories("/run");
        host.createDirectories("/var/log");
        host.writeText(CONF, """
                charon {
                    load = %s
                    install_virtual_ip = no
                    plugins {
                        vici {
                            socket = %s
                        }
                    }
                    filelog {
                        test {
                            path = %s
                            default = 1
                            ike = 2
                            flush_line = yes
                            time_format = %%T
                        }
                    }
                }
                """.formatted(PLUGINS, socket, host.resolve(LOG)), FileMode.PUBLIC);
        Daemon charon = Daemon.of("charon", List.of("/usr/bin/env", "STRONGSWAN_CONF=" + host.resolve(CONF), "/usr/bin/unshare",
                "--mount", "--propagation", "private", "/bin/sh", "-c", "mount -t tmpfs vrouter-test-run /run && exec " + CHARON));
        return new VpnRuntime(charon, VpnRuntime.xl2tpd(host), "/usr/sbin/swanctl", Optional.of(socket));
    }
}
