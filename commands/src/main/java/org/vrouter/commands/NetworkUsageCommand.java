package org.vrouter.commands;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.validation.WireNames;

/**
 * Sets up, reads or resets a router's byte counters for guest traffic to and from the public side:
 * CloudStack's {@code NetworkUsageCommand} (id {@code networkUsage}), a query. The router keeps the
 * counters in iptables chain {@code NETWORK_STATS} (VPC: per public interface); the resource runs
 * {@code netusage.sh} or, for a VPC router, {@code vpc_netusage.sh}, and
 * {@link NetworkUsageAnswer#fromScriptOutput} reads the counters.
 *
 * <p>Access details: {@code router.ip}, {@code router.name}. A VPC router's command names the public
 * address whose interface is counted and the VPC's CIDR (guest side); an isolated router's names neither.
 *
 * @param publicIp VPC only: the public address whose interface is counted
 * @param vpcCidr VPC only: the VPC's super CIDR
 */
public record NetworkUsageCommand(AccessDetails accessDetails, Option option, boolean forVpc, Optional<IpAddress> publicIp,
        Optional<Cidr> vpcCidr) implements NetworkElementCommand {

    /** What the scripts are asked to do, with their CloudStack names and flags. */
    public enum Option {
        /** Create the counting chain and its rules ({@code -c}); CloudStack sends it at router start. */
        CREATE("create", "-c"),
        /** Print the counters ({@code -g}). */
        GET("get", "-g"),
        /** Zero the counters ({@code -r}), after the controller stored them. */
        RESET("reset", "-r");

        private final String wireName;
        private final String flag;

        Option(String wireName, String flag) {
            this.wireName = wireName;
            this.flag = flag;
        }

        public String wireName() {
            return wireName;
        }

        /** The script flag. */
        public String flag() {
            return flag;
        }

        /** Looks up a wire name, ignoring case. */
        public static Option fromWireName(String field, String name) {
            return WireNames.fromWireName(field, name, values(), Option::wireName);
        }
    }

    public NetworkUsageCommand {
        CommandChecks.requireRouter(accessDetails);
        requireNonNull(option, "option is null");
        requireNonNull(publicIp, "publicIp is null");
        requireNonNull(vpcCidr, "vpcCidr is null");
        if (forVpc && publicIp.isEmpty()) {
            throw new InvalidParameterException("public_ip", "is missing: a VPC router counts per public interface");
        }
        if (!forVpc && (publicIp.isPresent() || vpcCidr.isPresent())) {
            throw new InvalidParameterException("public_ip", "only a VPC router's command names a public address or VPC CIDR",
                    publicIp.map(Object::toString).orElse(vpcCidr.map(Object::toString).orElse("")));
        }
        publicIp.ifPresent(ip -> ip.requireIpv4("public_ip"));
        vpcCidr.ifPresent(cidr -> cidr.requireNetworkAddress("vpc_cidr"));
    }

    /** An isolated network router's command. */
    public static NetworkUsageCommand of(AccessDetails accessDetails, Option option) {
        return new NetworkUsageCommand(accessDetails, option, false, Optional.empty(), Optional.empty());
    }

    /** A VPC router's command for the interface of {@code publicIp}. */
    public static NetworkUsageCommand forVpc(AccessDetails accessDetails, Option option, IpAddress publicIp, Cidr vpcCidr) {
        return new NetworkUsageCommand(accessDetails, option, true, Optional.of(publicIp), Optional.of(vpcCidr));
    }

    @Override
    public boolean isQuery() {
        return true;
    }
}
