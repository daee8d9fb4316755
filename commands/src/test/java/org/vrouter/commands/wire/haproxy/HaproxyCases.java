package org.vrouter.commands.wire.haproxy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vrouter.api.dc.NetworkType;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.rule.LbAlgorithm;
import org.vrouter.api.rule.LbProtocol;
import org.vrouter.api.secret.Secret;
import org.vrouter.commands.AccessDetails;
import org.vrouter.commands.LoadBalancerConfigCommand;
import org.vrouter.commands.to.AppCookieStickinessTO;
import org.vrouter.commands.to.LbCookieStickinessTO;
import org.vrouter.commands.to.LbDestinationTO;
import org.vrouter.commands.to.LbHealthCheckPolicyTO;
import org.vrouter.commands.to.LbStatsSettings;
import org.vrouter.commands.to.LbStatsVisibility;
import org.vrouter.commands.to.LoadBalancerTO;
import org.vrouter.commands.to.SourceStickinessTO;

/**
 * The golden cases of the haproxy renderer, by name (= directory under
 * {@code golden/haproxy/}). Shared by the golden test and the haproxy validation test so every
 * rendered golden is also checked by haproxy itself.
 */
final class HaproxyCases {
    static final IpAddress PUBLIC_IP = ip("64.10.1.10");
    static final IpAddress GUEST_IP = ip("10.1.10.1");
    static final IpAddress CONTROL_IP = ip("169.254.3.44");

    private HaproxyCases() {}

    static Map<String, LoadBalancerConfigCommand> all() {
        Map<String, LoadBalancerConfigCommand> cases = new LinkedHashMap<>();
        cases.put("roundrobin", command().maxconn(1000).loadBalancer(rule(80).destination(ip("10.1.10.2"), 80).build()).build());
        cases.put("leastconn", command().loadBalancer(rule(8080).algorithm(LbAlgorithm.LEAST_CONN)
                .destination(ip("10.1.10.2"), 8080).destination(ip("10.1.10.3"), 8080).build()).build());
        cases.put("source", command().loadBalancer(rule(22).algorithm(LbAlgorithm.SOURCE)
                .destination(ip("10.1.10.2"), 22).destination(ip("10.1.10.3"), 2222).build()).build());
        cases.put("sticky-lbcookie", command().loadBalancer(twoServers(8080)
                .stickinessPolicy(LbCookieStickinessTO.defaults()).build()).build());
        cases.put("sticky-lbcookie-options", command().loadBalancer(twoServers(8080)
                .stickinessPolicy(LbCookieStickinessTO.defaults().withCookieName("SRVID")
                        .withFlags(LbCookieStickinessTO.Mode.INSERT, true, true, true).withDomains(".example.com", "shop.example.org"))
                .build()).build());
        cases.put("sticky-appcookie", command().loadBalancer(twoServers(8080)
                .stickinessPolicy(AppCookieStickinessTO.defaults()).build()).build());
        cases.put("sticky-appcookie-options", command().loadBalancer(twoServers(8080)
                .stickinessPolicy(AppCookieStickinessTO.defaults().withCookieName("JSESSIONID").withLimits(64, "45m")
                        .withFlags(true, true, Optional.of(AppCookieStickinessTO.Mode.QUERY_STRING)))
                .build()).build());
        cases.put("sticky-source", command().loadBalancer(twoServers(3306)
                .stickinessPolicy(new SourceStickinessTO("1g", "2h")).build()).build());
        cases.put("health-check", command().loadBalancer(twoServers(80)
                .healthCheckPolicy(LbHealthCheckPolicyTO.http("/health?probe=lb&x=1", 2, 5, 2, 3)).build()).build());
        cases.put("health-check-tcp", command().loadBalancer(twoServers(5432)
                .healthCheckPolicy(LbHealthCheckPolicyTO.tcp(3, 10, 1, 2)).build()).build());
        cases.put("revoked-rule", command()
                .loadBalancer(rule(80).destination(ip("10.1.10.2"), 80).build())
                .loadBalancer(rule(443).revoked(true).alreadyAdded(true).destination(ip("10.1.10.2"), 443).build())
                .build());
        cases.put("revoked-destination", command().loadBalancer(rule(80)
                .destination(ip("10.1.10.2"), 80)
                .destination(LbDestinationTO.of(ip("10.1.10.3"), 80).revoke())
                .destination(ip("10.1.10.4"), 80).build()).build());
        cases.put("several-rules", severalRules());
        cases.put("no-rules", command().build());
        cases.put("keepalive-idle-timeout", command().keepAliveEnabled(true).idleTimeoutMillis(120000)
                .loadBalancer(twoServers(80).build()).build());
        cases.put("stats-all", command().stats(LbStatsSettings.defaults().withVisibility(LbStatsVisibility.ALL))
                .loadBalancer(twoServers(443).build()).build());
        cases.put("stats-disabled", command().stats(LbStatsSettings.defaults().withVisibility(LbStatsVisibility.DISABLED))
                .loadBalancer(twoServers(443).build()).build());
        cases.put("stats-default", command().stats(new LbStatsSettings(LbStatsVisibility.DEFAULT, 8081, "0/0",
                        Secret.of("ops:S3cret-pass"), "/haproxy?stats"))
                .loadBalancer(twoServers(80).build()).loadBalancer(twoServers(25).build()).build());
        return cases;
    }

    private static LoadBalancerConfigCommand severalRules() {
        return command().maxconn(2000)
                .loadBalancer(rule(80).destination(ip("10.1.10.2"), 8080).destination(ip("10.1.10.3"), 8080)
                        .sourceCidr(Cidr.parse("198.51.100.0/24")).sourceCidr(Cidr.parse("203.0.113.7/32")).build())
                .loadBalancer(LoadBalancerTO.builder("lb-2", ip("64.10.1.11"), 25).lbProtocol(LbProtocol.TCP_PROXY)
                        .algorithm(LbAlgorithm.LEAST_CONN).destination(ip("10.1.10.4"), 25).destination(ip("10.1.10.5"), 25).build())
                .loadBalancer(LoadBalancerTO.builder("lb-3", ip("64.10.1.11"), 993).revoked(true).alreadyAdded(true)
                        .destination(ip("10.1.10.6"), 993).build())
                .loadBalancer(LoadBalancerTO.builder("lb-4", ip("64.10.1.12"), 8443).algorithm(LbAlgorithm.SOURCE)
                        .stickinessPolicy(SourceStickinessTO.defaults()).destination(ip("10.1.10.7"), 443).build())
                .build();
    }

    static LoadBalancerConfigCommand.Builder command() {
        AccessDetails details = AccessDetails.builder()
                .routerIp(CONTROL_IP)
                .routerGuestIp(GUEST_IP)
                .routerName("r-12-VM")
                .zoneNetworkType(NetworkType.ADVANCED)
                .build();
        return LoadBalancerConfigCommand.builder(details, GUEST_IP, CONTROL_IP).publicIp(PUBLIC_IP);
    }

    static LoadBalancerTO.Builder rule(int port) {
        return LoadBalancerTO.builder("lb-" + port, PUBLIC_IP, port);
    }

    private static LoadBalancerTO.Builder twoServers(int port) {
        return rule(port).destination(ip("10.1.10.2"), port).destination(ip("10.1.10.3"), port);
    }

    static IpAddress ip(String text) {
        return IpAddress.parse(text);
    }

    static List<String> names() {
        return List.copyOf(all().keySet());
    }
}
