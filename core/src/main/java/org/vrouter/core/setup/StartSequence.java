package org.vrouter.core.setup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vrouter.api.address.PublicIpAddress;
import org.vrouter.api.command.Commands;
import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.Service;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.NetworkConfiguration;
import org.vrouter.api.rule.Direction;
import org.vrouter.api.rule.FirewallRule;
import org.vrouter.api.rule.Purpose;
import org.vrouter.api.rule.StaticNat;
import org.vrouter.api.vm.Nic;
import org.vrouter.api.vm.VirtualMachine;
import org.vrouter.api.vm.VirtualMachineProfile;
import org.vrouter.api.vpn.RemoteAccessVpn;
import org.vrouter.commands.AggregationControlCommand.Action;
import org.vrouter.commands.CommandIds;
import org.vrouter.commands.IpAssocCommand;

/**
 * The batch a freshly booted router gets (management-side §8.2, VPC tiers as §8.3): reachability
 * and version, then per guest network one aggregated batch. Stops at the first failure.
 *
 * <p>Ids: {@code checkSsh} and {@code getDomRVersion} as CloudStack's; the rest repeat per network
 * (and per VM or VLAN), so they are CloudStack's id or a descriptive name followed by
 * {@code :<network id>} and, where needed, {@code :<vm instance name>} or {@code :<vlan uri>}.
 */
final class StartSequence {
    private final RuleCommands rules;
    private final VmCommands vms;
    private final RouterCommands routers;
    private final CommandSetupSettings settings;

    StartSequence(RuleCommands rules, VmCommands vms, RouterCommands routers, CommandSetupSettings settings) {
        this.rules = rules;
        this.vms = vms;
        this.routers = routers;
        this.settings = settings;
    }

    Commands commands(DomainRouter router, Optional<VirtualMachineProfile> routerProfile, List<NetworkConfiguration> networks,
            boolean reprogram) {
        Commands.Builder batch = Commands.builder(Commands.OnError.STOP);
        batch.add(CommandIds.CHECK_SSH, RouterCommands.checkSsh(router));
        batch.add(CommandIds.GET_DOMR_VERSION, RouterCommands.version(router));
        for (NetworkConfiguration configuration : networks) {
            Network network = configuration.network();
            Optional<Nic> routerNic = routerProfile.flatMap(profile -> profile.nicIn(network.id()));
            if (network.isVpcTier() && routerNic.isPresent()) {
                batch.add(CommandIds.SETUP_GUEST_NETWORK + ":" + network.id(),
                        RouterCommands.setupGuestNetwork(router, network, routerNic.get(), true));
            }
            batch.add("aggregationStart:" + network.id(), RouterCommands.aggregation(router, network, Action.START));
            if (reprogram) {
                addAddresses(batch, router, configuration, publicMacs(routerProfile));
                addRules(batch, router, configuration, routerNic);
                routers.monitor(router, network).ifPresent(monitor -> batch.add(CommandIds.MONITOR + ":" + network.id(), monitor));
            }
            addVms(batch, router, configuration);
            batch.add("aggregationFinish:" + network.id(), RouterCommands.aggregation(router, network, Action.FINISH));
        }
        return batch.build();
    }

    /**
     * Public addresses, when the router provides a service that needs them here. CloudStack asks
     * only whether it provides Firewall, so a router providing source NAT behind another firewall
     * provider boots without its addresses; any public-address service counts here.
     */
    private static void addAddresses(Commands.Builder batch, DomainRouter router, NetworkConfiguration configuration,
            Map<BroadcastUri, MacAddress> routerMacs) {
        Network network = configuration.network();
        boolean usesPublicIps = List.of(Service.SOURCE_NAT, Service.STATIC_NAT, Service.PORT_FORWARDING, Service.LB, Service.FIREWALL,
                Service.VPN).stream().anyMatch(service -> Envelope.providedByRouter(network, service));
        if (!usesPublicIps || configuration.publicIps().isEmpty()) {
            return;
        }
        if (network.isVpcTier()) {
            VpcIpAssociation association = IpAssociations.forVpc(router, network.zone(), network.accountId(), network.publicMtu(),
                    configuration.publicIps(), routerMacs);
            association.associations().forEach(command -> batch.add(CommandIds.IP_ASSOC_VPC + ":" + network.id() + ":"
                    + command.ipAddresses().get(0).broadcastUri().map(BroadcastUri::toString).orElse("untagged"), command));
            association.sourceNat().ifPresent(command -> batch.add(CommandIds.SET_SOURCE_NAT + ":" + network.id(), command));
            return;
        }
        for (IpAssocCommand command : IpAssociations.forNetwork(router, network, configuration.publicIps(), routerMacs)) {
            batch.add(CommandIds.IP_ASSOC + ":" + network.id() + ":"
                    + command.ipAddresses().get(0).broadcastUri().map(BroadcastUri::toString).orElse("untagged"), command);
        }
    }

    /**
     * Egress firewall, IPv6 firewall, then what hangs off public addresses (only when the network
     * has some): static NAT, ingress firewall, port forwarding, static NAT rules, VPN, load
     * balancing; a VPC tier's ACL last.
     */
    private void addRules(Commands.Builder batch, DomainRouter router, NetworkConfiguration configuration, Optional<Nic> routerNic) {
        Network network = configuration.network();
        long id = network.id();
        List<FirewallRule> firewall = configuration.firewallRules();
        if (provides(network, Service.FIREWALL)) {
            List<FirewallRule> egress = filter(firewall, Direction.EGRESS, Purpose.FIREWALL);
            if (!egress.isEmpty() || network.offering().egressDefaultPolicy().isAllow() && network.cidr().isPresent()) {
                batch.add("firewallEgress:" + id, rules.egressOnStart(router, network, egress));
            }
            List<FirewallRule> ipv6 = firewall.stream().filter(rule -> rule.purpose() == Purpose.IPV6_FIREWALL).toList();
            if (network.ip6Cidr().isPresent() && (!ipv6.isEmpty() || network.offering().egressDefaultPolicy().isAllow())) {
                batch.add("ipv6Firewall:" + id, rules.ipv6Firewall(router, network, ipv6, true));
            }
        }
        List<PublicIpAddress> ips = configuration.publicIps();
        if (!ips.isEmpty()) {
            addPublicAddressRules(batch, router, configuration, routerNic);
        }
        if (network.isVpcTier() && routerNic.isPresent() && provides(network, Service.NETWORK_ACL) && !configuration.aclItems().isEmpty()) {
            batch.add("networkAcl:" + id, rules.networkAcl(router, network, routerNic.get(), configuration.aclItems(), false));
        }
    }

    private void addPublicAddressRules(Commands.Builder batch, DomainRouter router, NetworkConfiguration configuration, Optional<Nic> routerNic) {
        Network network = configuration.network();
        long id = network.id();
        List<PublicIpAddress> ips = configuration.publicIps();
        if (provides(network, Service.STATIC_NAT)) {
            List<StaticNat> nats = staticNats(configuration);
            if (!nats.isEmpty()) {
                batch.add("staticNat:" + id, rules.staticNats(router, network, nats));
            }
        }
        List<FirewallRule> ingress = filter(configuration.firewallRules(), Direction.INGRESS, Purpose.FIREWALL);
        if (provides(network, Service.FIREWALL) && !ingress.isEmpty()) {
            batch.add("firewallIngress:" + id, rules.firewall(router, network,
                    RuleCommands.byAddressOrder(ingress, rule -> rule.publicIp().orElseThrow(), ips)));
        }
        if (provides(network, Service.PORT_FORWARDING) && !configuration.portForwardingRules().isEmpty()) {
            batch.add("portForwarding:" + id, rules.portForwarding(router, network,
                    RuleCommands.byAddressOrder(configuration.portForwardingRules(), rule -> rule.publicIp(), ips)));
        }
        List<FirewallRule> staticNatRules = filter(configuration.firewallRules(), Direction.INGRESS, Purpose.STATIC_NAT);
        if (provides(network, Service.STATIC_NAT) && !staticNatRules.isEmpty()) {
            batch.add("staticNatRules:" + id, rules.staticNatRules(router, network,
                    RuleCommands.byAddressOrder(staticNatRules, rule -> rule.publicIp().orElseThrow(), ips), ips));
        }
        Optional<RemoteAccessVpn> vpn = configuration.remoteAccessVpn().filter(value -> value.state() != RemoteAccessVpn.State.REMOVED);
        if (provides(network, Service.VPN) && vpn.isPresent()) {
            if (!configuration.vpnUsers().isEmpty()) {
                batch.add(CommandIds.VPN_USERS + ":" + id,
                        VpnCommands.users(router, network.zone(), network.accountId(), configuration.vpnUsers()));
            }
            batch.add(CommandIds.START_VPN + ":" + id, VpnCommands.remoteAccess(router, network.zone(), vpn.get(), true));
        }
        if (provides(network, Service.LB) && !configuration.loadBalancingRules().isEmpty()) {
            batch.add("loadBalancer:" + id, rules.loadBalancer(router, network, configuration.loadBalancingRules(), routerNic));
        }
    }

    /**
     * DHCP entries for every VM (when the router provides Dhcp or Dns), then per VM its password
     * and VM data (when it provides UserData), whether or not the rules were reprogrammed. The
     * password goes out at start when the profile still carries one: the api contract has the
     * controller keep a password no router took, and a start is when it reaches the router.
     * CloudStack sends none here.
     */
    private void addVms(Commands.Builder batch, DomainRouter router, NetworkConfiguration configuration) {
        Network network = configuration.network();
        long id = network.id();
        List<VirtualMachineProfile> guests = configuration.vms().stream()
                .filter(vm -> vm.vm().type() == VirtualMachine.Type.USER && vm.vm().state().needsNetworkConfiguration())
                .filter(vm -> inRoutersPod(router, network, vm))
                .toList();
        if (guests.isEmpty()) {
            return;
        }
        if (provides(network, Service.DHCP) || provides(network, Service.DNS)) {
            batch.add(CommandIds.DHCP + ":" + id, vms.dhcpEntries(router, network, guests));
        }
        if (!provides(network, Service.USER_DATA)) {
            return;
        }
        for (VirtualMachineProfile vm : guests) {
            Nic nic = vm.nicIn(id).orElseThrow();
            if (nic.ipAddress().isEmpty()) {
                continue; // an IPv6-only NIC has no metadata server entry
            }
            String suffix = ":" + id + ":" + vm.vm().instanceName();
            vms.password(router, network, vm, nic).ifPresent(password -> batch.add(CommandIds.PASSWORD + suffix, password));
            batch.add(CommandIds.VM_DATA + suffix, vms.vmData(router, network, vm, nic, staticNatIpOf(configuration, nic.ipAddress().get())));
        }
    }

    private boolean inRoutersPod(DomainRouter router, Network network, VirtualMachineProfile vm) {
        if (!settings.basicZoneDnsUpdatesPodOnly() || !network.zone().isBasic() || router.podId().isEmpty()) {
            return true;
        }
        return vm.vm().podId().isPresent() && vm.vm().podId().getAsLong() == router.podId().getAsLong();
    }

    /** The one-to-one NATs: the configuration's, plus those its public addresses carry (Releasing ones revoked). */
    private static List<StaticNat> staticNats(NetworkConfiguration configuration) {
        Map<IpAddress, StaticNat> nats = new LinkedHashMap<>();
        for (PublicIpAddress ip : configuration.publicIps()) {
            if (ip.oneToOneNat()) {
                nats.put(ip.address(), new StaticNat(ip.address(), ip.associatedVmIp().orElseThrow(), configuration.network().id(),
                        ip.state() == PublicIpAddress.State.RELEASING));
            }
        }
        configuration.staticNats().forEach(nat -> nats.putIfAbsent(nat.publicIp(), nat));
        return List.copyOf(nats.values());
    }

    private static Optional<IpAddress> staticNatIpOf(NetworkConfiguration configuration, IpAddress vmIp) {
        return staticNats(configuration).stream().filter(nat -> !nat.revoked() && nat.vmIp().equals(vmIp))
                .map(StaticNat::publicIp).findFirst();
    }

    /** The router's public NIC MAC per VLAN, from the router profile. */
    private static Map<BroadcastUri, MacAddress> publicMacs(Optional<VirtualMachineProfile> routerProfile) {
        Map<BroadcastUri, MacAddress> macs = new LinkedHashMap<>();
        routerProfile.ifPresent(profile -> profile.nics().stream()
                .filter(nic -> nic.trafficType() == TrafficType.PUBLIC && nic.broadcastUri().isPresent())
                .forEach(nic -> macs.putIfAbsent(nic.broadcastUri().get(), nic.macAddress())));
        return macs;
    }

    private static boolean provides(Network network, Service service) {
        return Envelope.providedByRouter(network, service);
    }

    private static List<FirewallRule> filter(List<FirewallRule> rules, Direction direction, Purpose purpose) {
        return rules.stream().filter(rule -> rule.direction() == direction && rule.purpose() == purpose).toList();
    }
}
