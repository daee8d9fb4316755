package org.vrouter.hypervisor.kvm.domain;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.commands.to.DiskTO;
import org.vrouter.commands.to.NicTO;
import org.vrouter.commands.to.VirtualMachineTO;

/**
 * Turns the VM of a {@code StartCommand} into a {@link DomainDefinition}:
 * <ul>
 *   <li>memory: {@code max_ram} and {@code min_ram} in KiB; vCPUs; CPU shares = vCPUs × MHz;
 *   <li>UUID: the VM's when it is a UUID, else one derived from the name (stable across starts);
 *   <li>disks by device id: ROOT and DATADISK as virtio qcow2 {@code vda}, {@code vdb}... (a path
 *       that is not absolute is a volume under {@link DomainSettings#storageDirectory()}), the serial
 *       the first 20 characters of the volume UUID without dashes; an ISO as an IDE cdrom from
 *       {@code hdc} on; then the extra disks a boot-argument carrier asks for (the config drive);
 *   <li>one virtio NIC per NIC in device-id order (so {@code ethN} is the N-th), with its MAC, on the
 *       bridge {@link BridgeNaming} names, with its rate limit and MTU;
 *   <li>the guest-agent socket {@code <socket directory>/<name>.org.qemu.guest_agent.0};
 *   <li>VNC on the host's address when the start command names one, with the VM's password.
 * </ul>
 * Stateless and thread-safe.
 */
public final class RouterDomainPlanner {
    private static final String IDE_TARGETS = "cdefgh";
    private final DomainSettings settings;

    public RouterDomainPlanner(DomainSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    /**
     * The domain of {@code vm}.
     *
     * @param extraCdroms ISO files to insert after the VM's own drives (read-only)
     * @throws InvalidParameterException naming the field when a NIC has no bridge or the devices do not fit
     */
    public DomainDefinition plan(VirtualMachineTO vm, Optional<IpAddress> hostIp, List<String> extraCdroms) {
        DomainDefinition.Builder domain = DomainDefinition.builder(vm.name(), uuidOf(vm))
                .description("vrouter " + vm.type().wireName() + " " + vm.hostName())
                .memoryKib(kib(vm.minRamBytes()), kib(vm.maxRamBytes()))
                .cpus(vm.cpus(), (int) Math.max(2, Math.min(262_144L, (long) vm.cpus() * vm.speedMhz())))
                .guestAgentSocket(settings.socketDirectory() + "/" + vm.name() + "." + DomainDefinition.GUEST_AGENT_CHANNEL);
        settings.emulator().ifPresent(domain::emulator);
        addDisks(domain, vm.disks(), extraCdroms);
        for (NicTO nic : vm.nics()) {
            domain.nic(new DomainInterface(nic.macAddress(), settings.bridges().bridgeFor(nic), nic.networkRateMbps().stream()
                    .filter(rate -> rate > 0).findFirst(), nic.mtu()));
        }
        hostIp.ifPresent(ip -> domain.vnc(ip.value(), vm.password()));
        return domain.build();
    }

    /** The NIC a hot-plug adds: as {@link #plan} would have made it. */
    public DomainInterface nic(NicTO nic) {
        return new DomainInterface(nic.macAddress(), settings.bridges().bridgeFor(nic), nic.networkRateMbps().stream().filter(rate -> rate > 0)
                .findFirst(), nic.mtu());
    }

    private void addDisks(DomainDefinition.Builder domain, List<DiskTO> disks, List<String> extraCdroms) {
        int virtio = 0;
        int ide = 0;
        for (DiskTO disk : disks) {
            if (disk.type() == DiskTO.Type.ISO) {
                domain.disk(DomainDisk.cdrom(disk.path().map(this::hostPath), ideTarget(ide++)));
            }
            else {
                String target = "vd" + (char) ('a' + virtio++);
                domain.disk(DomainDisk.virtio(hostPath(disk.path().orElseThrow()), target, disk.uuid().flatMap(RouterDomainPlanner::serialOf)));
            }
        }
        for (String iso : extraCdroms) {
            domain.disk(DomainDisk.cdrom(Optional.of(iso), ideTarget(ide++)));
        }
        if (virtio > 26) {
            throw new InvalidParameterException("disks", "more than 26 virtio disks", virtio);
        }
    }

    private static String ideTarget(int index) {
        if (index >= IDE_TARGETS.length()) {
            throw new InvalidParameterException("disks", "more than " + IDE_TARGETS.length() + " cdrom drives", index + 1);
        }
        return "hd" + IDE_TARGETS.charAt(index);
    }

    private String hostPath(String path) {
        return path.startsWith("/") ? path : settings.storageDirectory() + "/" + path;
    }

    private static Optional<String> serialOf(String uuid) {
        String compact = uuid.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
        return compact.isEmpty() ? Optional.empty() : Optional.of(compact.substring(0, Math.min(20, compact.length())));
    }

    private static long kib(long bytes) {
        return Math.max(1, bytes / 1024);
    }

    /** The VM's UUID, or a name-based one when the VM's is not a UUID (CloudStack draws a random one). */
    static UUID uuidOf(VirtualMachineTO vm) {
        try {
            return UUID.fromString(vm.uuid());
        }
        catch (IllegalArgumentException e) {
            return UUID.nameUUIDFromBytes(("vrouter-domain:" + vm.name()).getBytes(UTF_8));
        }
    }
}
