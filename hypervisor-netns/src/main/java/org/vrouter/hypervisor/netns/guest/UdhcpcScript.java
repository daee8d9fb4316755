package org.vrouter.hypervisor.netns.guest;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The event script a guest's {@code udhcpc} runs instead of its default one, which would rewrite
 * {@code /etc/resolv.conf}. This one only configures the guest's interface inside the guest's
 * namespace (address, default route) and records the lease in a file of ours; the DNS servers go
 * nowhere but that file. Pure text, no I/O.
 */
final class UdhcpcScript {
    /** Paths the script quotes: nothing a shell would expand. */
    private static final Pattern SAFE_PATH = Pattern.compile("/[A-Za-z0-9/._-]+");

    private UdhcpcScript() {}

    /**
     * The script, recording into {@code leaseFile}.
     *
     * @throws IllegalArgumentException when the path holds characters the script cannot quote plainly
     */
    static String text(Path leaseFile) {
        String path = leaseFile.toAbsolutePath().toString();
        if (!SAFE_PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("lease file path must be letters, digits, '/', '.', '_' or '-': " + path);
        }
        return """
                #!/bin/sh
                # udhcpc event script of a vrouter guest VM: configures the interface inside the guest's
                # namespace and records the lease. It never writes /etc/resolv.conf.
                PATH=/usr/sbin:/usr/bin:/sbin:/bin
                lease_file='%s'
                case "$1" in
                    deconfig)
                        ip -4 address flush dev "$interface"
                        ip link set dev "$interface" up
                        ;;
                    bound|renew)
                        ip -4 address flush dev "$interface"
                        ip address add "$ip/${mask:-32}" dev "$interface"
                        for gateway in $router; do
                            ip route replace default via "$gateway" dev "$interface"
                            break
                        done
                        {
                            echo "ip=$ip"
                            echo "mask=$mask"
                            echo "subnet=$subnet"
                            echo "router=$router"
                            echo "dns=$dns"
                            echo "domain=$domain"
                            echo "serverid=$serverid"
                            echo "lease=$lease"
                        } > "$lease_file.tmp" && mv "$lease_file.tmp" "$lease_file"
                        ;;
                esac
                exit 0
                """.formatted(path);
    }
}
