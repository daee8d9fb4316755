package org.vrouter.element;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.vrouter.api.address.IpAlias;
import org.vrouter.api.address.PublicIpAddress;
import org.vrouter.api.dc.DeployDestination;
import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.error.VrouterException;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.PrivateGateway;
import org.vrouter.api.network.Vpc;
import org.vrouter.api.route.StaticRoute;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.NetworkUsage;
import org.vrouter.api.router.RouterDeployment;
import org.vrouter.api.router.RouterManager;
import org.vrouter.api.router.RouterState;
import org.vrouter.api.rule.FirewallRule;
import org.vrouter.api.rule.LoadBalancingRule;
import org.vrouter.api.rule.NetworkAclItem;
import org.vrouter.api.rule.PortForwardingRule;
import org.vrouter.api.rule.StaticNat;
import org.vrouter.api.vm.Nic;
import org.vrouter.api.vm.VirtualMachineProfile;
import org.vrouter.api.vpn.RemoteAccessVpn;
import org.vrouter.api.vpn.Site2SiteVpnConnection;
import org.vrouter.api.vpn.VpnUser;

/**
 * A router manager that records every call as one line ({@code applyFirewallRules network=5 rules=2})
 * and holds routers in the states a test gives them. It applies no state rules of its own, so a
 * test sees exactly what the element chose to send. A deployment creates the missing routers in
 * {@link #deployedState} (Running unless a test says otherwise); {@link #failOn} makes one method throw.
 */
final class FakeRouterManager implements RouterManager {
    final List<String> calls = new ArrayList<>();
    final List<RouterDeployment> deployments = new ArrayList<>();
    final List<VirtualMachineProfile> vmDataProfiles = new ArrayList<>();
    private final Map<Long, DomainRouter> routers = new TreeMap<>();
    private final Map<String, Supplier<VrouterException>> failures = new HashMap<>();
    private long nextId = 100;
    RouterState deployedState = RouterState.RUNNING;
    int routersPerDeployment = Integer.MAX_VALUE;

    FakeRouterManager with(DomainRouter... given) {
        for (DomainRouter router : given) {
            routers.put(router.id(), router);
        }
        return this;
    }

    /** Makes every call of {@code method} throw a fresh exception from {@code failure}. */
    FakeRouterManager failOn(String method, Supplier<VrouterException> failure) {
        failures.put(method, failure);
        return this;
    }

    private void record(String method, String details) {
        calls.add(details.isEmpty() ? method : method + " " + details);
        Supplier<VrouterException> failure = failures.get(method);
        if (failure != null) {
            throw failure.get();
        }
    }

    /** Calls other than the router listings, which the element makes freely. */
    List<String> sent() {
        return calls.stream().filter(call -> !call.startsWith("routers ")).toList();
    }

    @Override
    public List<DomainRouter> deployRouters(RouterDeployment deployment) {
        record("deployRouters", "network=" + deployment.network().id() + " existing=" + deployment.existingRouters().size()
                + " sourceNat=" + deployment.sourceNatIp().map(PublicIpAddress::address).map(Object::toString).orElse("none"));
        deployments.add(deployment);
        long networkId = deployment.network().id();
        int existing = deployment.existingRouters().size();
        if (deployment.vpc().isPresent()) {
            // a VPC's routers are shared: existing ones take the tier, as the manager plugs it
            List<DomainRouter> vpcRouters = vpcRoutersOf(deployment.vpc().get().id());
            existing = vpcRouters.size();
            for (DomainRouter router : vpcRouters) {
                if (!router.serves(networkId)) {
                    List<Long> ids = new ArrayList<>(router.networkIds());
                    ids.add(networkId);
                    routers.put(router.id(), router.toBuilder().networkIds(ids).build());
                }
            }
        }
        int missing = Math.min(routersPerDeployment, Math.max(0, deployment.expectedRouterCount() - existing));
        for (int i = 0; i < missing; i++) {
            long id = nextId++;
            DomainRouter.Builder builder = DomainRouter.builder(id, "router-" + id, deployment.network().zone().id(), HypervisorType.KVM, 1)
                    .networkIds(List.of(networkId))
                    .state(deployedState);
            deployment.vpc().ifPresent(vpc -> builder.vpcId(vpc.id()));
            if (deployedState == RouterState.RUNNING) {
                builder.placement(Fixtures.POD.id(), Fixtures.HOST.id());
            }
            routers.put(id, builder.build());
        }
        return routers(deployment.network().id());
    }

    @Override
    public DomainRouter start(long routerId) {
        record("start", "router=" + routerId);
        return routers.get(routerId);
    }

    @Override
    public DomainRouter stop(long routerId, boolean forced) {
        record("stop", "router=" + routerId + " forced=" + forced);
        DomainRouter stopped = routers.get(routerId).toBuilder().state(RouterState.STOPPED).noHost().build();
        routers.put(routerId, stopped);
        return stopped;
    }

    @Override
    public DomainRouter reboot(long routerId) {
        record("reboot", "router=" + routerId);
        return routers.get(routerId);
    }

    @Override
    public void destroy(long routerId) {
        record("destroy", "router=" + routerId);
        routers.remove(routerId);
    }

    @Override
    public List<DomainRouter> routers(long networkId) {
        calls.add("routers network=" + networkId);
        return routers.values().stream().filter(router -> router.serves(networkId)).toList();
    }

    @Override
    public List<DomainRouter> vpcRouters(long vpcId) {
        calls.add("routers vpc=" + vpcId);
        return vpcRoutersOf(vpcId);
    }

    private List<DomainRouter> vpcRoutersOf(long vpcId) {
        return routers.values().stream().filter(router -> router.vpcId().isPresent() && router.vpcId().getAsLong() == vpcId).toList();
    }

    @Override
    public void removeVpcTier(Network tier) {
        record("removeVpcTier", "network=" + tier.id());
        for (DomainRouter router : vpcRoutersOf(tier.vpcId().getAsLong())) {
            routers.put(router.id(), router.toBuilder().networkIds(router.networkIds().stream().filter(id -> id != tier.id()).toList())
                    .build());
        }
    }

    @Override
    public void applyPrivateGateway(PrivateGateway gateway, boolean add) {
        record("applyPrivateGateway", "gateway=" + gateway.ipAddress() + " add=" + add);
    }

    @Override
    public void applyPrivateGatewayAcl(PrivateGateway gateway) {
        record("applyPrivateGatewayAcl", "gateway=" + gateway.ipAddress() + " items=" + gateway.aclItems().size());
    }

    @Override
    public NetworkUsage networkUsage(long routerId, boolean reset) {
        record("networkUsage", "router=" + routerId + " reset=" + reset);
        return new NetworkUsage(routerId, 0, 0);
    }

    @Override
    public void applyIpAliases(Network network, List<IpAlias> aliases) {
        record("applyIpAliases", "network=" + network.id() + " aliases=" + aliases.size());
    }

    @Override
    public List<DomainRouter> refreshRedundantState(long networkId) {
        record("refreshRedundantState", "network=" + networkId);
        return routers(networkId);
    }

    @Override
    public void applyIps(Network network, List<PublicIpAddress> ips) {
        record("applyIps", "network=" + network.id() + " ips=" + ips.size());
    }

    @Override
    public void applyFirewallRules(Network network, List<FirewallRule> rules) {
        record("applyFirewallRules", "network=" + network.id() + " rules=" + rules.size());
    }

    @Override
    public void applyPortForwardingRules(Network network, List<PortForwardingRule> rules) {
        record("applyPortForwardingRules", "network=" + network.id() + " rules=" + rules.size());
    }

    @Override
    public void applyStaticNats(Network network, List<StaticNat> staticNats) {
        record("applyStaticNats", "network=" + network.id() + " rules=" + staticNats.size());
    }

    @Override
    public void applyLoadBalancingRules(Network network, List<LoadBalancingRule> rules) {
        record("applyLoadBalancingRules", "network=" + network.id() + " rules=" + rules.size());
    }

    @Override
    public void applyNetworkAcls(Network network, List<NetworkAclItem> items) {
        record("applyNetworkAcls", "network=" + network.id() + " items=" + items.size());
    }

    @Override
    public void applyStaticRoutes(Vpc vpc, List<StaticRoute> routes) {
        record("applyStaticRoutes", "vpc=" + vpc.id() + " routes=" + routes.size());
    }

    @Override
    public void applyDhcpEntry(Network network, VirtualMachineProfile vm, Nic nic) {
        record("applyDhcpEntry", "network=" + network.id() + " vm=" + vm.vm().instanceName() + " ip=" + nic.ipAddress().orElseThrow());
    }

    @Override
    public void removeDhcpEntry(Network network, VirtualMachineProfile vm, Nic nic) {
        record("removeDhcpEntry", "network=" + network.id() + " vm=" + vm.vm().instanceName());
    }

    @Override
    public void applyVmData(Network network, VirtualMachineProfile vm, Nic nic) {
        vmDataProfiles.add(vm);
        record("applyVmData", "network=" + network.id() + " vm=" + vm.vm().instanceName() + " password=" + vm.password().isPresent());
    }

    @Override
    public void savePassword(Network network, VirtualMachineProfile vm, Nic nic) {
        record("savePassword", "network=" + network.id() + " vm=" + vm.vm().instanceName());
    }

    @Override
    public void applyVpnUsers(RemoteAccessVpn vpn, List<VpnUser> users) {
        record("applyVpnUsers", "vpn=" + vpn.id() + " users=" + users.size());
    }

    @Override
    public void startRemoteAccessVpn(RemoteAccessVpn vpn, List<VpnUser> users) {
        record("startRemoteAccessVpn", "vpn=" + vpn.id() + " users=" + users.size());
    }

    @Override
    public void stopRemoteAccessVpn(RemoteAccessVpn vpn) {
        record("stopRemoteAccessVpn", "vpn=" + vpn.id());
    }

    @Override
    public void startSite2SiteVpn(Site2SiteVpnConnection connection) {
        record("startSite2SiteVpn", "");
    }

    @Override
    public void stopSite2SiteVpn(Site2SiteVpnConnection connection) {
        record("stopSite2SiteVpn", "");
    }

    @Override
    public void prepareAggregatedExecution(Network network, DeployDestination destination) {
        record("prepareAggregatedExecution", "network=" + network.id());
    }

    @Override
    public void completeAggregatedExecution(Network network, DeployDestination destination) {
        record("completeAggregatedExecution", "network=" + network.id());
    }

    @Override
    public void cleanupAggregatedExecution(Network network, DeployDestination destination) {
        record("cleanupAggregatedExecution", "network=" + network.id());
    }

    Optional<DomainRouter> router(long id) {
        return Optional.ofNullable(routers.get(id));
    }
}
