package org.vrouter.core.setup;

import java.util.Optional;

import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.DnsServers;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.Service;
import org.vrouter.api.network.Vpc;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.vm.Nic;
import org.vrouter.commands.AccessDetails;
import org.vrouter.commands.AggregationControlCommand;
import org.vrouter.commands.CheckSshCommand;
import org.vrouter.commands.GetDomRVersionCommand;
import org.vrouter.commands.NetworkUsageCommand;
import org.vrouter.commands.SetMonitorServiceCommand;
import org.vrouter.commands.SetupGuestNetworkCommand;

/** Commands about the router itself: reachability, version, batches, monitor, VPC tier plumbing. */
final class RouterCommands {
    private final CommandSetupSettings settings;

    RouterCommands(CommandSetupSettings settings) {
        this.settings = settings;
    }

    static CheckSshCommand checkSsh(DomainRouter router) {
        return CheckSshCommand.of(router.instanceName(), Envelope.controlIp(router));
    }

    static GetDomRVersionCommand version(DomainRouter router) {
        return new GetDomRVersionCommand(Envelope.router(router).build());
    }

    /** Start or finish of the router's batch for one network, keyed by the router name. */
    static AggregationControlCommand aggregation(DomainRouter router, Network network, AggregationControlCommand.Action action) {
        Envelope.requireServes(router, network);
        Optional<IpAddress> guestIp = router.guestIp(network.id());
        return guestIp.isPresent()
                ? AggregationControlCommand.of(action, router.instanceName(), Envelope.controlIp(router), guestIp.get())
                : AggregationControlCommand.of(action, router.instanceName(), Envelope.controlIp(router));
    }

    /**
     * The services the router's monitor restarts when they die: dhcp where the router provides
     * Dhcp or Dns, loadbalancing where it provides Lb, then the defaults ssh and webserver. Empty
     * for a redundant router (offering or VPC), whose services keepalived starts and stops (a monitor would restart
     * dnsmasq on the backup). Access details: {@code router.ip}, {@code router.guest.ip},
     * {@code router.name}, and {@code router.monitor.enabled=false} when monitoring is off.
     */
    Optional<SetMonitorServiceCommand> monitor(DomainRouter router, Network network) {
        if (router.redundant()) {
            return Optional.empty();
        }
        SetMonitorServiceCommand.Builder command = SetMonitorServiceCommand.builder(Envelope.guest(router, network).build())
                .monitoringEnabled(settings.monitoringEnabled());
        if (Envelope.providedByRouter(network, Service.DHCP) || Envelope.providedByRouter(network, Service.DNS)) {
            command.service(MonitoredServices.DHCP);
        }
        if (Envelope.providedByRouter(network, Service.LB)) {
            command.service(MonitoredServices.LOAD_BALANCING);
        }
        return Optional.of(command.service(MonitoredServices.SSH).service(MonitoredServices.WEBSERVER).build());
    }

    /**
     * Plugs (or unplugs) a VPC tier on the router's NIC there. The DHCP range starts at the
     * network's first host address; name servers only when the router provides Dns or Dhcp;
     * {@code vr_guest_gateway} when it provides SourceNat or Gateway. The command derives
     * {@code router.guest.ip}, {@code guest.network.gateway}, {@code guest.bridge} and
     * {@code guest.vlan.tag} from the NIC; the network's gateway stands in for a NIC without one.
     */
    static SetupGuestNetworkCommand setupGuestNetwork(DomainRouter router, Network network, Nic routerNic, boolean add) {
        Envelope.requireServes(router, network);
        Envelope.requireNicIn(routerNic, network);
        AccessDetails.Builder details = Envelope.router(router);
        if (routerNic.gateway().isEmpty()) {
            network.gateway().ifPresent(gateway -> details.put(AccessDetails.GUEST_NETWORK_GATEWAY, gateway.value()));
        }
        SetupGuestNetworkCommand.Builder command = SetupGuestNetworkCommand.builder(details.build(), TransferObjects.nic(routerNic, network))
                .add(add)
                .redundant(router.redundant())
                .vrGuestGateway(Envelope.providedByRouter(network, Service.SOURCE_NAT) || Envelope.providedByRouter(network, Service.GATEWAY));
        network.cidr().map(RouterCommands::firstHost).ifPresent(command::dhcpRange);
        network.networkDomain().ifPresent(command::networkDomain);
        if (Envelope.providedByRouter(network, Service.DNS) || Envelope.providedByRouter(network, Service.DHCP)) {
            DnsServers dns = network.effectiveDns();
            if (dns.dns1().isPresent()) {
                command.dns(dns.dns1().get());
                dns.dns2().ifPresent(second -> command.dns(dns.dns1().get(), second));
            }
            if (dns.ip6Dns1().isPresent()) {
                command.ip6Dns(dns.ip6Dns1().get());
                dns.ip6Dns2().ifPresent(second -> command.ip6Dns(dns.ip6Dns1().get(), second));
            }
        }
        return command.build();
    }

    /** An isolated router's byte counters ({@code NetworkUsageCommand}, IP and NAME). */
    static NetworkUsageCommand networkUsage(DomainRouter router, NetworkUsageCommand.Option option) {
        return NetworkUsageCommand.of(Envelope.router(router).build(), option);
    }

    /** A VPC router's byte counters on the interface of {@code publicIp}, guest side {@code vpc}'s CIDR. */
    static NetworkUsageCommand vpcNetworkUsage(DomainRouter router, Vpc vpc, IpAddress publicIp, NetworkUsageCommand.Option option) {
        RuleCommands.requireRouterOf(router, vpc);
        return NetworkUsageCommand.forVpc(Envelope.router(router).build(), option, publicIp, vpc.cidr());
    }

    /** The address after the network address ({@code NetUtils.getDhcpRange}). */
    static IpAddress firstHost(Cidr cidr) {
        byte[] bytes = cidr.network().address().bytes();
        for (int i = bytes.length - 1; i >= 0; i--) {
            bytes[i]++;
            if (bytes[i] != 0) {
                break;
            }
        }
        return IpAddress.ofBytes(bytes);
    }
}
