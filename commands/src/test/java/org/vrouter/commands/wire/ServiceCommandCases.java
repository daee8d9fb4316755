package org.vrouter.commands.wire;

import static org.vrouter.commands.wire.CommandCases.CONTROL_IP;
import static org.vrouter.commands.wire.CommandCases.ip;
import static org.vrouter.commands.wire.CommandCases.router;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpRange;
import org.vrouter.api.rule.LbAlgorithm;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.vpn.Site2SiteVpnConnection;
import org.vrouter.commands.AccessDetails;
import org.vrouter.commands.HealthCheckConfigKey;
import org.vrouter.commands.HealthCheckSettings;
import org.vrouter.commands.LoadBalancerConfigCommand;
import org.vrouter.commands.NetworkElementCommand;
import org.vrouter.commands.RemoteAccessVpnCfgCommand;
import org.vrouter.commands.SavePasswordCommand;
import org.vrouter.commands.SetMonitorServiceCommand;
import org.vrouter.commands.Site2SiteVpnCfgCommand;
import org.vrouter.commands.VmDataCommand;
import org.vrouter.commands.VpnUsersCfgCommand;
import org.vrouter.commands.to.LoadBalancerTO;
import org.vrouter.commands.to.MonitorServiceTO;
import org.vrouter.commands.to.VpnUserTO;

/** Golden cases of the VM data, password, load balancer, VPN and monitoring commands. */
final class ServiceCommandCases {
    private static final AccessDetails GUEST_ROUTER = router().routerGuestIp(ip("10.1.1.1")).build();

    private ServiceCommandCases() {}

    static Map<String, NetworkElementCommand> all() {
        Map<String, NetworkElementCommand> cases = new LinkedHashMap<>();
        cases.put("vm-data", VmDataCommand.builder(GUEST_ROUTER, ip("10.1.1.23"), "vm-1")
                .userData("I2Nsb3VkLWNvbmZpZwpwYWNrYWdlczogW2h0b3BdCg==").serviceOffering("Small Instance").availabilityZone("zone1")
                .userDataDetails(VmDataCommand.parseUserDataDetails("{role=web, tier=front}")).publicIp(ip("203.0.113.20"))
                .ids("7f7c3c1e-5b8e-4d53-9b8c-0d6f3f0e6a11", "7f7c3c1e-5b8e-4d53-9b8c-0d6f3f0e6a11")
                .publicKeys("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIK2mxZ5J0Wq7bTQ2 user@host")
                .cloudIdentifier("CloudStack-{4e3a2b1c-0000-4000-8000-000000000001}").hypervisorHostName("kvm-host-3")
                .cloudDomain("ROOT", "1").build());
        cases.put("save-password", new SavePasswordCommand(GUEST_ROUTER, Secret.of("p4ssw0rd-<&>="), ip("10.1.1.23"), "vm-1", true));
        cases.put("load-balancer", lb().maxconn(1000).loadBalancer(rule("lb-80", 80).build()).build());
        cases.put("load-balancer-revoked-rule", lb()
                .loadBalancer(rule("lb-80", 80).algorithm(LbAlgorithm.LEAST_CONN).build())
                .loadBalancer(rule("lb-443", 443).revoked(true).alreadyAdded(true).build()).build());
        cases.put("load-balancer-no-rules", lb().build());
        cases.put("load-balancer-vpc", LoadBalancerConfigCommand.builder(router().routerGuestIp(ip("172.16.1.1")).build(),
                        ip("172.16.1.1"), CONTROL_IP)
                .publicIp(ip("203.0.113.30")).nic(3, ip("172.16.1.1")).vpcId(7)
                .loadBalancer(LoadBalancerTO.builder("lb-vpc", ip("203.0.113.30"), 80).destination(ip("172.16.1.20"), 8080).build()).build());
        cases.put("remote-access-vpn-create", new RemoteAccessVpnCfgCommand(GUEST_ROUTER, true, false, ip("203.0.113.20"),
                new IpRange(ip("10.1.2.1"), ip("10.1.2.8")), Secret.of("s3cretPSK"), ip("10.1.1.1"), Cidr.parse("10.1.1.0/24")));
        cases.put("remote-access-vpn-remove-vpc", new RemoteAccessVpnCfgCommand(router().build(), false, true, ip("203.0.113.30"),
                new IpRange(ip("10.1.2.1"), ip("10.1.2.8")), Secret.of("s3cretPSK"), ip("172.16.0.1"), Cidr.parse("172.16.0.0/16")));
        cases.put("vpn-users", new VpnUsersCfgCommand(router().put(AccessDetails.ACCOUNT_ID, "2").build(), List.of(
                VpnUserTO.add("alice", Secret.of("pw-alice-1")),
                VpnUserTO.remove("bob", Secret.of("pw-bob")),
                VpnUserTO.add("carol@example.org", Secret.of("pw-carol")),
                VpnUserTO.remove("alice", Secret.of("pw-alice-0")))));
        cases.put("site-to-site-vpn", Site2SiteVpnCfgCommand.builder(router().build(), ip("203.0.113.30"), ip("203.0.113.1"),
                        Cidr.parse("172.16.0.0/16"), ip("198.51.100.7"))
                .peerGuestCidrs(List.of(Cidr.parse("10.0.0.0/24"), Cidr.parse("10.0.1.0/24")))
                .psk(Secret.of("s3cret")).policies("aes128-sha1;modp1536", "aes128-sha1").dpd(true)
                .ikeVersion(Site2SiteVpnConnection.IkeVersion.IKEV2).splitConnections(true).build());
        cases.put("site-to-site-vpn-remove", Site2SiteVpnCfgCommand.builder(router().build(), ip("203.0.113.30"), ip("203.0.113.1"),
                        Cidr.parse("172.16.0.0/16"), ip("198.51.100.8"))
                .create(false).peerGuestCidrs(List.of(Cidr.parse("10.8.0.0/16"))).psk(Secret.of("old-secret"))
                .policies("aes256-sha256", "aes256-sha256").lifetimesSeconds(28800, 3600).build());
        cases.put("monitor-services", SetMonitorServiceCommand.builder(router().build())
                .service(new MonitorServiceTO("ssh", "sshd", "ssh", "/etc/init.d/ssh", "/var/run/sshd.pid", true))
                .service(new MonitorServiceTO("dhcp", "dnsmasq", "dnsmasq", "/etc/init.d/dnsmasq", "/var/run/dnsmasq/dnsmasq.pid", false))
                .build());
        cases.put("monitor-health-checks-reconfigure", SetMonitorServiceCommand.builder(router().build())
                .healthChecks(new HealthCheckSettings(true, 3, 10, List.of("gateways_check.py", "iptables_check.py")))
                .healthCheckConfig(HealthCheckConfigKey.GATEWAYS, "gatewaysIps=10.1.1.1 ")
                .healthCheckConfig(HealthCheckConfigKey.SYSTEM_THRESHOLDS, "minDiskNeeded=100,maxCpuUsage=100,maxMemoryUsage=100;")
                .reconfigureAfterUpdate(true).deleteFromProcessedCache(true).build());
        cases.put("monitor-disabled", SetMonitorServiceCommand.builder(router().build()).monitoringEnabled(false)
                .healthChecks(new HealthCheckSettings(false, 0, 0, List.of())).deleteFromProcessedCache(true).build());
        return cases;
    }

    private static LoadBalancerConfigCommand.Builder lb() {
        return LoadBalancerConfigCommand.builder(GUEST_ROUTER, ip("10.1.1.1"), CONTROL_IP).publicIp(ip("203.0.113.20"));
    }

    private static LoadBalancerTO.Builder rule(String uuid, int port) {
        return LoadBalancerTO.builder(uuid, ip("203.0.113.20"), port).destination(ip("10.1.1.23"), port).destination(ip("10.1.1.24"), port);
    }
}
