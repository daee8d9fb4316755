package org.vrouter.router.vpc;

import java.util.Map;

/**
 * How iptables-save prints an IP protocol number: the first name the router's {@code /etc/protocols}
 * (Debian netbase 6.4) gives the number, or the number itself when it has none. An ACL item of
 * {@code type: "protocol"} must be rendered in that form, or the kernel's ruleset would read back
 * different from the rendered one and show as drift on every verify. (iptables-restore reads the name
 * through the same file.) The namespace test checks every number 1 to 255 against the real tools.
 */
final class IpProtocolNames {
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(1, "icmp"), Map.entry(2, "igmp"), Map.entry(3, "ggp"), Map.entry(4, "ipencap"), Map.entry(5, "st"),
            Map.entry(6, "tcp"), Map.entry(8, "egp"), Map.entry(9, "igp"), Map.entry(12, "pup"), Map.entry(17, "udp"),
            Map.entry(20, "hmp"), Map.entry(22, "xns-idp"), Map.entry(27, "rdp"), Map.entry(29, "iso-tp4"), Map.entry(33, "dccp"),
            Map.entry(36, "xtp"), Map.entry(37, "ddp"), Map.entry(38, "idpr-cmtp"), Map.entry(41, "ipv6"), Map.entry(43, "ipv6-route"),
            Map.entry(44, "ipv6-frag"), Map.entry(45, "idrp"), Map.entry(46, "rsvp"), Map.entry(47, "gre"), Map.entry(50, "esp"),
            Map.entry(51, "ah"), Map.entry(57, "skip"), Map.entry(58, "ipv6-icmp"), Map.entry(59, "ipv6-nonxt"),
            Map.entry(60, "ipv6-opts"), Map.entry(73, "rspf"), Map.entry(81, "vmtp"), Map.entry(88, "eigrp"), Map.entry(89, "ospf"),
            Map.entry(93, "ax.25"), Map.entry(94, "ipip"), Map.entry(97, "etherip"), Map.entry(98, "encap"), Map.entry(103, "pim"),
            Map.entry(108, "ipcomp"), Map.entry(112, "vrrp"), Map.entry(115, "l2tp"), Map.entry(124, "isis"), Map.entry(132, "sctp"),
            Map.entry(133, "fc"), Map.entry(135, "mobility-header"), Map.entry(136, "udplite"), Map.entry(137, "mpls-in-ip"),
            Map.entry(138, "manet"), Map.entry(139, "hip"), Map.entry(140, "shim6"), Map.entry(141, "wesp"), Map.entry(142, "rohc"),
            Map.entry(143, "ethernet"));

    private IpProtocolNames() {}

    /**
     * The {@code -p} argument for protocol {@code number}, 1 to 255 (0 is "every protocol": no {@code -p}).
     *
     * @throws IllegalArgumentException outside 1 to 255
     */
    static String of(int number) {
        if (number < 1 || number > 255) {
            throw new IllegalArgumentException("protocol number must be 1 to 255: " + number);
        }
        return NAMES.getOrDefault(number, Integer.toString(number));
    }
}
