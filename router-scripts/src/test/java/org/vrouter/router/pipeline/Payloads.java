package org.vrouter.router.pipeline;

/** CloudStack payloads as the management server sends them, for pipeline tests. */
final class Payloads {
    static final String CMD_LINE = "{\"type\":\"cmdline\",\"cmd_line\":{\"template\":\"domP\",\"name\":\"r-12-VM\",\"type\":\"router\","
            + "\"eth0ip\":\"10.1.1.1\",\"eth0mask\":\"255.255.255.0\",\"eth1ip\":\"169.254.3.44\",\"eth1mask\":\"255.255.0.0\","
            + "\"eth2ip\":\"203.0.113.20\",\"eth2mask\":\"255.255.255.0\",\"gateway\":\"203.0.113.1\",\"domain\":\"cs2cloud.internal\"}}";

    static final String IPS = "{\"ip_address\":[{\"public_ip\":\"203.0.113.21\",\"source_nat\":false,\"add\":true,\"one_to_one_nat\":false,"
            + "\"first_i_p\":false,\"gateway\":\"203.0.113.1\",\"netmask\":\"255.255.255.0\",\"vif_mac_address\":\"1e:00:5d:00:00:14\","
            + "\"nic_dev_id\":2,\"new_nic\":false,\"nw_type\":\"Public\",\"is_private_gateway\":false}],"
            + "\"type\":\"ips\",\"delete_from_processed_cache\":false}";

    static final String DHCP = "{\"host_name\":\"vm-1\",\"mac_address\":\"02:00:4c:5f:00:01\",\"ipv4_address\":\"10.1.1.23\","
            + "\"dns_addresses\":\"10.1.1.1\",\"default_gateway\":\"10.1.1.1\",\"default_entry\":true,\"lease_time\":0,\"remove\":false,"
            + "\"type\":\"dhcpentry\",\"delete_from_processed_cache\":false}";

    static final String FIREWALL = "{\"rules\":[{\"id\":17,\"src_ip\":\"203.0.113.20\",\"protocol\":\"tcp\",\"src_port_range\":[22,22],"
            + "\"revoked\":false,\"already_added\":false,\"source_cidr_list\":[\"0.0.0.0/0\"],\"dest_cidr_list\":[],\"purpose\":\"Firewall\","
            + "\"traffic_type\":\"Ingress\",\"default_egress_policy\":false}],\"type\":\"firewallrules\",\"delete_from_processed_cache\":false}";

    static final String GUEST_NETWORK = "{\"add\":true,\"mac_address\":\"02:00:56:36:00:02\",\"device\":\"eth3\",\"router_guest_ip\":\"172.16.1.1\","
            + "\"router_guest_netmask\":\"255.255.255.0\",\"router_guest_gateway\":\"172.16.1.1\",\"cidr\":\"24\",\"domain_name\":\"vpc1.internal\","
            + "\"type\":\"guestnetwork\",\"delete_from_processed_cache\":false}";

    static final String IP_ALIASES = "{\"aliases\":[{\"revoke\":false,\"ip_address\":\"10.1.5.50\",\"netmask\":\"255.255.255.0\",\"count\":1}],"
            + "\"type\":\"ipaliases\",\"delete_from_processed_cache\":false}";

    static final String MONITOR = "{\"health_checks_enabled\":true,\"type\":\"monitorservice\",\"delete_from_processed_cache\":true}";

    private Payloads() {}
}
