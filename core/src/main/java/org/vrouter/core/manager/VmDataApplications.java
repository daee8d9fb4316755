package org.vrouter.core.manager;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.vrouter.api.address.IpAlias;
import org.vrouter.api.address.PublicIpAddress;
import org.vrouter.api.command.Commands;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.network.Network;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.NetworkConfiguration;
import org.vrouter.api.router.NetworkConfigurationSource;
import org.vrouter.api.router.VmDataApplier;
import org.vrouter.api.rule.StaticNat;
import org.vrouter.api.vm.Nic;
import org.vrouter.api.vm.VirtualMachineProfile;
import org.vrouter.commands.CommandIds;
import org.vrouter.commands.NetworkElementCommand;
import org.vrouter.core.setup.CommandSetupHelper;

/**
 * The {@link VmDataApplier} half of {@link RouterManagerImpl}: DHCP entries, VM data and passwords
 * through {@link RouterDispatch}, under {@link Commands.OnError#STOP} as CloudStack's user-data and
 * DHCP appliers do. In a Basic zone only the routers of the VM's pod are programmed.
 */
final class VmDataApplications implements VmDataApplier {
    private final RouterOperations operations;
    private final RouterDispatch dispatch;
    private final CommandSetupHelper helper;
    private final NetworkConfigurationSource source;

    VmDataApplications(RouterOperations operations, RouterDispatch dispatch, CommandSetupHelper helper, NetworkConfigurationSource source) {
        this.operations = requireNonNull(operations, "operations is null");
        this.dispatch = requireNonNull(dispatch, "dispatch is null");
        this.helper = requireNonNull(helper, "helper is null");
        this.source = requireNonNull(source, "source is null");
    }

    @Override
    public void applyDhcpEntry(Network network, VirtualMachineProfile vm, Nic nic) {
        dispatch.apply("DHCP entry", routersFor(network, vm),
                router -> Commands.of(CommandIds.DHCP, helper.createDhcpEntryCommand(router, network, vm, nic, false)));
    }

    @Override
    public void removeDhcpEntry(Network network, VirtualMachineProfile vm, Nic nic) {
        dispatch.apply("DHCP entry removal", routersFor(network, vm),
                router -> Commands.of(CommandIds.DHCP, helper.createDhcpEntryCommand(router, network, vm, nic, true)));
    }

    /** The password (when one is pending on the default NIC) goes first, then the VM data with the VM's static NAT address as {@code public-ipv4}. */
    @Override
    public void applyVmData(Network network, VirtualMachineProfile vm, Nic nic) {
        Supplier<Optional<IpAddress>> staticNatIp = memoize(() -> staticNatIp(source.load(network.id()), nic));
        dispatch.apply("VM data", routersFor(network, vm), router -> {
            Commands.Builder batch = Commands.builder(Commands.OnError.STOP);
            helper.createPasswordCommand(router, network, vm, nic).ifPresent(password -> batch.add(CommandIds.PASSWORD, password));
            return batch.add(CommandIds.VM_DATA, helper.createVmDataCommand(router, network, vm, nic, staticNatIp.get())).build();
        });
    }

    /** {@inheritDoc} Nothing is sent when the profile has no password or {@code nic} is not the default NIC. */
    @Override
    public void savePassword(Network network, VirtualMachineProfile vm, Nic nic) {
        dispatch.apply("password", routersFor(network, vm), router -> helper.createPasswordCommand(router, network, vm, nic)
                .map(password -> Commands.of(CommandIds.PASSWORD, password))
                .orElseGet(() -> Commands.builder(Commands.OnError.STOP).build()));
    }

    /** Under {@link Commands.OnError#STOP}: the alias command, then {@code dnsMasqConfig}. Checked for the network before any router is touched. */
    @Override
    public void applyIpAliases(Network network, List<IpAlias> aliases) {
        for (int i = 0; i < aliases.size(); i++) {
            if (aliases.get(i).networkId() != network.id()) {
                throw new InvalidParameterException("aliases[" + i + "].network_id", "belongs to another network than " + network.id(),
                        aliases.get(i).networkId());
            }
        }
        if (aliases.isEmpty()) {
            return;
        }
        boolean removing = aliases.stream().anyMatch(IpAlias::revoked);
        dispatch.apply("IP aliases", operations.routers(network.id()), router -> {
            List<NetworkElementCommand> commands = helper.createIpAliasCommands(router, network, aliases);
            return Commands.builder(Commands.OnError.STOP)
                    .add(removing ? CommandIds.DELETE_IP_ALIAS : CommandIds.IP_ALIAS, commands.get(0))
                    .add(CommandIds.DNSMASQ_CONFIG, commands.get(1))
                    .build();
        });
    }

    private List<DomainRouter> routersFor(Network network, VirtualMachineProfile vm) {
        List<DomainRouter> routers = operations.routers(network.id());
        if (!network.zone().isBasic() || vm.vm().podId().isEmpty()) {
            return routers;
        }
        long pod = vm.vm().podId().getAsLong();
        return routers.stream().filter(router -> router.podId().isEmpty() || router.podId().getAsLong() == pod).toList();
    }

    /** The public address static-NATed to the NIC's address, from the network's addresses or its static NATs. */
    private static Optional<IpAddress> staticNatIp(NetworkConfiguration configuration, Nic nic) {
        if (nic.ipAddress().isEmpty()) {
            return Optional.empty();
        }
        IpAddress vmIp = nic.ipAddress().get();
        return configuration.publicIps().stream()
                .filter(ip -> ip.oneToOneNat() && ip.state() != PublicIpAddress.State.RELEASING && ip.associatedVmIp().filter(vmIp::equals).isPresent())
                .map(PublicIpAddress::address)
                .findFirst()
                .or(() -> configuration.staticNats().stream().filter(nat -> !nat.revoked() && nat.vmIp().equals(vmIp)).map(StaticNat::publicIp)
                        .findFirst());
    }

    /** Loads at most once, and only if a Running router needs it (the dispatch builds on the caller's thread). */
    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        List<T> value = new ArrayList<>(1);
        return () -> {
            if (value.isEmpty()) {
                value.add(supplier.get());
            }
            return value.get(0);
        };
    }
}
