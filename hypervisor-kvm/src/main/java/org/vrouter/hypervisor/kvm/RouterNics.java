package org.vrouter.hypervisor.kvm;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrouter.api.net.BroadcastUri;
import org.vrouter.commands.AccessDetails;
import org.vrouter.commands.IpAssociationCommand;
import org.vrouter.commands.to.IpAddressTO;
import org.vrouter.commands.to.NicTO;
import org.vrouter.commands.to.VirtualMachineTO;
import org.vrouter.core.routing.NicDevices;
import org.vrouter.hypervisor.kvm.domain.LibvirtDomainXml;
import org.vrouter.hypervisor.kvm.domain.RouterDomainPlanner;
import org.vrouter.hypervisor.kvm.libvirt.LibvirtConnection;

/**
 * The NICs of each router this resource started, and CloudStack's {@code prepareCommand} /
 * {@code cleanupCommand} for IP associations: an address to add on a VLAN the router has no NIC on
 * gets one hot-plugged ({@code attachDevice}: the address's MAC, the VLAN's bridge, the next device
 * number; the address is marked {@code new_nic}); then every address gets its {@code nic_dev_id}
 * from core's {@link NicDevices}. After a removal flagged {@code network.public.last.ip}, a NIC this
 * resource hot-plugged on that VLAN is unplugged again. Thread-safe; the caller holds the router's lock.
 */
final class RouterNics {
    private static final Logger log = LoggerFactory.getLogger(RouterNics.class);

    private final LibvirtConnection libvirt;
    private final RouterDomainPlanner planner;
    private final Map<String, List<NicTO>> nics = new ConcurrentHashMap<>();
    private final Map<String, Set<Integer>> plugged = new ConcurrentHashMap<>();

    RouterNics(LibvirtConnection libvirt, RouterDomainPlanner planner) {
        this.libvirt = requireNonNull(libvirt, "libvirt is null");
        this.planner = requireNonNull(planner, "planner is null");
    }

    void started(VirtualMachineTO vm) {
        nics.put(vm.name(), List.copyOf(vm.nics()));
        plugged.put(vm.name(), ConcurrentHashMap.newKeySet());
    }

    void forget(String router) {
        nics.remove(router);
        plugged.remove(router);
    }

    /** The router's NICs now (as started, plus hot-plugged ones); empty for a router this resource did not start. */
    Optional<List<NicTO>> of(String router) {
        return Optional.ofNullable(nics.get(router));
    }

    /**
     * {@code command} with NICs plugged as needed and every {@code nic_dev_id} filled.
     *
     * @throws org.vrouter.api.error.InvalidParameterException when an address still has no NIC
     * @throws org.vrouter.hypervisor.kvm.libvirt.LibvirtOperationException when a hot-plug fails
     */
    IpAssociationCommand prepare(String router, IpAssociationCommand command) {
        List<NicTO> current = new ArrayList<>(nics.getOrDefault(router, List.of()));
        List<IpAddressTO> addresses = new ArrayList<>();
        for (IpAddressTO ip : command.ipAddresses()) {
            if (ip.add() && needsNic(ip, current)) {
                NicTO nic = plug(router, ip, current);
                current.add(nic);
                addresses.add(ip.withNewNic(true));
            }
            else {
                addresses.add(ip);
            }
        }
        nics.put(router, List.copyOf(current));
        return NicDevices.fill(command.withIpAddresses(addresses), current);
    }

    /** After a successful association: unplugs NICs we plugged whose VLAN lost its last public address. */
    void cleanup(String router, IpAssociationCommand command) {
        if (!"true".equals(command.accessDetails().get(AccessDetails.NETWORK_PUB_LAST_IP).orElse(""))) {
            return;
        }
        Set<Integer> ours = plugged.getOrDefault(router, Set.of());
        List<NicTO> current = new ArrayList<>(nics.getOrDefault(router, List.of()));
        for (IpAddressTO ip : command.ipAddresses()) {
            if (ip.add() || ip.nicDeviceId().isEmpty() || !ours.contains(ip.nicDeviceId().getAsInt())) {
                continue;
            }
            int device = ip.nicDeviceId().getAsInt();
            current.stream().filter(nic -> nic.deviceId() == device).findFirst().ifPresent(nic -> {
                libvirt.detachDevice(router, LibvirtDomainXml.nic(planner.nic(nic)).render());
                current.remove(nic);
                ours.remove(device);
                log.info("router {}: unplugged eth{} ({}) after its VLAN's last public address left", router, device, nic.macAddress());
            });
        }
        nics.put(router, List.copyOf(current));
    }

    private static boolean needsNic(IpAddressTO ip, List<NicTO> current) {
        if (ip.vifMacAddress().isEmpty() || ip.broadcastUri().isEmpty()) {
            return false;
        }
        Optional<BroadcastUri> vlan = ip.broadcastUri();
        return current.stream().noneMatch(nic -> nic.macAddress().equals(ip.vifMacAddress().get()) || nic.broadcastUri().equals(vlan));
    }

    private NicTO plug(String router, IpAddressTO ip, List<NicTO> current) {
        int device = current.stream().mapToInt(NicTO::deviceId).max().orElse(-1) + 1;
        NicTO.Builder builder = NicTO.builder(device, ip.vifMacAddress().orElseThrow(), ip.trafficType()).broadcastUri(ip.broadcastUri().orElseThrow());
        ip.networkName().ifPresent(builder::networkName);
        ip.networkRateMbps().ifPresent(builder::networkRateMbps);
        ip.mtu().ifPresent(builder::mtu);
        NicTO nic = builder.build();
        libvirt.attachDevice(router, LibvirtDomainXml.nic(planner.nic(nic)).render());
        plugged.computeIfAbsent(router, name -> ConcurrentHashMap.newKeySet()).add(device);
        log.info("router {}: hot-plugged eth{} ({}) for {} on {}", router, device, nic.macAddress(), ip.publicIp(), ip.broadcastUri().get());
        return nic;
    }
}
