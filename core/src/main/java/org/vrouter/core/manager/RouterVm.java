package org.vrouter.core.manager;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vrouter.api.address.PublicIpAddress;
import org.vrouter.api.bootargs.BootArgs;
import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.network.ServiceOffering;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.NetworkConfiguration;
import org.vrouter.api.router.RedundantState;
import org.vrouter.api.vm.Nic;
import org.vrouter.api.vm.VirtualMachine;
import org.vrouter.api.vm.VirtualMachineProfile;
import org.vrouter.api.vm.VmTemplate;
import org.vrouter.commands.StartCommand;
import org.vrouter.commands.to.NicTO;
import org.vrouter.commands.to.VirtualMachineTO;

/**
 * The router as a VM: its profile before the guru shapes it, the {@code StartCommand} built from the
 * shaped profile, and the addresses the profile puts onto the router (CloudStack's
 * {@code finalizeDeployment}).
 */
final class RouterVm {
    private static final long MIB = 1024L * 1024;

    private RouterVm() {}

    /** The router's profile before the guru: these NICs, no boot arguments, no secrets. */
    static VirtualMachineProfile profile(DomainRouter router, List<Nic> nics, VmTemplate template, ServiceOffering offering) {
        VirtualMachine vm = VirtualMachine.of(router.id(), router.uuid(), router.instanceName(), router.instanceName(),
                VirtualMachine.Type.DOMAIN_ROUTER, VirtualMachine.State.STARTING);
        return new VirtualMachineProfile(vm, nics, BootArgs.empty(), template, offering, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * The hypervisor's start command for the shaped profile: size from the service offering, boot
     * arguments, NICs in device order. No disks: the hypervisor resource resolves the router's
     * template ({@code router.template.<hypervisor>}) to its root disk.
     */
    static StartCommand startCommand(DomainRouter router, VirtualMachineProfile profile) {
        ServiceOffering offering = profile.serviceOffering();
        VirtualMachineTO.Builder vm = VirtualMachineTO.builder(router.instanceName(), VirtualMachine.Type.DOMAIN_ROUTER, router.uuid())
                .cpu(offering.cpus(), offering.speedMhz())
                .ramBytes(offering.ramMb() * MIB, offering.ramMb() * MIB)
                .bootArgs(profile.bootArgs());
        // a VPC router boots with its control NIC; the others are plugged once it answers
        profile.nics().stream().filter(nic -> router.vpcId().isEmpty() || nic.trafficType() == TrafficType.CONTROL).forEach(nic -> vm.nic(nicTo(nic)));
        return StartCommand.of(vm.build());
    }

    private static NicTO nicTo(Nic nic) {
        NicTO.Builder builder = NicTO.builder(nic.deviceId(), nic.macAddress(), nic.trafficType()).defaultNic(nic.defaultNic());
        if (nic.ipAddress().isPresent()) {
            if (nic.gateway().isPresent()) {
                builder.ipv4(nic.ipAddress().get(), nic.netmask().orElseThrow(), nic.gateway().get());
            }
            else {
                builder.ipv4(nic.ipAddress().get(), nic.netmask().orElseThrow());
            }
        }
        nic.broadcastUri().ifPresent(builder::broadcastUri);
        nic.isolationUri().ifPresent(builder::isolationUri);
        nic.dns().dns1().filter(IpAddress::isIpv4).ifPresent(dns1 -> nic.dns().dns2().filter(IpAddress::isIpv4)
                .ifPresentOrElse(dns2 -> builder.dns(dns1, dns2), () -> builder.dns(dns1)));
        nic.mtu().ifPresent(builder::mtu);
        if (nic.ip6Address().isPresent() && nic.ip6Gateway().isPresent() && nic.ip6Cidr().isPresent()) {
            builder.ipv6(nic.ip6Address().get(), nic.ip6Gateway().get(), nic.ip6Cidr().get());
        }
        return builder.build();
    }

    /**
     * The router with the control, public and guest addresses of the profile's NICs and, for a
     * redundant router, the role its boot arguments give it.
     */
    static DomainRouter withProfile(DomainRouter router, VirtualMachineProfile profile) {
        DomainRouter.Builder updated = router.toBuilder();
        Map<Long, IpAddress> guestIps = new HashMap<>(router.guestIps());
        for (Nic nic : profile.nics()) {
            Optional<IpAddress> address = nic.ipAddress().or(nic::ip6Address);
            if (address.isEmpty()) {
                continue;
            }
            if (nic.trafficType() == TrafficType.CONTROL && address.get().isIpv4()) {
                updated.controlIp(address.get());
            }
            else if (nic.trafficType() == TrafficType.PUBLIC) {
                updated.publicIp(address.get());
            }
            else if (nic.trafficType() == TrafficType.GUEST && router.serves(nic.networkId())) {
                guestIps.put(nic.networkId(), address.get());
            }
        }
        if (router.redundant()) {
            updated.redundantState(profile.bootArgs().redundantState().orElse(RedundantState.UNKNOWN));
        }
        return updated.guestIps(guestIps).build();
    }

    /** The MAC of the router's public NIC per VLAN. */
    static Map<BroadcastUri, MacAddress> publicMacs(VirtualMachineProfile profile) {
        Map<BroadcastUri, MacAddress> macs = new LinkedHashMap<>();
        profile.nics().stream()
                .filter(nic -> nic.trafficType() == TrafficType.PUBLIC && nic.broadcastUri().isPresent())
                .forEach(nic -> macs.putIfAbsent(nic.broadcastUri().get(), nic.macAddress()));
        return macs;
    }

    /** {@code ips} with the router's public NIC MAC on their VLAN filled in where they have none (the wire's {@code vif_mac_address}). */
    static List<PublicIpAddress> withRouterMacs(List<PublicIpAddress> ips, Map<BroadcastUri, MacAddress> macs) {
        return ips.stream()
                .map(ip -> ip.macAddress().isEmpty() && macs.containsKey(ip.broadcastUri()) ? ip.withMacAddress(macs.get(ip.broadcastUri())) : ip)
                .toList();
    }

    /** The configuration with the router's public NIC MACs on its addresses, so the start batch's IP association names the NICs. */
    static NetworkConfiguration withRouterMacs(NetworkConfiguration configuration, Map<BroadcastUri, MacAddress> macs) {
        if (macs.isEmpty() || configuration.publicIps().isEmpty()) {
            return configuration;
        }
        return configuration.withPublicIps(withRouterMacs(configuration.publicIps(), macs));
    }
}
