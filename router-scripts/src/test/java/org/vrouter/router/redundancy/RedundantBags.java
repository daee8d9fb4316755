package org.vrouter.router.redundancy;

import java.util.Map;
import java.util.TreeMap;

import org.vrouter.router.converge.IsolatedRouter;
import org.vrouter.router.databag.CmdLineBag;
import org.vrouter.router.databag.Databags;

/**
 * The bags of one member of a redundant isolated pair, as CloudStack's boot arguments and
 * {@code ip_associations.json} leave them: guest {@code eth0} at the member's own address with the
 * VRRP gateway 10.1.1.1, control {@code eth1}, public {@code eth2} (source NAT 203.0.113.20).
 */
final class RedundantBags {
    static final String GATEWAY = "10.1.1.1";

    private RedundantBags() {}

    /** Member {@code index} (1 or 2): guest address 10.1.1.(1 + index), control 169.254.3.(10 + index). */
    static Databags member(int index, String advertInterval) {
        String cmdLine = "{\"type\":\"cmdline\",\"cmd_line\":{\"template\":\"domP\",\"name\":\"r-" + (10 + index) + "-VM\","
                + "\"eth0ip\":\"10.1.1." + (1 + index) + "\",\"eth0mask\":\"255.255.255.0\",\"domain\":\"cs2cloud.internal\","
                + "\"cidrsize\":\"24\",\"dhcprange\":\"" + GATEWAY + "\",\"eth1ip\":\"169.254.3." + (10 + index) + "\","
                + "\"eth1mask\":\"255.255.0.0\",\"eth2ip\":\"203.0.113.20\",\"eth2mask\":\"255.255.255.0\",\"gateway\":\"203.0.113.1\","
                + "\"type\":\"router\",\"dns1\":\"8.8.8.8\",\"redundant_router\":\"1\",\"advert_int\":\"" + advertInterval + "\","
                + "\"redundant_state\":\"" + (index == 1 ? "PRIMARY" : "BACKUP") + "\",\"guestgw\":\"" + GATEWAY + "\","
                + "\"guestbrd\":\"10.1.1.255\",\"guestcidrsize\":\"24\"}}";
        return IsolatedRouter.mergeText(Databags.empty(), "cmd_line.json", cmdLine);
    }

    /** {@code bags} with boot arguments changed or added. */
    static Databags withBootArgs(Databags bags, Map<String, String> changes) {
        Map<String, String> config = new TreeMap<>(bags.cmdLine().config());
        config.putAll(changes);
        return bags.with(new CmdLineBag(config));
    }

    /** A second guest tier on {@code eth3} (10.1.2.0/24, gateway 10.1.2.1), as a VPC tier's guest network arrives. */
    static Databags withTier(Databags bags, int index) {
        return IsolatedRouter.mergeText(bags, "guest_network.json.1", "{\"type\":\"guestnetwork\",\"add\":true,"
                + "\"mac_address\":\"02:00:0a:01:02:0" + index + "\",\"device\":\"eth3\",\"router_guest_ip\":\"10.1.2." + (1 + index) + "\","
                + "\"router_guest_netmask\":\"255.255.255.0\",\"router_guest_gateway\":\"10.1.2.1\",\"cidr\":\"24\","
                + "\"dns\":\"8.8.8.8\",\"domain_name\":\"tier2.internal\",\"delete_from_processed_cache\":false}");
    }
}
