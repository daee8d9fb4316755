package org.vrouter.element;

import java.util.Locale;

/**
 * What the element was asked to do: the {@code operation} tag of its metrics and the verb of its
 * messages ({@code router r-5-VM: cannot apply firewall rules in state Error}). A closed set, so the
 * tag never carries an unbounded value.
 */
enum Operation {
    IMPLEMENT,
    PREPARE,
    SHUTDOWN,
    DESTROY,
    APPLY_IPS,
    APPLY_FIREWALL_RULES,
    APPLY_PORT_FORWARDING_RULES,
    APPLY_STATIC_NATS,
    APPLY_LOAD_BALANCING_RULES,
    ADD_DHCP_ENTRY,
    REMOVE_DHCP_ENTRY,
    CONFIG_DHCP_SUBNET,
    REMOVE_DHCP_SUBNET,
    ADD_DNS_ENTRY,
    CONFIG_DNS_SUBNET,
    REMOVE_DNS_SUBNET,
    ADD_PASSWORD_AND_USERDATA,
    SAVE_PASSWORD,
    SAVE_USER_DATA,
    SAVE_SSH_KEY,
    SAVE_HYPERVISOR_HOSTNAME,
    APPLY_VPN_USERS,
    START_VPN,
    STOP_VPN,
    PREPARE_AGGREGATED_EXECUTION,
    COMPLETE_AGGREGATED_EXECUTION,
    CLEANUP_AGGREGATED_EXECUTION,
    IMPLEMENT_VPC,
    SHUTDOWN_VPC,
    APPLY_STATIC_ROUTES,
    APPLY_NETWORK_ACLS,
    CREATE_PRIVATE_GATEWAY,
    DELETE_PRIVATE_GATEWAY,
    APPLY_PRIVATE_GATEWAY_ACL,
    START_SITE2SITE_VPN,
    STOP_SITE2SITE_VPN;

    /** The metrics tag value: {@code apply_firewall_rules}. */
    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The verb phrase for messages: {@code apply firewall rules}. */
    String verb() {
        return tag().replace('_', ' ');
    }
}
