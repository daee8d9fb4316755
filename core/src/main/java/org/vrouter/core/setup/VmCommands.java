package org.vrouter.core.setup;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.network.GuestType;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.Service;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.vm.Nic;
import org.vrouter.api.vm.VirtualMachineProfile;
import org.vrouter.commands.AccessDetails;
import org.vrouter.commands.SavePasswordCommand;
import org.vrouter.commands.SetDhcpConfigCommand;
import org.vrouter.commands.VmDataCommand;
import org.vrouter.commands.to.DhcpEntryTO;

/** Per-VM commands: DHCP entries, user data and metadata, passwords. */
final class VmCommands {
    private final CommandSetupSettings settings;

    VmCommands(CommandSetupSettings settings) {
        this.settings = settings;
    }

    SetDhcpConfigCommand dhcpEntry(DomainRouter router, Network network, VirtualMachineProfile vm, Nic nic, boolean remove) {
        return new SetDhcpConfigCommand(Envelope.inNetwork(router, network).build(),
                List.of(dhcpEntryTo(router, network, vm, nic, remove)), settings.executeInSequence());
    }

    /** One command with an entry per VM NIC in the network (the wire still gets one file per entry). */
    SetDhcpConfigCommand dhcpEntries(DomainRouter router, Network network, List<VirtualMachineProfile> vms) {
        List<DhcpEntryTO> entries = vms.stream()
                .map(vm -> dhcpEntryTo(router, network, vm, vm.nicIn(network.id()).orElseThrow(), false)).toList();
        return new SetDhcpConfigCommand(Envelope.inNetwork(router, network).build(), entries, settings.executeInSequence());
    }

    private DhcpEntryTO dhcpEntryTo(DomainRouter router, Network network, VirtualMachineProfile vm, Nic nic, boolean remove) {
        Envelope.requireNicIn(nic, network);
        DhcpEntryTO.Builder entry = DhcpEntryTO.builder(nic.macAddress(), vm.vm().hostName())
                .defaultEntry(nic.defaultNic())
                .leaseTimeSeconds(settings.dhcpLeaseTimeSeconds())
                .remove(remove);
        nic.ipAddress().ifPresent(entry::ipv4);
        nic.ip6Address().ifPresent(entry::ipv6);
        nic.gateway().ifPresent(entry::defaultGateway);
        nic.ip6Gateway().ifPresent(entry::ipv6Gateway);
        defaultDns(router, network, vm).ifPresent(entry::dns);
        return entry.build();
    }

    /**
     * The name server handed to the VM: none unless the virtual router provides Dns in the VM's
     * default network. Then the router's own address in it, or for a redundant router (a redundant
     * offering or VPC) the network gateway, which is the VRRP address both routers serve. CloudStack means the same
     * ({@code findGatewayIp}) but sends the VM's own default NIC address, which resolves nothing;
     * that defect is not reproduced. When the default NIC is in another network than the one being
     * programmed, its router is unknown here and no name server is sent.
     */
    private static Optional<IpAddress> defaultDns(DomainRouter router, Network network, VirtualMachineProfile vm) {
        Optional<Nic> defaultNic = vm.defaultNic();
        if (defaultNic.isEmpty() || defaultNic.get().networkId() != network.id() || !Envelope.providedByRouter(network, Service.DNS)) {
            return Optional.empty();
        }
        if (router.redundant()) {
            return defaultNic.get().gateway().filter(IpAddress::isIpv4);
        }
        return router.guestIp(network.id()).filter(IpAddress::isIpv4);
    }

    /**
     * The VM's metadata in CloudStack's order (the command's builder keeps it). {@code public-ipv4}:
     * in a Basic zone or a Shared network the VM's own address; otherwise its static NAT address
     * when it has one, else the router's public (source NAT) address.
     *
     * @param staticNatIp the public address static-NATed to the VM, if any
     * @throws InvalidParameterException when the NIC has no IPv4 address (the metadata server is keyed by it)
     */
    VmDataCommand vmData(DomainRouter router, Network network, VirtualMachineProfile vm, Nic nic, Optional<IpAddress> staticNatIp) {
        IpAddress vmIp = requireIpv4(vm, Envelope.requireNicIn(nic, network));
        VmDataCommand.Builder data = VmDataCommand.builder(Envelope.inNetwork(router, network).build(), vmIp, vm.vm().hostName())
                .userData(vm.userData().map(Secret::reveal).orElse(""))
                .serviceOffering(vm.serviceOffering().name())
                .availabilityZone(network.zone().name())
                .ids(vm.vm().uuid(), vm.vm().uuid())
                .publicKeys(vm.sshPublicKey().orElse(""))
                .cloudIdentifier(settings.cloudIdentifier().map(id -> "CloudStack-{" + id + "}").orElse(""))
                .executeInSequence(settings.executeInSequence());
        boolean ownAddress = network.zone().isBasic() || network.guestType().filter(type -> type == GuestType.SHARED).isPresent();
        Optional<IpAddress> publicIp = ownAddress ? Optional.of(vmIp) : requireNonNull(staticNatIp, "staticNatIp is null").or(router::publicIp);
        publicIp.ifPresent(data::publicIp);
        return data.build();
    }

    /** The password command, only when the profile carries a password and {@code nic} is the VM's default NIC. */
    Optional<SavePasswordCommand> password(DomainRouter router, Network network, VirtualMachineProfile vm, Nic nic) {
        Envelope.requireNicIn(nic, network);
        if (vm.password().isEmpty() || !nic.defaultNic()) {
            return Optional.empty();
        }
        AccessDetails details = Envelope.inNetwork(router, network).build();
        return Optional.of(new SavePasswordCommand(details, vm.password().get(), requireIpv4(vm, nic), vm.vm().hostName(),
                settings.executeInSequence()));
    }

    private static IpAddress requireIpv4(VirtualMachineProfile vm, Nic nic) {
        return nic.ipAddress().orElseThrow(() -> new InvalidParameterException("ip_address",
                "NIC of " + vm.vm().instanceName() + " in network " + nic.networkId() + " has no IPv4 address"));
    }
}
