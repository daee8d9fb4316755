package org.vrouter.testkit.embedding;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.vrouter.api.address.PublicIpAddress;
import org.vrouter.api.dc.DeployDestination;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.Service;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.rule.LoadBalancingRule;
import org.vrouter.api.rule.PortForwardingRule;
import org.vrouter.api.rule.StaticNat;
import org.vrouter.api.vm.Nic;
import org.vrouter.api.vm.VirtualMachineProfile;
import org.vrouter.element.VirtualRouterElement;
import org.vrouter.testkit.fixture.TestNetwork;

/**
 * The life of one isolated network, as a host controller drives it through the
 * {@link VirtualRouterElement}: the router is deployed ({@code implement}); three VMs start
 * ({@code prepare}: DHCP entry and VM data each); tcp/{@value #SSH_PORT} is opened on the source NAT
 * address; its port {@value #FORWARDED_PORT} is forwarded to vm-3's {@value #SSH_PORT}; a new public
 * address is mapped one-to-one to vm-1; another balances port {@value #LB_PORT} over vm-1 and vm-2
 * ({@value #BACKEND_PORT}). As CloudStack's API does for a rule made with {@code openfirewall=true},
 * the port forward, the static NAT ({@value #BACKEND_PORT}) and the load balancer each come with an
 * ingress firewall rule opening their public port: without it the router's per-address firewall
 * drops the traffic. Each change is first recorded in the {@link TestNetwork} (the
 * controller's store, which the router manager reads on a router start), then handed to the element,
 * as a controller does.
 *
 * <p>The end-to-end tests and {@code vrouter demo} run it. Not thread-safe; run the steps in order,
 * once.
 */
public final class IsolatedNetworkScenario {
    public static final int VM_COUNT = 3;
    public static final int SSH_PORT = 22;
    public static final int FORWARDED_PORT = 2222;
    public static final int LB_PORT = 80;
    public static final int BACKEND_PORT = 8080;

    private final EmbeddedVrouter vrouter;
    private final TestNetwork network;
    private final DeployDestination destination;

    /** The scenario over a new isolated network of {@code vrouter}'s cloud. */
    public IsolatedNetworkScenario(EmbeddedVrouter vrouter) {
        this.vrouter = requireNonNull(vrouter, "vrouter is null");
        this.network = vrouter.cloud().isolatedNetwork();
        this.destination = vrouter.cloud().destination();
    }

    /** The network, with what the steps have added so far. */
    public TestNetwork network() {
        return network;
    }

    /** The steps, in the order they must run. */
    public List<ScenarioStep> steps() {
        List<ScenarioStep> steps = new ArrayList<>();
        steps.add(new ScenarioStep("deploy the router of " + network.network().name() + " (" + network.cidr() + ")", this::implement));
        for (int i = 1; i <= VM_COUNT; i++) {
            String name = "vm-" + i;
            steps.add(new ScenarioStep("start " + name, () -> startVm(name)));
        }
        steps.add(new ScenarioStep("open tcp/" + SSH_PORT + " on the source NAT address", this::openSsh));
        steps.add(new ScenarioStep("forward a public port to vm-3", this::forwardPort));
        steps.add(new ScenarioStep("static NAT a new public address to vm-1", this::staticNat));
        steps.add(new ScenarioStep("load-balance a new public address over vm-1 and vm-2", this::loadBalance));
        return List.copyOf(steps);
    }

    /** Runs every step. */
    public void run() {
        steps().forEach(ScenarioStep::run);
    }

    private Network guest() {
        return network.network();
    }

    private VirtualRouterElement element() {
        return vrouter.element();
    }

    private String implement() {
        element().implement(guest(), guest().offering(), destination);
        DomainRouter router = vrouter.router(network);
        return "router " + router.instanceName() + " " + router.state().wireName() + ", guest " + network.gateway() + ", source NAT "
                + network.sourceNatIp().address();
    }

    private String startVm(String name) {
        VirtualMachineProfile vm = network.addVm(name);
        Nic nic = vm.nicIn(network.id()).orElseThrow();
        element().prepare(guest(), nic, vm, destination);
        return name + " at " + network.ipOf(vm) + " (" + nic.macAddress() + ")";
    }

    private String openSsh() {
        PublicIpAddress sourceNat = network.sourceNatIp();
        network.withIngressRule(sourceNat, PortRange.of(SSH_PORT));
        element().applyFirewallRules(guest(), network.firewallRules());
        return "tcp/" + SSH_PORT + " on " + sourceNat.address() + " from 0.0.0.0/0";
    }

    private String forwardPort() {
        VirtualMachineProfile vm3 = network.vm(2);
        network.withPortForward(FORWARDED_PORT, vm3, SSH_PORT);
        openFirewall(network.sourceNatIp(), FORWARDED_PORT);
        element().applyPortForwardingRules(guest(), network.portForwardingRules());
        PortForwardingRule rule = network.portForwardingRules().get(network.portForwardingRules().size() - 1);
        return rule.publicIp() + ":" + rule.publicPorts() + " -> " + rule.vmIp() + ":" + rule.privatePorts();
    }

    private String staticNat() {
        network.withStaticNat(network.vm(0));
        element().applyIps(guest(), network.publicIps(), Set.of(Service.STATIC_NAT));
        element().applyStaticNats(guest(), network.staticNats());
        StaticNat nat = network.staticNats().get(network.staticNats().size() - 1);
        openFirewall(network.publicIp(nat.publicIp()), BACKEND_PORT);
        return nat.publicIp() + " <-> " + nat.vmIp();
    }

    private String loadBalance() {
        PublicIpAddress address = network.addPublicIp();
        network.withLoadBalancer(address, LB_PORT, BACKEND_PORT, List.of(network.vm(0), network.vm(1)));
        element().applyIps(guest(), network.publicIps(), Set.of(Service.LB));
        openFirewall(address, LB_PORT);
        element().applyLoadBalancingRules(guest(), network.loadBalancingRules());
        LoadBalancingRule rule = network.loadBalancingRules().get(network.loadBalancingRules().size() - 1);
        return rule.publicIp() + ":" + rule.publicPort() + " -> " + rule.destinations().stream()
                .map(backend -> backend.address() + ":" + backend.port()).collect(Collectors.joining(", ")) + " (" + rule.algorithm().wireName() + ")";
    }

    /** What CloudStack's {@code openfirewall=true} does for a new rule: an ingress rule for its public port, applied first. */
    private void openFirewall(PublicIpAddress address, int port) {
        network.withIngressRule(address, PortRange.of(port));
        element().applyFirewallRules(guest(), network.firewallRules());
    }
}
