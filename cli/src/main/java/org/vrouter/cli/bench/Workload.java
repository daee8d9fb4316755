package org.vrouter.cli.bench;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The inputs of the benchmark as CloudStack's management server sends them: an isolated router's boot
 * arguments and public addresses, then DHCP entries (one file per VM NIC), ingress firewall rules and
 * port forwards, numbered so that entry {@code i} is distinct from every other. Up to 60,000 of each.
 */
final class Workload {
    /** The router's source-NAT address; firewall rules open ports on it. */
    static final String PUBLIC_IP = "203.0.113.20";
    /** A second public address, for the port forwards. */
    static final String FORWARD_IP = "203.0.113.21";
    static final int MAX = 60_000;

    private Workload() {}

    /** An isolated router: guest 10.0.0.0/16 on eth0, control on eth1, public on eth2. */
    static String cmdLine() {
        return "{\"cmd_line\":{\"template\":\"domP\",\"name\":\"r-1-VM\",\"type\":\"router\",\"eth0ip\":\"10.0.0.1\",\"eth0mask\":\"255.255.0.0\","
                + "\"eth1ip\":\"169.254.3.44\",\"eth1mask\":\"255.255.0.0\",\"eth2ip\":\"" + PUBLIC_IP + "\",\"eth2mask\":\"255.255.255.0\","
                + "\"gateway\":\"203.0.113.1\",\"domain\":\"bench.internal\",\"dns1\":\"192.0.2.53\",\"dhcprange\":\"10.0.0.1\",\"cidrsize\":\"16\"},"
                + "\"type\":\"cmdline\",\"delete_from_processed_cache\":false}";
    }

    /** The two public addresses on eth2, the first one source NAT. */
    static String ipAssociations() {
        return "{\"ip_address\":[" + publicAddress(PUBLIC_IP, true) + "," + publicAddress(FORWARD_IP, false) + "],"
                + "\"type\":\"ips\",\"delete_from_processed_cache\":false}";
    }

    private static String publicAddress(String address, boolean sourceNat) {
        return "{\"public_ip\":\"" + address + "\",\"source_nat\":" + sourceNat + ",\"add\":true,\"one_to_one_nat\":false,\"first_i_p\":"
                + sourceNat + ",\"gateway\":\"203.0.113.1\",\"netmask\":\"255.255.255.0\",\"vif_mac_address\":\"1e:00:5d:00:00:14\","
                + "\"nic_dev_id\":2,\"new_nic\":false,\"nw_type\":\"Public\",\"is_private_gateway\":false}";
    }

    /** The guest address of VM {@code i}: 10.0.0.2 onwards, 250 per /24. */
    static String guestIp(int i) {
        check(i);
        return "10.0." + i / 250 + "." + (i % 250 + 2);
    }

    static String dhcpEntry(int i) {
        return "{\"host_name\":\"vm-" + i + "\",\"mac_address\":\"" + String.format("02:00:%02x:%02x:%02x:01", (i >> 16) & 0xff, (i >> 8) & 0xff,
                i & 0xff) + "\",\"ipv4_address\":\"" + guestIp(i) + "\",\"dns_addresses\":\"10.0.0.1\",\"default_gateway\":\"10.0.0.1\","
                + "\"default_entry\":true,\"lease_time\":0,\"remove\":false,\"type\":\"dhcpentry\",\"delete_from_processed_cache\":false}";
    }

    /** The file name of VM {@code i}'s DHCP entry, as CloudStack names it (type, then a unique suffix). */
    static String dhcpFile(int i) {
        return "vm_dhcp_entry.json." + i;
    }

    /** Ingress rules {@code from} (inclusive) to {@code to} (exclusive): one source /32 and one port each. */
    static String firewallRules(int from, int to) {
        return "{\"rules\":[" + IntStream.range(from, to).mapToObj(Workload::firewallRule).collect(Collectors.joining(","))
                + "],\"type\":\"firewallrules\",\"delete_from_processed_cache\":false}";
    }

    private static String firewallRule(int i) {
        check(i);
        return "{\"id\":" + (1000 + i) + ",\"src_ip\":\"" + PUBLIC_IP + "\",\"protocol\":\"tcp\",\"src_port_range\":[" + port(i) + "," + port(i)
                + "],\"revoked\":false,\"already_added\":false,\"source_cidr_list\":[\"198.18." + i / 256 + "." + i % 256 + "/32\"],"
                + "\"dest_cidr_list\":[],\"purpose\":\"Firewall\",\"traffic_type\":\"Ingress\",\"guest_cidr\":\"10.0.0.0/16\","
                + "\"default_egress_policy\":false}";
    }

    /** Port forwards {@code from} to {@code to} (exclusive): public port 1024 + i to port 22 of VM i. */
    static String portForwards(int from, int to) {
        return "{\"rules\":[" + IntStream.range(from, to).mapToObj(Workload::portForward).collect(Collectors.joining(","))
                + "],\"type\":\"forwardrules\",\"delete_from_processed_cache\":false}";
    }

    private static String portForward(int i) {
        return "{\"revoke\":false,\"protocol\":\"tcp\",\"source_ip_address\":\"" + FORWARD_IP + "\",\"source_port_range\":\"" + port(i) + ":"
                + port(i) + "\",\"destination_ip_address\":\"" + guestIp(i) + "\",\"destination_port_range\":\"22:22\"}";
    }

    private static int port(int i) {
        return 1024 + i;
    }

    /** A {@code vr_cfg} batch delivering DHCP entries {@code from} to {@code to} (exclusive), one file and one update each. */
    static String dhcpBatch(int from, int to) {
        StringBuilder batch = new StringBuilder(400 * (to - from) + 100).append("#Apache CloudStack Virtual Router Config File\n<version>\n1.0\n</version>\n");
        for (int i = from; i < to; i++) {
            batch.append("<file>\n/var/cache/cloud/").append(dhcpFile(i)).append('\n').append(dhcpEntry(i)).append("\n</file>\n")
                    .append("<script>\n/opt/cloud/bin/update_config.py ").append(dhcpFile(i)).append("\n</script>\n");
        }
        return batch.toString();
    }

    /** The lines of a dnsmasq hosts file for entries 0 to {@code n} (exclusive), for the reload floor. */
    static String dhcpHosts(int n) {
        StringBuilder hosts = new StringBuilder(48 * n);
        for (int i = 0; i < n; i++) {
            hosts.append(String.format("02:00:%02x:%02x:%02x:01", (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff)).append(',').append(guestIp(i))
                    .append(",vm-").append(i).append(",infinite\n");
        }
        return hosts.toString();
    }

    /**
     * An {@code iptables-restore} payload with {@code n} ingress rules, or {@code n} DNATs, as a stand-in
     * for the converged ruleset while the router applies no firewall of its own.
     */
    static String ruleset(int n, boolean forwards) {
        StringBuilder rules = new StringBuilder(120 * n + 400);
        rules.append("*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:FW_INGRESS - [0:0]\n-A INPUT -j FW_INGRESS\n");
        if (!forwards) {
            for (int i = 0; i < n; i++) {
                rules.append("-A FW_INGRESS -s 198.18.").append(i / 256).append('.').append(i % 256).append("/32 -d ").append(PUBLIC_IP)
                        .append("/32 -p tcp -m tcp --dport ").append(port(i)).append(" -j ACCEPT\n");
            }
        }
        rules.append("COMMIT\n*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n");
        if (forwards) {
            for (int i = 0; i < n; i++) {
                rules.append("-A PREROUTING -d ").append(FORWARD_IP).append("/32 -p tcp -m tcp --dport ").append(port(i))
                        .append(" -j DNAT --to-destination ").append(guestIp(i)).append(":22\n");
            }
        }
        return rules.append("COMMIT\n").toString();
    }

    private static void check(int i) {
        if (i < 0 || i >= MAX) {
            throw new IllegalArgumentException("entry number must be between 0 and " + (MAX - 1) + ": " + i);
        }
    }
}
