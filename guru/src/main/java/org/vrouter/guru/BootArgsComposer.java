package org.vrouter.guru;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.vrouter.api.bootargs.BootArgs;
import org.vrouter.api.bootargs.BootArgsBuilder;
import org.vrouter.api.bootargs.RouterType;
import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.dc.Pod;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.DnsServers;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.Provider;
import org.vrouter.api.network.Service;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.network.Vpc;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.RouterDeployment;
import org.vrouter.api.vm.Nic;
import org.vrouter.api.vm.VirtualMachineProfile;

/**
 * Writes a router's boot-argument line in CloudStack's emission order (management-side §7.3,
 * wire-format §9.2): the VPC prefix, identity and keys, then per NIC in device order its addresses
 * and the keys of its traffic type, then the router type and the DNS and log settings.
 *
 * <p>NICs are written in device order (eth0, eth1, eth2), as in the wire-format examples. CloudStack
 * walks its profile's NICs default NIC first, then in allocation order; the router reads the line
 * into a map, so only repeated keys could tell the two orders apart, and there is one:
 *
 * <p>The redundant group of a non-VPC router is written once, at the guest NIC, with the real
 * decision ({@code PRIMARY} for the network's first router, else {@code BACKUP}). CloudStack writes
 * it twice: at the control NIC with a state computed against the control network, which is always
 * {@code PRIMARY}, and at the guest NIC with the real decision (plus a third {@code advert_int}).
 * The router keeps the last occurrence. If the control group comes first (the wire-format reference
 * assumes so), our line gives the router the same {@code cmd_line} (a test shows it); if CloudStack's
 * default-NIC-first order puts the control group last, CloudStack's effective state is
 * {@code PRIMARY} on both members, and ours is the intended one. Either way the value only seeds
 * the router's initial state: keepalived starts every member as BACKUP with {@code nopreempt}.
 */
final class BootArgsComposer {
    private final GuruSettings settings;

    BootArgsComposer(GuruSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** What the NIC loop learns and the global keys need. */
    private static final class NicFacts {
        private boolean control;
        private boolean publicNic;
        private boolean guest;
        private DnsServers defaultDns = DnsServers.none();
    }

    BootArgs compose(DomainRouter router, VirtualMachineProfile profile, RouterDeployment deployment) {
        BootArgsBuilder args = BootArgs.builder();
        deployment.vpc().ifPresent(vpc -> vpcPrefix(args, vpc, deployment));
        args.template("domP").name(profile.vm().hostName());
        settings.systemVmPassword().ifPresent(args::vmPassword);
        settings.managementPublicKey().ifPresent(key -> args.authorizedKey(encodedKey(key)));
        NicFacts facts = new NicFacts();
        List<Nic> nics = profile.nics().stream().sorted(Comparator.comparingInt(Nic::deviceId)).toList();
        for (Nic nic : nics) {
            nicArgs(args, nic, facts, router, deployment);
        }
        if (!facts.control) {
            throw new InvalidParameterException("nics", "no control NIC: management could never reach " + router.displayName()
                    + " (CloudStack: \"Didn't start a control port\")");
        }
        args.type(deployment.vpc().isPresent() ? RouterType.VPC_ROUTER : facts.publicNic ? RouterType.ROUTER : RouterType.DHCP_SERVER);
        if (settings.disableRpFilter()) {
            args.disableRpFilter(true);
        }
        if (!settings.dnsSearchOrder().isEmpty()) {
            args.dnsSearchOrder(settings.dnsSearchOrder());
        }
        dnsArgs(args, facts, deployment);
        if (settings.exposeDns()) {
            args.exposeDns(true);
        }
        return args.logRotateFrequency(settings.logRotateFrequency()).build();
    }

    /** The management server's public key as CloudStack sends it: base64 of the OpenSSH line. */
    static String encodedKey(String openSshKey) {
        return Base64.getEncoder().encodeToString(openSshKey.strip().getBytes(StandardCharsets.UTF_8));
    }

    /** {@code vpccidr= domain= dns1= [dns2=]}: the DNS of the public side (the VPC's, else the zone's). */
    private static void vpcPrefix(BootArgsBuilder args, Vpc vpc, RouterDeployment deployment) {
        args.vpcCidr(vpc.cidr());
        vpc.networkDomain().ifPresent(args::domain);
        DnsServers dns = vpc.dns().isEmpty() ? deployment.network().zone().dns() : vpc.dns();
        dns.dns1().ifPresent(args::dns1);
        dns.dns2().ifPresent(args::dns2);
    }

    private void nicArgs(BootArgsBuilder args, Nic nic, NicFacts facts, DomainRouter router, RouterDeployment deployment) {
        int device = nic.deviceId();
        nic.ipAddress().ifPresent(address -> args.nic(device, address, nic.netmask().orElseThrow()));
        nic.ip6Address().ifPresent(address -> args.nicIp6(device, address, nic.ip6Cidr().orElseThrow().prefixLength()));
        if (nic.defaultNic()) {
            nic.gateway().ifPresent(args::gateway);
            nic.ip6Gateway().ifPresent(args::ip6Gateway);
            facts.defaultDns = nic.dns();
        }
        switch (nic.trafficType()) {
            case MANAGEMENT -> deployment.destination().pod().map(Pod::gateway).ifPresent(args::localGateway);
            case CONTROL -> {
                facts.control = true;
                controlArgs(args, router, deployment);
            }
            case GUEST -> {
                facts.guest = true;
                guestArgs(args, nic, router, deployment);
            }
            case PUBLIC -> {
                facts.publicNic = true;
                args.publicMtu(nic.mtu().orElse(NicPlanner.DEFAULT_MTU));
            }
            case STORAGE, VPN -> {
                // addresses only
            }
        }
    }

    /** VPC redundant group; VMware's way back to the management server; Basic-zone SSH on VMware. */
    private void controlArgs(BootArgsBuilder args, DomainRouter router, RouterDeployment deployment) {
        if (router.redundant() && deployment.vpc().isPresent()) {
            redundantGroup(args, router, deployment);
        }
        if (router.hypervisorType() == HypervisorType.VMWARE) {
            Optional<Pod> pod = deployment.destination().pod();
            if (settings.managementCidr().isPresent() && pod.isPresent()) {
                args.managementCidr(settings.managementCidr().get()).localGateway(pod.get().gateway());
            }
            if (deployment.network().zone().isBasic()) {
                args.sshOnGuest(false);
            }
        }
    }

    private void redundantGroup(BootArgsBuilder args, DomainRouter router, RouterDeployment deployment) {
        args.redundantRouter().advertInterval(settings.advertInterval());
        deployment.vpc().ifPresent(vpc -> args.routerId(vpc.id()).routerPassword(RedundantRole.vpcRouterPassword(vpc)));
        args.redundantState(RedundantRole.initialState(router, deployment.existingRouters()));
    }

    private void guestArgs(BootArgsBuilder args, Nic nic, DomainRouter router, RouterDeployment deployment) {
        Network network = deployment.network();
        if (nic.networkId() != network.id()) {
            throw new InvalidParameterException("nics[" + nic.deviceId() + "].network_id", "is not the deployment's guest network "
                    + network.id(), nic.networkId());
        }
        args.privateMtu(nic.mtu().orElse(NicPlanner.DEFAULT_MTU));
        if (network.ip6Cidr().isPresent()) {
            args.ip6Firewall(true);
        }
        if (router.redundant() && deployment.vpc().isEmpty()) {
            redundantGroup(args, router, deployment);
            network.gateway().ifPresent(args::guestGateway);
            network.ip6Gateway().ifPresent(args::guestGateway6);
            network.ip6Cidr().ifPresent(cidr -> args.guestCidr6Size(cidr.prefixLength()));
            nic.ipv4Cidr().ifPresent(cidr -> args.guestBroadcast(cidr.broadcast()).guestCidrSize(cidr.prefixLength()));
        }
        network.networkDomain().ifPresent(args::domain);
        dhcpRangeSubnet(nic, network).ifPresent(subnet -> args.cidrSize(subnet.prefixLength()).dhcpRange(firstAddress(subnet)));
    }

    /** Basic zone: the default NIC's subnet; Advanced: the network CIDR. */
    private static Optional<Cidr> dhcpRangeSubnet(Nic nic, Network network) {
        if (network.zone().isBasic()) {
            return nic.defaultNic() ? nic.ipv4Cidr().map(Cidr::network) : Optional.empty();
        }
        return network.cidr();
    }

    /** The address after the network address: where CloudStack's DHCP range starts. */
    private static IpAddress firstAddress(Cidr subnet) {
        byte[] bytes = subnet.network().address().bytes();
        for (int i = bytes.length - 1; i >= 0; i--) {
            bytes[i]++;
            if (bytes[i] != 0) {
                break;
            }
        }
        return IpAddress.ofBytes(bytes);
    }

    /**
     * When the router serves DHCP or DNS: the default NIC's name servers, and {@code useextdns=true}
     * when the router does not serve DNS itself or the zone says so. A VPC router boots without a
     * guest NIC, so both count as served, as in CloudStack.
     */
    private void dnsArgs(BootArgsBuilder args, NicFacts facts, RouterDeployment deployment) {
        Network network = deployment.network();
        Provider provider = deployment.vpc().isPresent() ? Provider.VPC_VIRTUAL_ROUTER : Provider.VIRTUAL_ROUTER;
        boolean dnsProvided = !facts.guest || network.isProvidedBy(Service.DNS, provider);
        boolean dhcpProvided = !facts.guest || network.isProvidedBy(Service.DHCP, provider);
        if (!dnsProvided && !dhcpProvided) {
            return;
        }
        facts.defaultDns.dns1().ifPresent(args::dns1);
        facts.defaultDns.dns2().ifPresent(args::dns2);
        facts.defaultDns.ip6Dns1().ifPresent(args::ip6Dns1);
        facts.defaultDns.ip6Dns2().ifPresent(args::ip6Dns2);
        if (!dnsProvided || settings.useExternalDns()) {
            args.useExternalDns(true);
        }
    }
}
