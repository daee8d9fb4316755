package org.vrouter.router.pipeline;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vrouter.api.net.MacAddress;
import org.vrouter.router.databag.InterfaceMacs;
import org.vrouter.router.host.Host;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.ProgramResult;

/**
 * Reads the MAC addresses of the router's {@code ethN} interfaces ({@code ip -o link show}), the machine
 * state the {@code ips} merge needs. Asked only when an update carries IP associations. When the
 * program fails (or runs nowhere, in a dry run) no interface is known and addresses go on
 * {@code eth<nic_dev_id>}.
 */
final class InterfaceInventory {
    private static final Logger log = LoggerFactory.getLogger(InterfaceInventory.class);
    /** {@code 3: eth1@if7: <BROADCAST,...> mtu 1500 ... link/ether 02:00:4c:5f:00:01 brd ...}. */
    private static final Pattern LINK = Pattern.compile("^\\d+:\\s+(eth\\d{1,3})(?:@\\S+)?:.*\\slink/ether\\s+([0-9A-Fa-f:]{17})\\s");

    private InterfaceInventory() {}

    static InterfaceMacs read(Host host) throws IOException {
        ProgramResult result = host.run(ProgramCall.of("ip", "-o", "link", "show"));
        if (!result.succeeded()) {
            log.warn("cannot list interfaces ({}); addresses go on eth<nic_dev_id>", result.firstErrorLine());
            return InterfaceMacs.none();
        }
        return parse(result.stdout());
    }

    static InterfaceMacs parse(String links) {
        Map<MacAddress, String> devices = new HashMap<>();
        for (String line : links.split("\n")) {
            Matcher matcher = LINK.matcher(line + " ");
            if (matcher.find()) {
                devices.putIfAbsent(MacAddress.parse("link/ether", matcher.group(2)), matcher.group(1));
            }
        }
        return new InterfaceMacs(devices);
    }
}
