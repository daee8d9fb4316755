package org.vrouter.element;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.rule.LbProtocol;
import org.vrouter.api.rule.LoadBalancingRule;

/**
 * Checks a load-balancing rule against what the router's haproxy can serve (CloudStack's
 * {@code validateHAProxyLBRule}): the public port must not be haproxy's statistics port, and udp is
 * refused. CloudStack also checks the stickiness parameters' formats here (Source {@code expire}
 * = number + d/h/m/s and {@code tablesize} = number + k/m/g, AppCookie {@code length} a number and
 * {@code holdtime} a number with an optional d/h/m/s); vrouter's
 * {@link org.vrouter.api.rule.StickinessPolicy} enforces exactly those formats when it is built, so
 * a rule that reaches this class cannot hold a malformed one.
 */
final class HaproxyRuleValidator {
    private final int statsPort;

    HaproxyRuleValidator(int statsPort) {
        this.statsPort = statsPort;
    }

    /** @throws InvalidParameterException naming {@code src_port} or {@code protocol} */
    void validate(LoadBalancingRule rule) {
        if (rule.publicPort() == statsPort) {
            throw new InvalidParameterException("src_port", "haproxy serves its statistics on this port"
                    + " (network.loadbalancer.haproxy.stats.port); rule " + rule.uuid(), rule.publicPort());
        }
        if (rule.protocol() == LbProtocol.UDP) {
            throw new InvalidParameterException("protocol", "haproxy does not balance udp; rule " + rule.uuid(), rule.protocol().wireName());
        }
    }
}
