package org.vrouter.commands.wire;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.commands.LoadBalancerConfigCommand;
import org.vrouter.commands.wire.haproxy.HaproxyConfigRenderer;
import org.vrouter.commands.wire.haproxy.HaproxyConfiguration;
import org.vrouter.commands.wire.payload.LoadBalancerPayload;
import org.vrouter.commands.wire.payload.LoadBalancerRule;

/** The payload of {@code LoadBalancerConfigCommand}: haproxy's configuration, rendered here, and its firewall openings. */
final class LoadBalancerPayloads {
    /** Where CloudStack's router writes the candidate configuration. */
    static final String CANDIDATE_DIRECTORY = "/etc/haproxy/";
    static final String CANDIDATE_PREFIX = "haproxy.cfg.new.";

    private LoadBalancerPayloads() {}

    /**
     * {@code load_balancer.json} with one rule: the lines of {@link HaproxyConfigRenderer}, the candidate file
     * {@code /etc/haproxy/haproxy.cfg.new.<epoch millis of clock>}, the add/remove/stat openings, and
     * {@code router_ip} (the NIC address on a VPC router, else {@code router.ip}).
     *
     * @throws InvalidParameterException naming {@code router_ip} when the needed address is absent
     */
    static LoadBalancerPayload loadBalancer(LoadBalancerConfigCommand command, Clock clock) {
        HaproxyConfiguration rendered = HaproxyConfigRenderer.render(command);
        LoadBalancerRule rule = new LoadBalancerRule(rendered.configuration(), CANDIDATE_DIRECTORY, CANDIDATE_PREFIX + clock.millis(),
                Optional.empty(), rendered.addRules(), rendered.removeRules(), rendered.statRules(),
                command.routerIp().orElseThrow(() -> new InvalidParameterException("router_ip",
                        "is missing: a VPC router needs the NIC address, any other the router.ip access detail")),
                List.of());
        return LoadBalancerPayload.of(rule);
    }
}
