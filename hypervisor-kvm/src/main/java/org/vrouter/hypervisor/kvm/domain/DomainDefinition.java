package org.vrouter.hypervisor.kvm.domain;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.validation.FieldChecks;

/**
 * What a router's libvirt domain is made of, before it becomes XML ({@link LibvirtDomainXml}):
 * identity, sizing, disks and NICs in guest order, the guest-agent socket, optional VNC.
 * {@link RouterDomainPlanner} builds one from a {@code VirtualMachineTO}.
 *
 * @param name the domain name (the instance name, {@code r-42-VM})
 * @param uuid the domain UUID
 * @param description free text (the guest OS name); any characters XML can carry
 * @param memoryKib maximum memory in KiB
 * @param currentMemoryKib memory at start in KiB, at most {@code memoryKib}
 * @param vcpus virtual CPUs
 * @param cpuShares the relative CPU weight ({@code cpus × MHz}, as CloudStack)
 * @param emulator the QEMU binary, when the host needs it named
 * @param disks in guest order
 * @param interfaces in guest order: the first is {@code eth0}
 * @param guestAgentSocket the host-side unix socket of channel {@code org.qemu.guest_agent.0}
 * @param vncListen the address VNC listens on, when VNC is wanted
 * @param vncPassword the VNC password, when set; never in {@link #toString()}
 */
public record DomainDefinition(
        String name,
        UUID uuid,
        String description,
        long memoryKib,
        long currentMemoryKib,
        int vcpus,
        int cpuShares,
        Optional<String> emulator,
        List<DomainDisk> disks,
        List<DomainInterface> interfaces,
        String guestAgentSocket,
        Optional<String> vncListen,
        Optional<Secret> vncPassword) {

    /** The name of the QEMU guest agent's virtio-serial port. */
    public static final String GUEST_AGENT_CHANNEL = "org.qemu.guest_agent.0";

    public DomainDefinition {
        FieldChecks.requireHostName("name", name);
        requireNonNull(uuid, "uuid is null");
        requireNonNull(description, "description is null");
        FieldChecks.requireRange("memory", memoryKib, 1, Long.MAX_VALUE);
        FieldChecks.requireRange("current_memory", currentMemoryKib, 1, memoryKib);
        FieldChecks.requireRange("vcpus", vcpus, 1, 4096);
        FieldChecks.requireRange("cpu_shares", cpuShares, 2, 262_144);
        requireNonNull(emulator, "emulator is null").ifPresent(path -> requireAbsolute("emulator", path));
        disks = List.copyOf(requireNonNull(disks, "disks is null"));
        interfaces = List.copyOf(requireNonNull(interfaces, "interfaces is null"));
        requireAbsolute("guest_agent_socket", guestAgentSocket);
        requireNonNull(vncListen, "vncListen is null");
        requireNonNull(vncPassword, "vncPassword is null");
        if (disks.stream().map(DomainDisk::targetDevice).distinct().count() != disks.size()) {
            throw new InvalidParameterException("disks", "two disks on one target device", disks.stream().map(DomainDisk::targetDevice).toList());
        }
    }

    public static Builder builder(String name, UUID uuid) {
        return new Builder(name, uuid);
    }

    private static void requireAbsolute(String field, String path) {
        requireNonNull(path, field + " is null");
        if (!path.startsWith("/")) {
            throw new InvalidParameterException(field, "must be an absolute path", path);
        }
    }

    @Override
    public String toString() {
        return "DomainDefinition[name=" + name + ", uuid=" + uuid + ", memoryKib=" + memoryKib + ", vcpus=" + vcpus + ", disks=" + disks
                + ", interfaces=" + interfaces + ", vncPassword=" + vncPassword + "]";
    }

    /** Collects a definition; defaults: 256 MiB, 1 vCPU, 500 shares, no disks, no NICs, no VNC, socket under {@code /var/lib/libvirt/qemu}. */
    public static final class Builder {
        private final String name;
        private final UUID uuid;
        private String description = "";
        private long memoryKib = 256 * 1024;
        private long currentMemoryKib = 256 * 1024;
        private int vcpus = 1;
        private int cpuShares = 500;
        private String emulator;
        private final List<DomainDisk> disks = new ArrayList<>();
        private final List<DomainInterface> interfaces = new ArrayList<>();
        private String guestAgentSocket;
        private String vncListen;
        private Secret vncPassword;

        private Builder(String name, UUID uuid) {
            this.name = requireNonNull(name, "name is null");
            this.uuid = requireNonNull(uuid, "uuid is null");
            this.guestAgentSocket = "/var/lib/libvirt/qemu/" + name + "." + GUEST_AGENT_CHANNEL;
        }

        public Builder description(String description) {
            this.description = requireNonNull(description, "description is null");
            return this;
        }

        public Builder memoryKib(long currentKib, long maximumKib) {
            this.currentMemoryKib = currentKib;
            this.memoryKib = maximumKib;
            return this;
        }

        public Builder cpus(int vcpus, int shares) {
            this.vcpus = vcpus;
            this.cpuShares = shares;
            return this;
        }

        public Builder emulator(String path) {
            this.emulator = requireNonNull(path, "path is null");
            return this;
        }

        public Builder disk(DomainDisk disk) {
            disks.add(requireNonNull(disk, "disk is null"));
            return this;
        }

        public Builder nic(DomainInterface nic) {
            interfaces.add(requireNonNull(nic, "nic is null"));
            return this;
        }

        public Builder guestAgentSocket(String path) {
            this.guestAgentSocket = requireNonNull(path, "path is null");
            return this;
        }

        public Builder vnc(String listen, Optional<Secret> password) {
            this.vncListen = requireNonNull(listen, "listen is null");
            this.vncPassword = requireNonNull(password, "password is null").orElse(null);
            return this;
        }

        public DomainDefinition build() {
            return new DomainDefinition(name, uuid, description, memoryKib, currentMemoryKib, vcpus, cpuShares, Optional.ofNullable(emulator),
                    disks, interfaces, guestAgentSocket, Optional.ofNullable(vncListen), Optional.ofNullable(vncPassword));
        }
    }
}
