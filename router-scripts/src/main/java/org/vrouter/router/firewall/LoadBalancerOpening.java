package org.vrouter.router.firewall;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.validation.FieldChecks;

/**
 * A TCP port haproxy listens on, opened in the router's INPUT chain: a load-balancer listener on a
 * public address (an {@code add_rules} entry of the {@code loadbalancer} databag) or the statistics
 * page, usually on the guest address (a {@code stat_rules} entry), open to its source CIDRs.
 * {@code remove_rules} entries need no counterpart: a listener that is not given is not opened.
 * Input to {@link IsolatedFirewallRenderer}.
 *
 * @param ip the address haproxy binds
 * @param port the port haproxy binds
 * @param sourceCidrs who may connect; empty or {@code 0.0.0.0/0} = anyone
 */
public record LoadBalancerOpening(IpAddress ip, int port, List<Cidr> sourceCidrs) {
    public LoadBalancerOpening {
        requireNonNull(ip, "ip is null");
        FieldChecks.requirePort("port", port);
        if (!ip.isIpv4()) {
            throw new InvalidParameterException("ip", "must be IPv4", ip);
        }
        sourceCidrs = CidrLists.canonical("source_cidrs", sourceCidrs);
    }

    /**
     * Reads an {@code add_rules} entry, {@code "<ip>:<port>:"}: a listener open to anyone.
     *
     * @throws InvalidParameterException naming {@code field}
     */
    public static LoadBalancerOpening parseListener(String field, String entry) {
        String[] parts = fields(field, entry);
        return new LoadBalancerOpening(IpAddress.parse(field, parts[0]), port(field, parts[1], entry), List.of());
    }

    /**
     * Reads a {@code stat_rules} entry, {@code "<ip>:<port>:<cidr>[,<cidr>...]:,"}, where CloudStack
     * writes {@code 0/0} for anyone.
     *
     * @throws InvalidParameterException naming {@code field}
     */
    public static LoadBalancerOpening parseStats(String field, String entry) {
        String[] parts = fields(field, entry);
        List<Cidr> cidrs = new ArrayList<>();
        if (parts.length > 2) {
            for (String cidr : parts[2].split(",")) {
                String trimmed = cidr.strip();
                if (!trimmed.isEmpty()) {
                    cidrs.add(trimmed.equals("0/0") ? Cidr.parse(field, "0.0.0.0/0") : Cidr.parse(field, trimmed));
                }
            }
        }
        return new LoadBalancerOpening(IpAddress.parse(field, parts[0]), port(field, parts[1], entry), cidrs);
    }

    private static String[] fields(String field, String entry) {
        if (entry == null) {
            throw new InvalidParameterException(field, "is missing");
        }
        String[] parts = entry.split(":");
        if (parts.length < 2) {
            throw new InvalidParameterException(field, "not '<ip>:<port>:'", entry);
        }
        return parts;
    }

    private static int port(String field, String text, String entry) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidParameterException(field, "not '<ip>:<port>:'", entry);
        }
        return FieldChecks.requirePort(field, Integer.parseInt(text));
    }
}
