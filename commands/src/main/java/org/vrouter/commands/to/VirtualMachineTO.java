package org.vrouter.commands.to;

import static java.util.Objects.requireNonNull;
import static org.vrouter.commands.to.TransferChecks.optional;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;

import org.vrouter.api.bootargs.BootArg;
import org.vrouter.api.bootargs.BootArgs;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.validation.FieldChecks;
import org.vrouter.api.vm.VirtualMachine;

/**
 * The VM a {@code StartCommand} starts: CloudStack's {@code VirtualMachineTO}, reduced to what a
 * router start uses (identity, sizing, boot arguments, NICs, disks).
 *
 * <p>Boot arguments are a {@link BootArgs} line ({@code wire-format.md} §9): ordered, a key may
 * repeat (the router keeps the last occurrence), every value validated for its key.
 *
 * <p>NICs are kept sorted by device id (= {@code ethN}) and device ids are unique; so are disk
 * device ids. {@link #toString()} hides the values of secret boot arguments and the VNC password.
 *
 * @param name the instance name ({@code r-42-VM}): the hypervisor's domain name
 * @param hostName the host name inside the VM
 * @param cpus number of vCPUs, at least 1
 * @param speedMhz CPU speed per vCPU, at least 1
 * @param minRamBytes RAM at start, at least 1, at most {@code maxRamBytes}
 * @param password the VNC password, if any
 */
public record VirtualMachineTO(
        String name,
        String hostName,
        VirtualMachine.Type type,
        int cpus,
        int speedMhz,
        long minRamBytes,
        long maxRamBytes,
        BootArgs bootArgs,
        List<NicTO> nics,
        List<DiskTO> disks,
        boolean enableHa,
        String uuid,
        Optional<Secret> password) {


    public VirtualMachineTO {
        FieldChecks.requireHostName("name", name);
        FieldChecks.requireHostName("host_name", hostName);
        requireNonNull(type, "type is null");
        FieldChecks.requireRange("cpus", cpus, 1, 4096);
        FieldChecks.requireRange("speed", speedMhz, 1, Integer.MAX_VALUE);
        FieldChecks.requireRange("min_ram", minRamBytes, 1, Long.MAX_VALUE);
        if (maxRamBytes < minRamBytes) {
            throw new InvalidParameterException("max_ram", "smaller than min_ram (" + minRamBytes + ")", maxRamBytes);
        }
        requireNonNull(bootArgs, "bootArgs is null");
        nics = sortedUnique(TransferChecks.list(nics, "nics"), NicTO::deviceId, "nics");
        disks = sortedUnique(TransferChecks.list(disks, "disks"), DiskTO::deviceId, "disks");
        if (disks.stream().filter(disk -> disk.type() == DiskTO.Type.ROOT).count() > 1) {
            throw new InvalidParameterException("disks", "more than one ROOT disk");
        }
        FieldChecks.requireIdentifier("uuid", uuid);
        optional(password, "password").ifPresent(secret -> FieldChecks.requireSafeSecret("vnc_password", secret.reveal()));
    }

    private static <T> List<T> sortedUnique(List<T> values, ToIntFunction<T> deviceId, String field) {
        List<T> sorted = values.stream().sorted(Comparator.comparingInt(deviceId)).toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (deviceId.applyAsInt(sorted.get(i)) == deviceId.applyAsInt(sorted.get(i - 1))) {
                throw new InvalidParameterException(field, "duplicate device id", deviceId.applyAsInt(sorted.get(i)));
            }
        }
        return sorted;
    }

    public static Builder builder(String name, VirtualMachine.Type type, String uuid) {
        return new Builder(name, type, uuid);
    }

    /** The value of the last occurrence of boot argument {@code key}, as the router reads it. */
    public Optional<String> bootArg(String key) {
        return bootArgs.get(key);
    }

    /**
     * The boot-argument line as CloudStack builds it: each pair preceded by one space
     * ({@code " template=domP name=r-12-VM"}); empty when there are none.
     */
    public String bootArgsLine() {
        return bootArgs.render();
    }

    public Optional<NicTO> nic(int deviceId) {
        return nics.stream().filter(nic -> nic.deviceId() == deviceId).findFirst();
    }

    @Override
    public String toString() {
        return "VirtualMachineTO[name=" + name + ", hostName=" + hostName + ", type=" + type + ", cpus=" + cpus
                + ", speedMhz=" + speedMhz + ", minRamBytes=" + minRamBytes + ", maxRamBytes=" + maxRamBytes
                + ", bootArgs=" + bootArgs + ", nics=" + nics + ", disks=" + disks + ", enableHa=" + enableHa
                + ", uuid=" + uuid + ", password=" + password + "]";
    }

    /** Collects a VM's fields; {@link #build()} validates them. Defaults: 1 vCPU at 500 MHz, 256 MiB. */
    public static final class Builder {
        private final String name;
        private final VirtualMachine.Type type;
        private final String uuid;
        private String hostName;
        private int cpus = 1;
        private int speedMhz = 500;
        private long minRamBytes = 256L * 1024 * 1024;
        private long maxRamBytes = 256L * 1024 * 1024;
        private final List<BootArg> bootArgs = new ArrayList<>();
        private final List<NicTO> nics = new ArrayList<>();
        private final List<DiskTO> disks = new ArrayList<>();
        private boolean enableHa;
        private Secret password;

        private Builder(String name, VirtualMachine.Type type, String uuid) {
            this.name = requireNonNull(name, "name is null");
            this.type = requireNonNull(type, "type is null");
            this.uuid = requireNonNull(uuid, "uuid is null");
            this.hostName = name;
        }

        /** Defaults to the instance name. */
        public Builder hostName(String hostName) {
            this.hostName = requireNonNull(hostName, "hostName is null");
            return this;
        }

        public Builder cpu(int cpus, int speedMhz) {
            this.cpus = cpus;
            this.speedMhz = speedMhz;
            return this;
        }

        public Builder ramBytes(long minRamBytes, long maxRamBytes) {
            this.minRamBytes = minRamBytes;
            this.maxRamBytes = maxRamBytes;
            return this;
        }

        /** Appends one boot argument; a repeated key is kept (the last one wins on the router). */
        public Builder bootArg(String key, String value) {
            bootArgs.add(new BootArg(requireNonNull(key, "key is null"), requireNonNull(value, "value is null")));
            return this;
        }

        /** Appends every token of {@code args} in order. */
        public Builder bootArgs(BootArgs args) {
            bootArgs.addAll(args.args());
            return this;
        }

        public Builder nic(NicTO nic) {
            nics.add(requireNonNull(nic, "nic is null"));
            return this;
        }

        public Builder disk(DiskTO disk) {
            disks.add(requireNonNull(disk, "disk is null"));
            return this;
        }

        public Builder enableHa(boolean enableHa) {
            this.enableHa = enableHa;
            return this;
        }

        public Builder password(Secret password) {
            this.password = requireNonNull(password, "password is null");
            return this;
        }

        public VirtualMachineTO build() {
            return new VirtualMachineTO(name, hostName, type, cpus, speedMhz, minRamBytes, maxRamBytes, new BootArgs(bootArgs),
                    nics, disks, enableHa, uuid, Optional.ofNullable(password));
        }
    }
}
